package io.keyward.app;

import io.keyward.store.MemorySecretStore;
import io.keyward.ui.common.FxDialogService;
import io.keyward.ui.main.MainView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's first frame (what {@code KeywardApp} shows first at start): built off the FX thread, as
 * {@code init()} builds it; the toolbar and status line are in it, the panes are not, nothing is connected;
 * {@link MainView#complete()} then builds the rest once, with the tooltips, and the window works as a
 * whole one does. {@code KeywardApp.afterFrame} runs its work only once the stage is shown and a frame
 * has been laid out.
 */
class FirstFrameTest extends MainWindowFixture {


    @Test
    void theFirstFrameHasTheToolbarAndStatusLineAndCompleteBuildsTheRestOnce(FxRobot robot) throws Exception {
        context = new AppContext(new FxDialogService(() -> stage), Clock.systemUTC(), data, new MemorySecretStore());
        // Off the FX thread, as KeywardApp.init builds it.
        assertFalse(javafx.application.Platform.isFxApplicationThread());
        MainView view = MainView.firstFrame(context.main());
        fx(() -> {
            KeywardApp.install(stage, view);
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("#connection-name", "#connections", "#refresh", "#status", "#upper-split", "#main-split")) {
            assertNotNull(lookup(id), id + " is in the first frame");
        }
        for (String id : List.of("#projects", "#project-filter", "#results", "#project-title", "#busy", "#notification")) {
            assertNull(lookup(id), id + " comes after the first frame");
        }
        assertFalse(fx(view::isComplete));
        assertNull(fx(() -> ((Label) stage.getScene().lookup("#read-only")).getTooltip()), "no tooltips yet");
        assertNull(fx(() -> context.main().activeProperty().get()), "nothing connected");

        fx(() -> {
            view.complete();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#projects", "#project-filter", "#results", "#project-title", "#busy", "#notification")) {
            assertNotNull(lookup(id), id + " once complete");
        }
        assertTrue(fx(view::isComplete));
        assertNotNull(fx(() -> ((Label) stage.getScene().lookup("#read-only")).getTooltip()));
        assertNotNull(fx(() -> ((Button) stage.getScene().lookup("#cancel-loading")).getTooltip()));
        assertNotNull(fx(() -> ((Button) stage.getScene().lookup("#cancel-bulk")).getTooltip()));
        ToolBar toolbar = (ToolBar) fx(() -> stage.getScene().lookup(".tool-bar"));
        List<Node> items = fx(() -> List.copyOf(toolbar.getItems()));
        // The busy indicator sits where it always did: right after Refresh.
        assertSame(lookup("#refresh"), items.get(items.indexOf(lookup("#busy")) - 1));
        assertTrue(lookup("#busy") instanceof ProgressIndicator);

        fx(() -> {
            view.complete();
            return null;
        });
        assertEquals(items, fx(() -> List.copyOf(toolbar.getItems())), "a second complete() adds nothing");
        assertEquals(1, fx(() -> stage.getScene().getRoot().lookupAll("#projects").size()));

        // The whole window works: connected to the demo, its projects show, and Ctrl+F finds the filter.
        fx(() -> {
            context.startDemoSandbox(() -> { });
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> !((javafx.scene.control.ListView<?>) stage.getScene().lookup("#projects")).getItems().isEmpty()));
        robot.clickOn("#status").press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> stage.getScene().getFocusOwner() != null
                && stage.getScene().getFocusOwner().getId() != null
                && stage.getScene().getFocusOwner().getId().endsWith("filter")), "Ctrl+F focused a filter");
    }

    @Test
    void afterFrameWaitsForTheStageToBeShownAndAFrameLaidOut() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger layoutsBefore = new AtomicInteger(-1);
        AtomicInteger layouts = new AtomicInteger();
        fx(() -> {
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new Label("x")), 200, 100));
            stage.getScene().addPostLayoutPulseListener(layouts::incrementAndGet);
            KeywardApp.afterFrame(stage, () -> {
                layoutsBefore.set(layouts.get());
                ran.incrementAndGet();
            });
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, ran.get(), "not before the stage is shown");
        fx(() -> {
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ran.get() == 1);
        assertTrue(layoutsBefore.get() >= 1, "a frame was laid out before it ran");
        // Once shown, the next frame.
        fx(() -> {
            KeywardApp.afterFrame(stage, ran::incrementAndGet);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ran.get() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ran.get(), "each runs once");
    }
}
