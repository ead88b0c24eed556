package io.keyward.ui.jwks;

import io.keyward.impact.Impacts;
import io.keyward.impact.Knowledge;
import io.keyward.impact.SlotHolding;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.session.Connection;
import io.keyward.session.ErrorText;
import io.keyward.session.FailureHandler;
import io.keyward.session.MutationRunner;
import io.keyward.session.OutcomeCheck;
import io.keyward.session.Workspace;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.Where;
import io.keyward.ui.common.Selections;
import io.keyward.ui.common.TableFilter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The JWKs tab: filterable table, details (kid, type, source, links), delete and edit. */
public final class JwkListViewModel {

    private final Workspace workspace;
    private final MutationRunner mutations;
    private final DialogService dialogs;
    private final FailureHandler failures;
    private final TableFilter<Jwk> filter;
    private final ObjectProperty<Jwk> selected = new SimpleObjectProperty<>();
    /** Every row selected in the table (Shift, Ctrl); more than one makes Delete a bulk deletion. */
    private final javafx.collections.ObservableList<Jwk> selection = javafx.collections.FXCollections.observableArrayList();
    private final BooleanBinding canChange;
    private final BooleanBinding canEdit;
    private final StringBinding deleteLabel;
    private final StringBinding details;

    public JwkListViewModel(Workspace workspace, MutationRunner mutations, DialogService dialogs, FailureHandler failures) {
        this.workspace = workspace;
        this.mutations = mutations;
        this.dialogs = dialogs;
        this.failures = failures;
        this.filter = new TableFilter<>(workspace.jwks(), j -> Stream.of(j.name(), j.description(), j.type(), j.kid(),
                j.sourceType().name()), "JWK", "JWKs");
        canChange = Bindings.createBooleanBinding(() -> selected.get() != null && !mutations.isRunning()
                && !workspace.isReadOnly(), selected, mutations.runningProperty(), workspace.readOnlyProperty());
        canEdit = Bindings.createBooleanBinding(() -> canChange.get() && selection.size() < 2, canChange, selection);
        deleteLabel = Bindings.createStringBinding(() -> selection.size() > 1 ? "Delete " + selection.size()
                + " JWKs\u2026" : "Delete JWK\u2026", selection);
        details = Bindings.createStringBinding(this::describeSelection, selected, workspace.keys(),
                workspace.credentials());
        // Before follow(): the many rows first, then the one the details show.
        Selections.followAll(filter.items(), selection, Jwk::id, Jwk::name);
        Selections.follow(filter.items(), selected,
                (a, b) -> Selections.sameIdOrName(a.id(), a.name(), b.id(), b.name()));
    }

    private String describeSelection() {
        Jwk j = selected.get();
        if (j == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("kid: ").append(j.kid() == null ? "not set" : j.kid()).append('\n');
        sb.append("Type: ").append(j.type() == null ? "not reported" : j.type()).append('\n');
        sb.append("Source type: ").append(j.sourceType().name()).append('\n');
        sb.append("Linked to: ").append(Impacts.sourceOf(j, workspace.keys())).append('\n');
        if (j.description() != null && !j.description().isBlank()) {
            sb.append("Description: ").append(j.description()).append('\n');
        }
        Knowledge<List<SlotHolding>> holders = Impacts.holdersOf(Set.of(j.name()), workspace.credentials());
        if (holders instanceof Knowledge.Known<List<SlotHolding>> k) {
            sb.append("Held by: ").append(k.value().isEmpty() ? "no credential" : k.value().stream()
                    .map(h -> h.username() + " (" + h.slot().label() + ")").collect(Collectors.joining(", ")));
        } else {
            sb.append("Held by: unknown \u2013 the server does not report credential slots");
        }
        return sb.toString();
    }

    public void deleteSelected() {
        if (selection.size() > 1) {
            deleteMany(List.copyOf(selection));
            return;
        }
        Jwk jwk = selected.get();
        if (jwk == null || mutations.isRunning()) {
            return;
        }
        workspace.loadFresh(snapshot -> {
            Optional<Jwk> current = snapshot.jwks().stream()
                    .filter(x -> Selections.sameIdOrName(x.id(), x.name(), jwk.id(), jwk.name())).findFirst();
            if (current.isEmpty()) {
                workspace.notice("JWK \u201C" + jwk.name() + "\u201D no longer exists on the server; the lists were refreshed.");
                return;
            }
            Jwk j = current.get();
            DeleteJwkDialogViewModel vm = new DeleteJwkDialogViewModel(Impacts.jwkDeletion(j, snapshot.keys(),
                    snapshot.credentials(), snapshot.environments())).at(Where.of(snapshot));
            var api = snapshot.client().jwks().orElseThrow();
            if (dialogs.show(new DeleteJwkDialog(vm)).orElse(false)) {
                io.keyward.session.BulkRunner.Item d = deletion(snapshot, j, vm.impactSummary());
                mutations.run(snapshot, d.change(), d.call(), d.check());
            }
        });
    }

    /**
     * Deleting one JWK as the journal keeps it (its target, to check after a restart), the call, and how a
     * lost answer is checked: the same for a single deletion and for each item of a bulk one.
     */
    static io.keyward.session.BulkRunner.Item deletion(io.keyward.session.Snapshot snapshot, Jwk j, List<String> impact) {
        var api = snapshot.client().jwks().orElseThrow();
        Project p = snapshot.project();
        return new io.keyward.session.BulkRunner.Item(io.keyward.session.Change.of("Delete JWK", p.name() + " / " + j.name())
                .withImpact(impact)
                .checking(new io.keyward.journal.CheckTarget("jwk", p.name(), p.id(), j.name(), j.id(), true, false,
                        java.util.Map.of(), java.util.Map.of())),
                () -> api.deleteJwk(p, j.name()),
                () -> OutcomeCheck.deletion(api.listJwks(p).stream().anyMatch(x ->
                        Selections.sameIdOrName(x.id(), x.name(), j.id(), j.name())), "JWK \u201C" + j.name() + "\u201D"));
    }

    /**
     * Loads the server's current state once, shows the combined impact of deleting all of {@code chosen}
     * (those gone meanwhile named, and not sent), and runs the deletions as one bulk run if confirmed.
     */
    private void deleteMany(List<Jwk> chosen) {
        if (mutations.isRunning()) {
            return;
        }
        workspace.loadFresh(snapshot -> {
            var still = Selections.stillListed(chosen, snapshot.jwks(),
                    (x, j) -> Selections.sameIdOrName(x.id(), x.name(), j.id(), j.name()), Jwk::name);
            List<Jwk> current = still.current();
            List<String> missing = still.missing();
            if (current.isEmpty()) {
                workspace.notice("None of the " + chosen.size() + " selected JWKs exists on the server any more; "
                        + "the lists were refreshed.");
                return;
            }
            var vm = BulkJwkDeletion.confirmation(snapshot, current, missing);
            if (dialogs.show(new io.keyward.ui.common.BulkDeleteDialog<>(vm)).isPresent()) {
                mutations.bulk().start(BulkJwkDeletion.plan(snapshot, current, missing, vm));
            }
        });
    }

    /** Reads the selected JWK's public material and hands its public JWK JSON to {@code sink} (the clipboard). */
    public void copyPublicJwk(java.util.function.Consumer<String> sink) {
        Jwk jwk = selected.get();
        Project project = workspace.project();
        Connection connection = workspace.connection();
        if (jwk == null || project == null || connection == null) {
            return;
        }
        var api = connection.client().jwks().orElseThrow();
        io.keyward.session.BackgroundTask.of(() -> api.getJwk(project, jwk.name()))
                .onSuccess(full -> {
                    String json = PublicJwk.json(full);
                    if (json == null) {
                        workspace.notice("JWK \u201C" + jwk.name() + "\u201D has no public part to copy"
                                + (full.type() != null && full.type().equalsIgnoreCase("oct") ? " (it is a symmetric key)." : "."));
                    } else {
                        sink.accept(json);
                        workspace.notice("Copied the public JWK of \u201C" + jwk.name() + "\u201D (public members only).");
                    }
                })
                .onFailure(failures::failed)
                .executeWith(workspace.executor());
    }

    public void editSelected() {
        Jwk jwk = selected.get();
        Project project = workspace.project();
        Connection connection = workspace.connection();
        if (jwk == null || project == null || connection == null || mutations.isRunning() || selection.size() > 1) {
            return;
        }
        var api = connection.client().jwks().orElseThrow();
        Set<String> others = workspace.jwks().stream().map(Jwk::name).filter(n -> !n.equals(jwk.name()))
                .collect(Collectors.toSet());
        EditJwkDialogViewModel vm = new EditJwkDialogViewModel(jwk, others, (update, ok, failed) -> mutations.run(
                connection, project, editChange(project, jwk, update),
                () -> api.updateJwk(project, jwk.name(), update),
                () -> updateFinding(jwk, update, api.listJwks(project)), ok, e -> {
                    failed.accept(e);
                    if (ErrorText.isUnauthorized(e)) {
                        failures.failed(e);
                    }
                }));
        dialogs.show(new EditJwkDialog(vm.at(Where.of(connection, project))));
    }

    /** What the server now has for an update whose answer was lost. */
    /** A rename or a new description, as the journal keeps it: the fields before and as asked. */
    static io.keyward.session.Change editChange(Project project, Jwk jwk, io.keyward.model.JwkUpdate update) {
        java.util.Map<String, String> before = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> after = new java.util.LinkedHashMap<>();
        if (update.name() != null) {
            before.put("name", jwk.name());
            after.put("name", update.name());
        }
        if (update.description() != null) {
            before.put("description", jwk.description());
            after.put("description", update.description());
        }
        io.keyward.session.Change change = io.keyward.session.Change.of(
                update.name() == null ? "Update JWK description" : "Rename JWK",
                project.name() + " / " + jwk.name() + (update.name() == null ? "" : " \u2192 " + update.name()));
        for (var e : after.entrySet()) {
            change = change.withParameter(e.getKey(), e.getValue());
        }
        return change.checking(new io.keyward.journal.CheckTarget("jwk", project.name(), project.id(), jwk.name(),
                jwk.id(), false, false, before, after));
    }

    public static OutcomeCheck.Finding updateFinding(Jwk before, io.keyward.model.JwkUpdate update, List<Jwk> now) {
        String wantedName = update.name() == null ? before.name() : update.name();
        String wantedDescription = update.description() == null ? before.description() : update.description();
        Optional<Jwk> found = now.stream().filter(x -> before.id() != null ? before.id().equals(x.id())
                : x.name().equals(wantedName) || x.name().equals(before.name())).findFirst();
        if (found.isEmpty()) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE,
                    "JWK \u201C" + before.name() + "\u201D is not there any more.");
        }
        Jwk j = found.get();
        if (j.name().equals(wantedName) && j.description().equals(wantedDescription)) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.HAPPENED, "JWK \u201C" + j.name()
                    + "\u201D has the new " + (update.name() == null ? "description." : "name."));
        }
        if (j.name().equals(before.name()) && j.description().equals(before.description())) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.DID_NOT_HAPPEN, "JWK \u201C" + j.name()
                    + "\u201D is unchanged.");
        }
        return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE, "JWK \u201C" + j.name()
                + "\u201D now reads \u201C" + j.description() + "\u201D.");
    }

    /** The list's state: loading, loaded (when), failed (why; its rows kept, marked stale). */
    public javafx.beans.property.ReadOnlyObjectProperty<io.keyward.session.ListState> stateProperty() {
        return workspace.jwkList().stateProperty();
    }

    /** Loads the open project's lists again (the Retry of a failed load). */
    public void retry() {
        workspace.reload();
    }

    public java.time.ZoneId zone() {
        return workspace.clock().getZone();
    }

    /** Why changes are not possible through this connection ("" while they are). */
    public javafx.beans.property.ReadOnlyStringProperty readOnlyReasonProperty() {
        return workspace.readOnlyProperty();
    }

    public TableFilter<Jwk> filter() {
        return filter;
    }

    public ObjectProperty<Jwk> selectedProperty() {
        return selected;
    }

    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    /** Rename / describe: one JWK at a time. */
    public BooleanBinding canEditProperty() {
        return canEdit;
    }

    /** The rows selected in the table, as the table mirrors them. */
    public javafx.collections.ObservableList<Jwk> selection() {
        return selection;
    }

    /** "Delete JWK…", or "Delete 12 JWKs…" while twelve rows are selected. */
    public StringBinding deleteLabelProperty() {
        return deleteLabel;
    }

    public StringBinding detailsProperty() {
        return details;
    }
}
