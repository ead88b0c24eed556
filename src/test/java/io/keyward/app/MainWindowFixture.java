package io.keyward.app;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What the main-window tests of this package share: a TestFX stage, a data directory of their own, the
 * context they make (closed after each test), and reading the scene on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
abstract class MainWindowFixture {

    @TempDir
    Path data;
    Stage stage;
    AppContext context;

    /** The stage ApplicationExtension registered for this test (a @Start in a superclass is not called). */
    @BeforeEach
    void stage() {
        stage = FxToolkit.toolkitContext().getRegisteredStage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    Node lookup(String id) throws Exception {
        return fx(() -> stage.getScene().lookup(id));
    }
}
