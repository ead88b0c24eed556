package io.keyward.e2e;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Base of the end-to-end tests: a fresh window and sandbox per test, closed afterwards.
 * TestFX only finds {@code @Start} on the test class itself, so each subclass declares
 * {@code @Start void start(Stage s) { launch(s); }}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ConsoleTest {

    ConsoleDriver ui;

    void launch(Stage stage) {
        ui = ConsoleDriver.start(stage);
    }

    @AfterEach
    void closeConsole() {
        if (ui != null) {
            ui.close();
        }
    }
}
