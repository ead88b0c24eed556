package io.keyward.app;

import io.keyward.store.MemorySecretStore;
import io.keyward.store.UiState;
import io.keyward.ui.common.FxDialogService;
import io.keyward.ui.main.MainView;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window comes back where it was (on a screen, whatever the monitors now are), with its splitters. */
class WhereLeftOffTest extends MainWindowFixture {

    MainView view;

    void open() throws Exception {
        fx(() -> {
            context = new AppContext(new FxDialogService(() -> stage), Clock.systemUTC(), data, new MemorySecretStore());
            view = KeywardApp.install(stage, context);
            stage.show();
            return null;
        });
        // Once shown, the window asks for its size again (for window managers that drop the first request).
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void theWindowAndItsSplittersAreSavedAndComeBackOnAScreen() throws Exception {
        open();
        fx(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
            ((SplitPane) stage.getScene().lookup("#main-split")).setDividerPositions(0.55);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            KeywardApp.saveState(stage, context);
            return null;
        });
        UiState saved = context.uiStateStore().load().state();
        assertEquals(1000, saved.window().width(), 1);
        assertEquals(40, saved.window().x(), 1);
        assertEquals(0.55, saved.dividers().get("main-split"), 0.02);

        // Brought back somewhere the monitors no longer reach: moved onto the screen, size and splitters kept.
        UiState elsewhere = new UiState(new UiState.Window(5000, 4000, 1000, 700, false), null, null,
                Map.of("main-split", 0.55, "upper-split", 0.3));
        fx(() -> {
            KeywardApp.restoreWindow(stage, view, elsewhere);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        double[] w = fx(() -> new double[]{stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()});
        assertEquals(1000, w[2], 1);
        assertTrue(w[0] >= screen.getMinX() && w[0] + w[2] <= screen.getMaxX() + 1
                && w[1] >= screen.getMinY() && w[1] + w[3] <= screen.getMaxY() + 1,
                java.util.Arrays.toString(w) + " on " + screen);
        assertEquals(0.3, fx(() -> ((SplitPane) stage.getScene().lookup("#upper-split")).getDividerPositions()[0]), 0.02);
    }
}
