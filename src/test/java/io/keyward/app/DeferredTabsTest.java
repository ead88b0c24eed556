package io.keyward.app;

import io.keyward.store.MemorySecretStore;
import io.keyward.ui.common.FxDialogService;
import io.keyward.ui.main.MainView;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feature tabs' tables are built when their tab first shows, not before the first frame: with no
 * connection there are none; each backend's connection brings its tabs, complete; a tab shown again is
 * the one built before.
 */
class DeferredTabsTest extends MainWindowFixture {

    MainView view;

    List<String> tabIds() throws Exception {
        return fx(() -> view.tabs().getTabs().stream().map(Tab::getId).toList());
    }

    void waitForTabs(List<String> ids) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> tabIds().equals(ids));
    }

    @Test
    void eachTabIsBuiltWhenItsBackendFirstShowsItAndKeptAfterwards() throws Exception {
        fx(() -> {
            context = new AppContext(new FxDialogService(() -> stage), Clock.systemUTC(), data, new MemorySecretStore());
            view = KeywardApp.install(stage, context);
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), tabIds());
        for (String table : List.of("#keys-table", "#jwks-table", "#credentials-table", "#jwtkeys-table")) {
            assertNull(lookup(table), table + " before any connection");
        }

        fx(() -> {
            context.startDemoSandbox(() -> { });
            return null;
        });
        waitForTabs(List.of("keys-tab", "jwks-tab", "credentials-tab"));
        for (String table : List.of("#keys-table", "#jwks-table", "#credentials-table")) {
            assertNotNull(lookup(table), table + " once connected to Apinizer");
        }
        assertNull(lookup("#jwtkeys-table"), "Apinizer has no JWT keys tab");
        Node keysContent = fx(() -> view.tabs().getTabs().get(0).getContent());
        assertNotNull(keysContent);
        assertTrue(fx(() -> view.tabs().getTabs().stream().allMatch(t -> t.getContent() != null)));

        fx(() -> {
            context.main().connect(AppContext.ampersandDemoProfile(context.sandbox()));
            return null;
        });
        waitForTabs(List.of("jwtkeys-tab"));
        assertNotNull(lookup("#jwtkeys-table"), "the JWT keys table once connected to Ampersand");
        assertNull(lookup("#keys-table"));

        fx(() -> {
            context.main().connect(AppContext.demoProfile(context.sandbox()));
            return null;
        });
        waitForTabs(List.of("keys-tab", "jwks-tab", "credentials-tab"));
        assertSame(keysContent, fx(() -> view.tabs().getTabs().get(0).getContent()), "built once, shown again");
        assertNotNull(lookup("#keys-table"));
    }
}
