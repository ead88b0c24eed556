package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.app.KeywardApp;
import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Secret;
import io.keyward.ui.common.FxDialogService;
import io.keyward.ui.results.ResultsView;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Drives the real Keyward window in a TestFX test: builds it exactly as the application does
 * ({@link KeywardApp#install}) against a fresh embedded sandbox, and offers the waits, lookups and
 * clicks the end-to-end tests share. Reads of scene state happen on the FX thread; waits poll a
 * condition instead of sleeping.
 */
final class ConsoleDriver implements AutoCloseable {

    /** Long enough for a slow CI machine; a passing test never waits this long. */
    static final int TIMEOUT_SECONDS = 15;

    final FxRobot robot;
    final Stage stage;
    final AppContext context;

    private ConsoleDriver(FxRobot robot, Stage stage, AppContext context) {
        this.robot = robot;
        this.stage = stage;
        this.context = context;
    }

    /** Call from the test's {@code @Start} method (FX thread): the real window, connecting to a new sandbox. */
    static ConsoleDriver start(Stage stage) {
        AppContext context = new AppContext(new FxDialogService(() -> stage), Clock.systemDefaultZone());
        KeywardApp.install(stage, context);
        stage.show();
        context.startDemoSandbox(() -> { });
        return new ConsoleDriver(new FxRobot(), stage, context);
    }

    /**
     * The console as it starts on a user's machine, with its files in {@code dataDir}: saved connections
     * and the journal's history come back (secrets in memory, never the user's keychain).
     */
    static ConsoleDriver startWithData(Stage stage, java.nio.file.Path dataDir, io.keyward.ui.common.DialogService dialogs) {
        AppContext context = new AppContext(dialogs, Clock.systemDefaultZone(), dataDir,
                new io.keyward.store.MemorySecretStore());
        KeywardApp.install(stage, context);
        stage.show();
        context.startWhereLeftOff(null, () -> { });
        return new ConsoleDriver(new FxRobot(), stage, context);
    }

    @Override
    public void close() {
        context.close();
    }

    // ---- waiting and reading on the FX thread ----------------------------------------------------

    /** Runs {@code read} on the FX thread and returns its value. */
    static <T> T fx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Runs {@code action} on the FX thread and waits for it and the events it queued. */
    void interact(Runnable action) {
        robot.interact(action);
    }

    /** Polls {@code condition} on the FX thread until it holds; fails with {@code what} otherwise. */
    void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(fx(condition)));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** No load or mutation running, no dialog being prepared. */
    void waitUntilIdle() {
        waitUntil("the console is idle", () -> !context.main().busyProperty().get());
    }

    /** The sandbox is up, the projects are listed and the first project's keys are shown. */
    void waitUntilLoaded() {
        waitUntil("the first project's keys are shown", () -> context.sandbox() != null
                && !context.main().projects().projects().isEmpty()
                && !context.main().workspace().keys().isEmpty());
        waitUntilIdle();
    }

    // ---- lookups ----------------------------------------------------------------------------------

    <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    @SuppressWarnings("unchecked")
    <T> TableView<T> table(String id) {
        return (TableView<T>) robot.lookup(id).queryTableView();
    }

    /** The text a label, button or text area shows. */
    String text(String query) {
        Node n = node(query, Node.class);
        return fx(() -> n instanceof Labeled l ? l.getText()
                : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : n.toString());
    }

    /** The rows a table shows, as one column's text, in display order. */
    <T> List<String> column(String tableId, Function<T, String> value) {
        TableView<T> t = table(tableId);
        return fx(() -> t.getItems().stream().map(value).toList());
    }

    @SuppressWarnings("unchecked")
    TreeTableView<ResultsView.Row> results() {
        return (TreeTableView<ResultsView.Row>) robot.lookup("#results").queryAs(TreeTableView.class);
    }

    /** The entry rows of the results panel (newest first, across its day groups) with their environment rows. */
    List<TreeItem<ResultsView.Row>> resultEntries() {
        TreeTableView<ResultsView.Row> tree = results();
        return fx(() -> {
            List<TreeItem<ResultsView.Row>> entries = new ArrayList<>();
            tree.getRoot().getChildren().forEach(day -> entries.addAll(day.getChildren()));
            return entries;
        });
    }

    /** Opens Connections and presses New, as a user would; returns the dialog. */
    DialogPane newConnection() {
        click("#connections");
        DialogPane connections = dialog("#connections-dialog");
        javafx.scene.control.Button add = fx(() -> connections.lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && "New".equals(b.getText()))
                .map(n -> (javafx.scene.control.Button) n).findFirst().orElseThrow());
        click(add);
        return connections;
    }

    /** A showing dialog pane by id, waiting for it to appear. */
    DialogPane dialog(String id) {
        waitUntil("dialog " + id + " is showing", () -> findShowing(id).isPresent());
        return findShowing(id).orElseThrow();
    }

    boolean isShowing(String id) {
        return fx(() -> findShowing(id).isPresent());
    }

    private Optional<DialogPane> findShowing(String id) {
        return fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(Objects::nonNull)
                .map(r -> r instanceof DialogPane p && id.equals("#" + p.getId()) ? p : r.lookup(id))
                .filter(n -> n instanceof DialogPane)
                .map(n -> (DialogPane) n)
                .findFirst());
    }

    void waitUntilClosed(String id) {
        waitUntil("dialog " + id + " has closed", () -> findShowing(id).isEmpty());
    }

    /** A dialog's button by its exact text ("Delete key", "Cancel", ...). */
    Button dialogButton(DialogPane pane, String text) {
        return fx(() -> pane.getButtonTypes().stream()
                .map(pane::lookupButton)
                .filter(b -> b instanceof Button btn && text.equals(btn.getText()))
                .map(b -> (Button) b)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button \u201C" + text + "\u201D in " + pane.getId())));
    }

    <T extends Node> T inDialog(DialogPane pane, String query, Class<T> type) {
        return robot.from(pane).lookup(query).queryAs(type);
    }

    /** The title a tab shows ("Keys (5)", "Keys (?)"). */
    String tabTitle(String tabId) {
        TabPane tabs = fx(() -> (TabPane) stage.getScene().getRoot().lookup(".tab-pane"));
        return fx(() -> tabs.getTabs().stream().filter(t -> tabId.equals("#" + t.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + tabId)).getText());
    }

    boolean hasStyle(String query, String styleClass) {
        Node n = node(query, Node.class);
        return fx(() -> n.getStyleClass().contains(styleClass));
    }

    /** Whether the node and every parent of it are visible (a hidden bar hides its children). */
    boolean visible(String query) {
        Node n = node(query, Node.class);
        return fx(() -> shown(n));
    }

    static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** F5 in the main window, as an admin would press it there. */
    void pressF5() {
        click("#project-title"); // the main window has the focus
        robot.type(KeyCode.F5);
    }

    // ---- acting like a user -----------------------------------------------------------------------

    void click(String query) {
        click(node(query, Node.class));
    }

    /** Clicks the node once it is laid out inside its window (a dialog may still be sizing itself). */
    void click(Node node) {
        waitUntil(node + " is on screen", () -> onScreen(node));
        robot.clickOn(node);
    }

    private static boolean onScreen(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()
                || !shown(node)) { // a node in an unselected tab or a hidden bar is not where a click lands
            return false;
        }
        var b = node.localToScene(node.getBoundsInLocal());
        var scene = node.getScene();
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMinX() >= 0 && b.getMinY() >= 0
                && b.getMaxX() <= scene.getWidth() && b.getMaxY() <= scene.getHeight();
    }

    /** Clicks the tab's header. */
    void selectTab(String tabId) {
        TabPane tabs = fx(() -> (TabPane) stage.getScene().getRoot().lookup(".tab-pane"));
        Node header = fx(() -> tabs.lookupAll(".tab").stream()
                .filter(n -> tabId.equals("#" + n.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no tab header " + tabId)));
        click(header);
        waitUntil(tabId + " is selected", () -> tabId.equals("#" + tabs.getSelectionModel().getSelectedItem().getId()));
    }

    /** Clicks the cell showing {@code text} in the table's first column (scrolling it into view). */
    <T> void clickRow(String tableId, Function<T, String> firstColumn, String text) {
        TableView<T> t = table(tableId);
        int index = fx(() -> {
            for (int i = 0; i < t.getItems().size(); i++) {
                if (text.equals(firstColumn.apply(t.getItems().get(i)))) {
                    return i;
                }
            }
            return -1;
        });
        if (index < 0) {
            throw new AssertionError("no row \u201C" + text + "\u201D in " + tableId + ": "
                    + fx(() -> t.getItems().stream().map(firstColumn).toList()));
        }
        interact(() -> t.scrollTo(index));
        TableCell<?, ?> cell = fx(() -> t.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() == t.getColumns().get(0)
                        && c.getIndex() == index && text.equals(c.getText()))
                .map(n -> (TableCell<?, ?>) n)
                .findFirst()
                .orElseThrow(() -> new AssertionError("row \u201C" + text + "\u201D is not rendered in " + tableId)));
        click(cell);
        waitUntil("row \u201C" + text + "\u201D is selected in " + tableId, () -> t.getSelectionModel().getSelectedItem() != null
                && text.equals(firstColumn.apply(t.getSelectionModel().getSelectedItem())));
    }

    /**
     * Clicks the first-column cell of the row {@code which} picks (scrolling it into view), for tables
     * where the first column's text does not tell rows apart (two JWT keys with one label).
     */
    <T> void clickRowWhere(String tableId, String what, Predicate<T> which) {
        TableView<T> t = table(tableId);
        int index = fx(() -> {
            for (int i = 0; i < t.getItems().size(); i++) {
                if (which.test(t.getItems().get(i))) {
                    return i;
                }
            }
            return -1;
        });
        if (index < 0) {
            throw new AssertionError("no row " + what + " in " + tableId + ": " + fx(() -> List.copyOf(t.getItems())));
        }
        interact(() -> t.scrollTo(index));
        TableCell<?, ?> cell = fx(() -> t.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() == t.getColumns().get(0)
                        && c.getIndex() == index && !c.isEmpty())
                .map(n -> (TableCell<?, ?>) n)
                .findFirst()
                .orElseThrow(() -> new AssertionError("row " + what + " is not rendered in " + tableId)));
        click(cell);
        waitUntil("row " + what + " is selected in " + tableId, () -> t.getSelectionModel().getSelectedItem() != null
                && which.test(t.getSelectionModel().getSelectedItem()));
    }

    /** Clicks the project's cell in the projects list. */
    void clickProject(String name) {
        ListView<?> list = robot.lookup("#projects").queryListView();
        Node cell = fx(() -> list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof Labeled l && name.equals(l.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("project " + name + " is not listed")));
        click(cell);
    }

    /**
     * Connects as a user would: Connections in the toolbar, the profile picked in the list, Connect;
     * waits until the dialog has closed and the projects of the new connection are listed.
     */
    void connectTo(String profileName) {
        click("#connections");
        DialogPane connections = dialog("#connections-dialog");
        ListView<?> profiles = inDialog(connections, "#profiles", ListView.class);
        // A cell shows the profile's name on its first line (and the gateway on the second).
        Node cell = fx(() -> profiles.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c
                        && c.getItem() instanceof io.keyward.session.ConnectionProfile p && p.name().equals(profileName)
                        && c.lookupAll(".label").stream().anyMatch(l -> l instanceof Labeled t
                        && profileName.equals(t.getText())))
                .findFirst().orElseThrow(() -> new AssertionError("profile " + profileName + " is not listed: "
                        + profiles.getItems())));
        click(cell);
        waitUntil("profile " + profileName + " is selected", () -> profiles.getSelectionModel().getSelectedItem()
                instanceof io.keyward.session.ConnectionProfile p && p.name().equals(profileName));
        click(dialogButton(connections, "Connect"));
        waitUntilClosed("#connections-dialog");
        waitUntil("connected to " + profileName, () -> context.main().activeProperty().get() != null
                && profileName.equals(context.main().activeProperty().get().name())
                && !context.main().projects().projects().isEmpty()
                && context.main().workspace().project() != null);
        waitUntilIdle();
    }

    /**
     * Clicks the field, selects its text with Shortcut+A and types {@code text} over it (empty:
     * deletes it), as a user would.
     */
    void typeInto(Node field, String text) {
        click(field);
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        if (text.isEmpty()) {
            robot.push(KeyCode.BACK_SPACE);
        } else {
            type(fx(field::getScene), text);
        }
        waitUntil("the field shows \u201C" + text + "\u201D", () -> text.equals(((TextInputControl) field).getText()));
    }

    /**
     * Types {@code text} into whatever has the focus in the focused window. These are the key events
     * TestFX's {@code write} fires for each character (pressed, typed, released, fired at the focused
     * window's focus owner), sent in one go instead of waiting for the FX thread after every
     * character, which made typing a name take seconds.
     */
    void type(String text) {
        // The newest focused window: a dialog over the main window.
        Scene scene = fx(() -> Window.getWindows().stream().filter(Window::isFocused).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no window has the focus")).getScene());
        type(scene, text);
    }

    private void type(Scene scene, String text) {
        interact(() -> {
            for (char c : text.toCharArray()) {
                String s = String.valueOf(c);
                Node target = scene.getFocusOwner();
                if (target == null) {
                    throw new AssertionError("nothing has the focus to type \u201C" + text + "\u201D into");
                }
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, s,
                        KeyCode.UNDEFINED, false, false, false, false));
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED,
                        false, false, false, false));
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, s,
                        KeyCode.UNDEFINED, false, false, false, false));
            }
        });
    }

    /** The name of the project open in the workspace, or null. */
    String openProjectName() {
        var p = context.main().workspace().project();
        return p == null ? null : p.name();
    }

    // ---- the sandbox, seen directly ---------------------------------------------------------------

    /** A client of its own to the sandbox's Ampersand API (/v1), with the API key the sandbox issued. */
    AmpersandClient ampersandClient() {
        return new AmpersandClient(ConnectionSettings.of(context.sandbox().ampersandBaseUrl(),
                new Authentication.ApiKey(Secret.of(context.sandbox().ampersandApiKey()))));
    }

    /** A client of its own to the same sandbox: what the server holds, independent of the console. */
    ApinizerClient directClient() {
        return new ApinizerClient(ConnectionSettings.of(context.sandbox().baseUrl(),
                new Authentication.PersonalToken(Secret.of(context.sandbox().adminToken()))));
    }
}
