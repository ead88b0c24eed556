package io.keyward.ui.projects;

import io.keyward.gateway.GatewayClient;
import io.keyward.model.Project;
import io.keyward.session.ErrorText;
import io.keyward.session.FailureHandler;
import io.keyward.session.ResourceList;
import io.keyward.session.TaskSlot;
import io.keyward.session.Workspace;
import io.keyward.ui.common.TableFilter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.stream.Stream;

/**
 * The projects list with filter-as-you-type; selecting one opens it in the workspace. A list that
 * fails to load keeps its last good rows, marked stale, and the open project stays open.
 */
public final class ProjectListViewModel {

    /** Where a failure to list projects is reported, so its banner clears when a later listing succeeds. */
    public static final String LOAD = "projects";

    private final Workspace workspace;
    private final FailureHandler failures;
    private final ResourceList<Project> list = new ResourceList<>();
    private final ObservableList<Project> projects = list.items();
    private final TableFilter<Project> filter;
    private final ObjectProperty<Project> selected = new SimpleObjectProperty<>();
    private final TaskSlot loading;

    public ProjectListViewModel(Workspace workspace, FailureHandler failures) {
        this.workspace = workspace;
        this.failures = failures;
        this.loading = new TaskSlot(workspace.executor());
        this.filter = new TableFilter<>(projects, p -> Stream.of(p.name(), p.description()), "project", "projects");
        selected.addListener((o, a, p) -> {
            if (p == null) {
                return; // a filter hiding the selection must not close the open project
            }
            if (!p.sameAs(workspace.project())) {
                workspace.open(p);
            }
        });
    }

    /** Loads the project list; keeps the open project selected if it still exists. */
    public void load() {
        GatewayClient client = workspace.client();
        if (client == null) {
            loading.cancel();
            list.reset();
            closeProject();
            return;
        }
        if (!projectsOf(client)) {
            // Another connection's projects must not stand in this one's list; and the selection goes
            // with them, or an equal project of the new listing would be no change and open nothing.
            list.reset();
            selected.set(null);
        }
        shownFor = client;
        list.loading();
        loading.run(client::listProjects, this::show, e -> {
            list.failed(ErrorText.sentence(e));
            failures.failed(e, LOAD);
            // The open project stays open, and a refresh still asks for its lists: otherwise they would go
            // on showing their last rows as loaded, as if the refresh had read them. Not after a 401: the
            // session was rejected, and reconnecting loads everything again.
            if (workspace.project() != null && !ErrorText.isUnauthorized(e)) {
                workspace.reload();
            }
        });
    }

    private GatewayClient shownFor;
    /** The project to open when the next listing arrives and none is open (where the user left off). */
    private String preferred;

    public void preferProject(String name) {
        this.preferred = name;
    }

    private boolean projectsOf(GatewayClient client) {
        return shownFor == client;
    }

    private void show(List<Project> rows) {
        Project open = workspace.project();
        list.loaded(rows, workspace.clock().instant());
        failures.succeeded(LOAD);
        String wanted = preferred;
        Project keep = rows.stream().filter(p -> p.sameAs(open)).findFirst()
                .or(() -> rows.stream().filter(p -> p.name().equals(wanted)).findFirst())
                .orElse(rows.isEmpty() ? null : rows.get(0));
        preferred = null; // once: later listings keep what the user opened
        if (keep == null) {
            closeProject();
            return;
        }
        selected.set(keep); // opens it, unless the selection already held an equal record
        boolean openedBySelection = workspace.project() == keep && !keep.sameAs(open);
        if (!openedBySelection) {
            workspace.open(keep); // the same project reloads (and takes a new name it may have)
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

    /** Stops a listing under way; the list keeps what it showed, marked as not loaded. */
    public void cancel() {
        if (loading.isBusy()) {
            loading.cancel();
            list.failed("Loading was cancelled.");
        }
    }

    public ObservableList<Project> projects() {
        return projects;
    }

    public ResourceList<Project> list() {
        return list;
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
