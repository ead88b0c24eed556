package io.keyward.ui.projects;

import io.keyward.model.Environment;
import io.keyward.model.Project;
import io.keyward.ui.common.Fx;
import javafx.beans.value.ObservableValue;
import io.keyward.session.ResourceList;
import io.keyward.ui.common.ListStateText;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/** The left column: projects with a filter, and the selected project's environments. */
public final class ProjectListView {
    private final VBox root;
    private final TextField filter;

    /** @param showEnvironments whether the backend has environments; without, the list below is hidden */
    public ProjectListView(ProjectListViewModel vm, ResourceList<Environment> environmentList,
                           ObservableValue<Boolean> showEnvironments) {
        ObservableList<Environment> environments = environmentList.items();
        filter = TextFields.createClearableTextField();
        filter.setId("project-filter");
        filter.setPromptText("Filter projects");
        filter.textProperty().bindBidirectional(vm.filter().textProperty());
        Label count = new Label();
        count.getStyleClass().add("count");
        count.textProperty().bind(vm.filter().countProperty());

        ListView<Project> list = new ListView<>(vm.filter().items());
        list.setId("projects");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Project p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
                setTooltip(empty || p == null || p.description().isBlank() ? null : new Tooltip(p.description()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                vm.selectedProperty().set(p);
            }
        });
        vm.selectedProperty().addListener((o, a, p) -> {
            if (p != null && p != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(p);
            }
        });

        ListView<Environment> envs = new ListView<>(environments);
        envs.setId("environments");
        envs.setFixedCellSize(24);
        envs.setPrefHeight(24 * 3 + 6);
        envs.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        envs.setFocusTraversable(false);
        envs.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Environment e, boolean empty) {
                super.updateItem(e, empty);
                // Status only when it needs attention; the rest is in the tooltip.
                setText(empty || e == null ? null : e.name() + "  (" + nullToDash(e.type()) + ")"
                        + ("PUBLISHED".equals(e.status()) || e.status() == null ? "" : "  " + e.status()));
                setTooltip(empty || e == null ? null : new Tooltip(e.description() + "\nStatus: " + nullToDash(e.status())
                        + (e.accessUrl() == null ? "" : "\n" + e.accessUrl())));
            }
        });
        Label envPlaceholder = new Label();
        envPlaceholder.textProperty().bind(Bindings.createStringBinding(() -> ListStateText.placeholder(
                environmentList.state(), "environments"), environmentList.stateProperty()));
        envs.setPlaceholder(envPlaceholder);
        Runnable envStale = () -> {
            envs.getStyleClass().remove("stale");
            if (environmentList.state().isStale()) {
                envs.getStyleClass().add("stale");
            }
        };
        environmentList.stateProperty().addListener((o, a, b) -> envStale.run());

        // The project list's own state: a failed listing keeps its rows, marked stale, with Retry.
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.list().state().status()) {
            case IDLE -> "Not connected.";
            case LOADING -> "Loading the projects\u2026";
            case LOADED -> "This connection sees no projects.";
            case FAILED -> "The projects could not be loaded.";
        }, vm.list().stateProperty()));
        list.setPlaceholder(placeholder);
        Label failure = Fx.bound(Bindings.createStringBinding(() -> vm.list().state().isFailed()
                ? "Could not list the projects: " + vm.list().state().error()
                + (vm.list().state().loadedAt() == null ? "" : " The list below may be out of date.") : "",
                vm.list().stateProperty()), "inline-error");
        failure.setId("projects-failure");
        javafx.scene.control.Button retry = new javafx.scene.control.Button("Retry");
        retry.setId("projects-retry");
        retry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        retry.setOnAction(e -> vm.load());
        retry.visibleProperty().bind(failure.visibleProperty());
        retry.managedProperty().bind(failure.visibleProperty());
        vm.list().stateProperty().addListener((o, a, b) -> {
            list.getStyleClass().remove("stale");
            if (b.isStale()) {
                list.getStyleClass().add("stale");
            }
        });
        count.textProperty().unbind();
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.list().state().isFailed() ? "? projects"
                : vm.filter().countProperty().get(), vm.list().stateProperty(), vm.filter().countProperty()));

        Label title = new Label("Projects");
        title.getStyleClass().add("pane-title");
        Label envHeading = Fx.heading("Environments");
        for (var n : new javafx.scene.Node[]{envHeading, envs}) {
            n.visibleProperty().bind(showEnvironments);
            n.managedProperty().bind(n.visibleProperty());
        }
        root = new VBox(6, new HBox(8, title, Fx.grow(), count), failure, retry, filter, list, envHeading, envs);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        root.setPrefWidth(250);
        root.setMinWidth(180);
    }

    private static String nullToDash(String s) {
        return s == null ? "\u2014" : s;
    }

    public VBox root() {
        return root;
    }

    public TextField filterField() {
        return filter;
    }
}
