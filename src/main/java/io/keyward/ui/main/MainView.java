package io.keyward.ui.main;

import io.keyward.gateway.Capability;
import io.keyward.session.ResourceList;
import io.keyward.ui.common.ListPane;
import io.keyward.ui.common.ListStateText;
import io.keyward.ui.common.Fx;
import io.keyward.ui.credentials.CredentialListView;
import io.keyward.ui.jwks.JwkListView;
import io.keyward.ui.jwtkeys.JwtKeyListView;
import io.keyward.ui.keys.KeyListView;
import io.keyward.ui.projects.ProjectListView;
import io.keyward.ui.results.ResultsView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The main window's scene graph, bound to a {@link MainViewModel}. Holds no state of its own. The
 * tabs are the features the connected backend's capabilities call for, rebuilt on every connect. A
 * tab's content is built when the tab first shows: before the first connection there are no tabs, so
 * the first frame does not wait for four tables nobody sees yet.
 *
 * <p>At start the window can show before its panes are built ({@link #firstFrame}): the toolbar, status
 * line and splitters are in the first frame; the projects list, the project's title and tabs, the results
 * panel, the banner and the busy indicator (most of the scene's nodes, and of the cost of its first style
 * pass) are built by {@link #complete()} right after it. Until then their places are empty; nothing in
 * them could be used yet anyway, because nothing is connected before they exist.
 */
public final class MainView {

    /** A tab and the capability that brings it; its content (with the filter field Ctrl+F takes) is built once, when first shown. */
    private static final class FeatureTab {
        final Capability capability;
        final Tab tab;
        private final Supplier<ListPane<?>> build;
        private ListPane<?> pane;

        FeatureTab(Capability capability, Tab tab, Supplier<ListPane<?>> build) {
            this.capability = capability;
            this.tab = tab;
            this.build = build;
        }

        ListPane<?> pane() {
            if (pane == null) {
                pane = build.get();
                tab.setContent(pane.root());
            }
            return pane;
        }
    }

    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    /** Where the projects list and the results panel go, once built. */
    private final javafx.scene.layout.StackPane projectsPlace = new javafx.scene.layout.StackPane();
    private final javafx.scene.layout.StackPane centerPlace = new javafx.scene.layout.StackPane();
    private final javafx.scene.layout.StackPane resultsPlace = new javafx.scene.layout.StackPane();
    private final Button refresh = new Button("Refresh (F5)");
    private final ToolBar toolbar;
    private final VBox top;
    /** What the first frame's controls get with {@link #complete()}: their tooltips. */
    private final List<Runnable> later = new java.util.ArrayList<>();
    private ProjectListView projects;
    private ResultsView results;
    private final List<FeatureTab> features;

    /** The whole main window, built at once. */
    public MainView(MainViewModel vm) {
        this(vm, true);
    }

    /**
     * The main window without its projects list and results panel, for a first frame that shows sooner;
     * {@link #complete()} builds them. Connect nothing before it has.
     */
    public static MainView firstFrame(MainViewModel vm) {
        return new MainView(vm, false);
    }

    private MainView(MainViewModel vm, boolean whole) {
        this.vm = vm;

        features = List.of(
                new FeatureTab(Capability.KEYS, tab("keys-tab", "Keys", vm.workspace().keyList()),
                        () -> new KeyListView(vm.keys()).pane()),
                new FeatureTab(Capability.JWKS, tab("jwks-tab", "JWKs", vm.workspace().jwkList()),
                        () -> new JwkListView(vm.jwks()).pane()),
                new FeatureTab(Capability.CREDENTIALS, tab("credentials-tab", "Credentials", vm.workspace().credentialList()),
                        () -> new CredentialListView(vm.credentials()).pane()),
                new FeatureTab(Capability.JWT_KEYS, tab("jwtkeys-tab", "JWT keys", vm.workspace().jwtKeyList()),
                        () -> new JwtKeyListView(vm.jwtKeys()).pane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        toolbar = toolbar();
        top = new VBox(toolbar);
        vm.workspace().capabilitiesProperty().addListener((o, a, caps) -> showTabsFor(caps));
        showTabsFor(vm.workspace().capabilitiesProperty().get());

        projectsPlace.setId("projects-place");
        centerPlace.setId("center-place");
        resultsPlace.setId("results-place");
        SplitPane upper = new SplitPane(projectsPlace, centerPlace);
        upper.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(projectsPlace, false);
        upper.setId("upper-split");
        SplitPane main = new SplitPane(upper, resultsPlace);
        main.setId("main-split");
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.72);

        root.setTop(top);
        root.setCenter(main);
        root.setBottom(statusBar());
        if (whole) {
            complete();
        }
    }

    /**
     * Builds what the first frame leaves out into its place: the projects list, the project's title and tabs,
     * the results panel, the banner, the toolbar's busy indicator and the tooltips. Once; later calls do
     * nothing.
     */
    public void complete() {
        if (projects != null) {
            return;
        }
        projects = new ProjectListView(vm.projects(), vm.workspace().environmentList(),
                Bindings.createBooleanBinding(() -> vm.workspace().can(Capability.ENVIRONMENTS),
                        vm.workspace().capabilitiesProperty()));
        results = new ResultsView(vm.results());

        Label projectTitle = new Label();
        projectTitle.setId("project-title");
        projectTitle.getStyleClass().add("pane-title");
        projectTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.workspace().project() == null
                ? "No project selected" : "Project: " + vm.workspace().project().name(),
                vm.workspace().projectProperty()));
        VBox center = new VBox(4, projectTitle, tabs);
        center.setPadding(new Insets(8, 8, 0, 4));
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());
        toolbar.getItems().add(toolbar.getItems().indexOf(refresh) + 1, busy);
        top.getChildren().add(notice());

        later.forEach(Runnable::run);
        later.clear();
        projectsPlace.getChildren().setAll(projects.root());
        centerPlace.getChildren().setAll(center);
        resultsPlace.getChildren().setAll(results.root());
    }

    /** Whether {@link #complete()} has run. */
    public boolean isComplete() {
        return projects != null;
    }

    /** Shows the tabs of what the backend offers, in their fixed order; keeps the selected one when it stays. */
    private void showTabsFor(Set<Capability> caps) {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        List<FeatureTab> wanted = features.stream().filter(f -> caps.contains(f.capability)).toList();
        wanted.forEach(FeatureTab::pane);
        List<Tab> shown = wanted.stream().map(f -> f.tab).toList();
        if (!shown.equals(tabs.getTabs())) {
            tabs.getTabs().setAll(shown);
            if (selected != null && shown.contains(selected)) {
                tabs.getSelectionModel().select(selected);
            }
        }
    }

    /** "Keys (4)"; "Keys (?)" once its load failed: a count is shown only when it is a fact. */
    private Tab tab(String id, String title, ResourceList<?> list) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(Bindings.createStringBinding(() -> ListStateText.tabTitle(title, list.state(),
                list.items().size()), list.items(), list.stateProperty()));
        return t;
    }

    private ToolBar toolbar() {
        Label connection = new Label();
        connection.setId("connection-name");
        connection.textProperty().bind(Bindings.createStringBinding(() -> vm.activeProperty().get() == null
                ? "Not connected" : vm.activeProperty().get().name(), vm.activeProperty()));
        connection.getStyleClass().add("pane-title");
        // After a 403 on a change the title says the connection cannot make changes, and why.
        Label readOnly = new Label("read-only");
        readOnly.setId("read-only");
        readOnly.getStyleClass().addAll("pane-title", "read-only");
        readOnly.visibleProperty().bind(vm.workspace().readOnlyProperty().isNotEmpty());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        // Its tooltip (a popup window, slow to make the first time) comes with complete(), as do the others.
        later.add(() -> {
            Tooltip why = new Tooltip();
            why.textProperty().bind(vm.workspace().readOnlyProperty());
            readOnly.setTooltip(why);
        });
        Button connections = new Button("Connections\u2026");
        connections.setId("connections");
        connections.setOnAction(e -> vm.openConnections());
        refresh.setId("refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label keyward = new Label("Keyward");
        keyward.getStyleClass().add("muted");
        return new ToolBar(new Label("Connection:"), connection, readOnly, connections, refresh, Fx.grow(), keyward);
    }

    private HBox notice() {
        Label text = new Label();
        text.setId("notification");
        text.setWrapText(true);
        text.textProperty().bind(vm.notificationProperty());
        Button dismiss = new Button("\u2715");
        dismiss.setId("dismiss-notification");
        dismiss.getStyleClass().add("dismiss-button");
        dismiss.setMinWidth(Region.USE_PREF_SIZE); // never squeezed to "..."
        dismiss.setTooltip(new Tooltip("Dismiss this message"));
        dismiss.setOnAction(e -> vm.dismissNotification());
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(10, text, Fx.grow(), dismiss);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("notice");
        box.visibleProperty().bind(vm.notificationProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        Label loading = new Label();
        loading.getStyleClass().add("muted");
        loading.setId("activity");
        var bulk = vm.mutations().bulk();
        loading.textProperty().bind(Bindings.createStringBinding(() -> !vm.retryingProperty().get().isEmpty()
                        ? vm.retryingProperty().get()
                        : bulk.isRunning() ? bulk.progressProperty().get()
                        : vm.mutations().runningProperty().get() ? "Applying change\u2026"
                        : vm.workspace().loadingProperty().get() || vm.projects().loadingProperty().get() ? "Loading\u2026" : "",
                vm.retryingProperty(), vm.mutations().runningProperty(), vm.workspace().loadingProperty(),
                vm.projects().loadingProperty(), bulk.runningProperty(), bulk.progressProperty()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-loading");
        cancel.getStyleClass().add("small-button");
        later.add(() -> cancel.setTooltip(new Tooltip("Stop waiting for the lists being loaded (they keep what they "
                + "show, marked as not loaded)")));
        cancel.setOnAction(e -> vm.cancelLoading());
        cancel.visibleProperty().bind(vm.workspace().loadingProperty().or(vm.projects().loadingProperty()));
        cancel.managedProperty().bind(cancel.visibleProperty());
        // A bulk run can be stopped: calls in flight finish and are recorded, the rest is not sent.
        Button cancelBulk = new Button("Cancel");
        cancelBulk.setId("cancel-bulk");
        cancelBulk.getStyleClass().add("small-button");
        later.add(() -> cancelBulk.setTooltip(new Tooltip("Send no more of this bulk run: the calls under way "
                + "finish and are recorded, the rest is marked \u201CNot sent\u201D")));
        cancelBulk.setOnAction(e -> bulk.cancel());
        cancelBulk.visibleProperty().bind(bulk.runningProperty());
        cancelBulk.managedProperty().bind(cancelBulk.visibleProperty());
        cancelBulk.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, status, Fx.grow(), loading, cancel, cancelBulk);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Window-wide keys: F5 refreshes, Ctrl+F focuses the current tab's filter. */
    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), vm::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            TextField f = currentFilter();
            f.requestFocus();
            f.selectAll();
        });
    }

    private TextField currentFilter() {
        complete();
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return features.stream().filter(f -> f.tab == selected).map(f -> f.pane().filterField()).findFirst()
                .orElseGet(projects::filterField);
    }

    public BorderPane root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }
}
