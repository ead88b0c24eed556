package io.keyward.ui.projects;

import io.keyward.gateway.GatewayClient;
import io.keyward.model.Project;
import io.keyward.ui.common.BusyCounter;
import io.keyward.ui.common.TableFilter;
import io.keyward.ui.common.TaskRunner;
import io.keyward.ui.main.FailureHandler;
import io.keyward.ui.main.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.stream.Stream;

/** The projects list with filter-as-you-type; selecting one opens it in the workspace. */
public final class ProjectListViewModel {

    private final Workspace workspace;
    private final TaskRunner runner;
    private final FailureHandler failures;
    private final ObservableList<Project> projects = FXCollections.observableArrayList();
    private final TableFilter<Project> filter;
    private final ObjectProperty<Project> selected = new SimpleObjectProperty<>();
    private final BusyCounter loading = new BusyCounter();
    private TaskRunner.Handle pending = TaskRunner.Handle.NONE;
    private boolean pendingActive;

    public ProjectListViewModel(Workspace workspace, FailureHandler failures) {
        this.workspace = workspace;
        this.runner = workspace.runner();
        this.failures = failures;
        this.filter = new TableFilter<>(projects, p -> Stream.of(p.name(), p.description()), "project", "projects");
        selected.addListener((o, a, p) -> {
            if (p == null) {
                return; // a filter hiding the selection must not close the open project
            }
            if (!p.name().equals(workspace.project())) {
                workspace.open(p.name());
            }
        });
    }

    /** Loads the project list; keeps the open project selected if it still exists. */
    public void load() {
        if (pendingActive) {
            pending.cancel();
            loading.end();
        }
        GatewayClient client = workspace.client();
        if (client == null) {
            projects.clear();
            closeProject();
            return;
        }
        loading.begin();
        pendingActive = true;
        TaskRunner.Handle h = runner.run(client::listProjects, list -> {
            pendingActive = false;
            loading.end();
            show(list);
        }, e -> {
            pendingActive = false;
            loading.end();
            projects.clear();
            closeProject();
            failures.failed(e);
        });
        if (pendingActive) {
            pending = h;
        }
    }

    private void show(List<Project> list) {
        String open = workspace.project();
        projects.setAll(list);
        Project keep = list.stream().filter(p -> p.name().equals(open)).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0));
        if (keep == null) {
            closeProject();
        } else if (keep.name().equals(open)) {
            selected.set(keep);
            workspace.reload();
        } else {
            selected.set(keep);
        }
    }

    /**
     * Forgets the selection along with the open project. Project is a record, so keeping the old
     * selection would make selecting an equal project later no change at all: nothing would open.
     */
    private void closeProject() {
        selected.set(null);
        workspace.open(null);
    }

    public ObservableList<Project> projects() {
        return projects;
    }

    public TableFilter<Project> filter() {
        return filter;
    }

    public ObjectProperty<Project> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.busyProperty();
    }
}
