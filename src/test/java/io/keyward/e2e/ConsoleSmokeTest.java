package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.app.KeywardApp;
import io.keyward.ui.common.FxDialogService;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ConsoleSmokeTest {

    AppContext context;

    @Start
    void start(Stage stage) {
        context = new AppContext(new FxDialogService(() -> stage), Clock.systemDefaultZone());
        KeywardApp.install(stage, context);
        stage.show();
        context.startDemoSandbox(() -> { });
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void opensConnectedToTheDemoSandboxWithTheFirstProjectsKeys(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#keys-table").queryTableView().getItems().isEmpty());
        TableView<?> keys = robot.lookup("#keys-table").queryTableView();
        assertTrue(keys.getItems().size() >= 3, "keys: " + keys.getItems().size());
        assertEquals("Demo sandbox", robot.lookup("#connection-name").queryLabeled().getText());
    }
}
