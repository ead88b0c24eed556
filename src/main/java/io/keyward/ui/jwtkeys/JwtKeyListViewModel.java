package io.keyward.ui.jwtkeys;

import io.keyward.impact.JwtKeyImpact;
import io.keyward.model.JwtKey;
import io.keyward.model.JwtKeyUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.NewJwtKey;
import io.keyward.model.Project;
import io.keyward.session.Connection;
import io.keyward.session.FailureHandler;
import io.keyward.session.MutationRunner;
import io.keyward.session.OutcomeCheck;
import io.keyward.session.Snapshot;
import io.keyward.session.Workspace;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.Selections;
import io.keyward.ui.common.TableFilter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JWT keys tab (Ampersand): a filterable table with "active only", the selection's details
 * (thumbprint, size, PEM), and create, rename, activate/deactivate and delete, each confirmed
 * against the server's current state.
 */
public final class JwtKeyListViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Workspace workspace;
    private final MutationRunner mutations;
    private final DialogService dialogs;
    private final Clock clock;
    private final KeyFacts facts = new KeyFacts();
    private final TableFilter<JwtKey> filter;
    private final BooleanProperty activeOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<JwtKey> selected = new SimpleObjectProperty<>();
    /** Every row selected in the table (Shift, Ctrl); more than one makes Delete a bulk deletion. */
    private final javafx.collections.ObservableList<JwtKey> selection = javafx.collections.FXCollections.observableArrayList();
    private final BooleanBinding canCreate;
    private final BooleanBinding canChange;
    private final BooleanBinding canChangeOne;
    private final StringBinding deleteLabel;
    private final StringBinding details;
    private final StringBinding pem;
    private final StringBinding toggleText;

    public JwtKeyListViewModel(Workspace workspace, MutationRunner mutations, DialogService dialogs,
                               FailureHandler failures, Clock clock) {
        this.workspace = workspace;
        this.mutations = mutations;
        this.dialogs = dialogs;
        this.clock = clock;
        this.filter = new TableFilter<>(workspace.jwtKeys(), k -> Stream.of(k.label(), k.id(), k.algorithm(),
                thumbprint(k)), "JWT key", "JWT keys");
        filter.restrictionProperty().bind(Bindings.createObjectBinding(() -> activeOnly.get()
                ? JwtKey::isActive : k -> true, activeOnly));
        canCreate = Bindings.createBooleanBinding(() -> workspace.project() != null && !mutations.isRunning()
                && !workspace.isReadOnly(), workspace.projectProperty(), mutations.runningProperty(), workspace.readOnlyProperty());
        canChange = Bindings.createBooleanBinding(() -> selected.get() != null && !mutations.isRunning()
                && !workspace.isReadOnly(), selected, mutations.runningProperty(), workspace.readOnlyProperty());
        canChangeOne = Bindings.createBooleanBinding(() -> canChange.get() && selection.size() < 2, canChange, selection);
        deleteLabel = Bindings.createStringBinding(() -> selection.size() > 1 ? "Delete " + selection.size()
                + " keys\u2026" : "Delete\u2026", selection);
        details = Bindings.createStringBinding(this::describeSelection, selected);
        pem = Bindings.createStringBinding(() -> selected.get() == null || selected.get().publicKeyPem() == null ? ""
                : selected.get().publicKeyPem().strip(), selected);
        toggleText = Bindings.createStringBinding(() -> selected.get() == null ? "Activate / deactivate\u2026"
                : selected.get().isActive() ? "Deactivate\u2026" : "Activate\u2026", selected);
        // Before follow(): the many rows first, then the one the details show.
        Selections.followAll(filter.items(), selection, JwtKey::id, JwtKey::id);
        Selections.follow(filter.items(), selected, (a, b) -> a.id().equals(b.id()));
    }

    public String thumbprint(JwtKey k) {
        return facts.of(k.publicKeyPem()).thumbprint();
    }

    public String size(JwtKey k) {
        return facts.of(k.publicKeyPem()).size();
    }

    public static String activeText(JwtKey k) {
        return k.active() == null ? "not reported" : k.active() ? "yes" : "no";
    }

    public String date(Instant t) {
        return t == null ? "\u2014" : DATE.format(t.atZone(clock.getZone()));
    }

    public String time(Instant t) {
        return t == null ? "not reported" : TIME.format(t.atZone(clock.getZone()));
    }

    private String describeSelection() {
        JwtKey k = selected.get();
        if (k == null) {
            return "";
        }
        KeyFacts.Facts f = facts.of(k.publicKeyPem());
        StringBuilder sb = new StringBuilder();
        sb.append("Label: ").append(k.label().isBlank() ? "(none)" : k.label()).append('\n');
        sb.append("Id: ").append(k.id()).append('\n');
        sb.append("Algorithm: ").append(k.algorithm() == null ? "not reported" : k.algorithm()).append('\n');
        sb.append("Active: ").append(activeText(k)).append(k.isActive() ? " (tokens signed with it verify)" : "")
                .append('\n');
        sb.append("Created: ").append(time(k.createTime())).append('\n');
        sb.append("Updated: ").append(time(k.updateTime())).append('\n');
        if (f.info() != null) {
            sb.append("Public key: RSA, ").append(f.info().bits()).append(" bits\n");
            sb.append("Thumbprint (RFC 7638, SHA-256): ").append(f.info().thumbprint());
        } else {
            sb.append("Public key: cannot be read \u2013 ").append(f.problem());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ commands

    /** Opens the create dialog for the open project; the key is sent when the admin confirms it there. */
    public void create() {
        Project project = workspace.project();
        Connection connection = workspace.connection();
        if (project == null || connection == null || mutations.isRunning()) {
            return;
        }
        var api = connection.client().jwtKeys().orElseThrow();
        Set<String> labels = workspace.jwtKeys().stream().map(JwtKey::label).collect(Collectors.toSet());
        CreateJwtKeyDialogViewModel vm = new CreateJwtKeyDialogViewModel(where(connection, project), labels,
                workspace.executor(), dialogs, (key, ok, failed) -> started(mutations.run(connection, project,
                        io.keyward.session.Change.of("Create JWT key", project.name() + " / " + key.label())
                                .withParameter("label", key.label())
                                .withImpact(java.util.List.of("A new JWT key labelled \u201C" + key.label()
                                        + "\u201D; tokens signed with its private key verify once it is active."))
                                .checking(jwtKeyTarget(project, null, key.label(), false, true, java.util.Map.of(),
                                        java.util.Map.of("label", key.label()))), () -> {
                            String kid = api.createJwtKey(project, key);
                            return MutationResult.done("Created; id " + kid);
                        }, () -> createFinding(key, api.listJwtKeys(project, false)), ok, failed), failed));
        dialogs.show(new CreateJwtKeyDialog(vm));
    }

    /** Deactivates an active key or activates an inactive one, after a confirmation built from the server's state. */
    public void toggleActive() {
        withFresh(s -> {
            JwtKey k = s.key();
            boolean activate = !k.isActive();
            JwtKeyActivationDialogViewModel vm = new JwtKeyActivationDialogViewModel(
                    JwtKeyImpact.of(k, s.snapshot().jwtKeys()), activate, where(s.snapshot()));
            if (dialogs.show(new JwtKeyActivationDialog(vm)).orElse(false)) {
                var api = s.snapshot().client().jwtKeys().orElseThrow();
                Project p = s.snapshot().project();
                mutations.run(s.snapshot(), io.keyward.session.Change.of(activate ? "Activate JWT key" : "Deactivate JWT key",
                                target(p, k)).withParameter("active", String.valueOf(activate))
                                .withImpact(vm.impactSummary())
                                .checking(jwtKeyTarget(p, k.id(), k.label(), false, false,
                                        k.active() == null ? java.util.Map.of() : java.util.Map.of("active", String.valueOf(k.active())),
                                        java.util.Map.of("active", String.valueOf(activate)))), () -> {
                    JwtKey after = api.updateJwtKey(p, k.id(), JwtKeyUpdate.activate(activate));
                    return MutationResult.done(after.active() == null ? "The server did not say whether it is active."
                            : after.isActive() ? "The server reports it active." : "The server reports it inactive.");
                }, () -> updateFinding(k, api.listJwtKeys(p, false), now -> now.active(), activate,
                        activate ? "active" : "inactive"));
            }
        });
    }

    public void rename() {
        withFresh(s -> {
            JwtKey k = s.key();
            Project p = s.snapshot().project();
            Connection c = s.snapshot().connection();
            var api = c.client().jwtKeys().orElseThrow();
            Set<String> others = s.snapshot().jwtKeys().stream().filter(x -> !x.id().equals(k.id()))
                    .map(JwtKey::label).collect(Collectors.toSet());
            RenameJwtKeyDialogViewModel vm = new RenameJwtKeyDialogViewModel(k, others, where(s.snapshot()),
                    (label, ok, failed) -> started(mutations.run(c, p, io.keyward.session.Change.of("Rename JWT key",
                            target(p, k) + " \u2192 " + label).withParameter("label", label)
                            .checking(jwtKeyTarget(p, k.id(), k.label(), false, false, java.util.Map.of("label", k.label()),
                                    java.util.Map.of("label", label))), () -> {
                                JwtKey after = api.updateJwtKey(p, k.id(), JwtKeyUpdate.relabel(label));
                                return MutationResult.done("The server reports the label \u201C" + after.label() + "\u201D.");
                            }, () -> updateFinding(k, api.listJwtKeys(p, false), JwtKey::label, label,
                                    "labelled \u201C" + label + "\u201D"), ok, failed), failed));
            dialogs.show(new RenameJwtKeyDialog(vm));
        });
    }

    private static io.keyward.journal.CheckTarget jwtKeyTarget(Project p, String id, String label, boolean deletion,
                                                                boolean creation, java.util.Map<String, String> before,
                                                                java.util.Map<String, String> after) {
        return new io.keyward.journal.CheckTarget("jwt-key", p.name(), p.id(), label, id, deletion, creation, before, after);
    }

    public void delete() {
        if (selection.size() > 1) {
            deleteMany(List.copyOf(selection));
            return;
        }
        withFresh(s -> {
            JwtKey k = s.key();
            DeleteJwtKeyDialogViewModel vm = new DeleteJwtKeyDialogViewModel(JwtKeyImpact.of(k, s.snapshot().jwtKeys()),
                    where(s.snapshot()));
            if (dialogs.show(new DeleteJwtKeyDialog(vm)).orElse(false)) {
                io.keyward.session.BulkRunner.Item d = deletion(s.snapshot(), k, vm.impactSummary());
                mutations.run(s.snapshot(), d.change(), d.call(), d.check());
            }
        });
    }

    /**
     * Deleting one JWT key as the journal keeps it, the call, and how a lost answer is checked: the same for
     * a single deletion and for each item of a bulk one.
     */
    static io.keyward.session.BulkRunner.Item deletion(Snapshot snapshot, JwtKey k, List<String> impact) {
        var api = snapshot.client().jwtKeys().orElseThrow();
        Project p = snapshot.project();
        return new io.keyward.session.BulkRunner.Item(io.keyward.session.Change.of("Delete JWT key", target(p, k))
                .withImpact(impact)
                .checking(jwtKeyTarget(p, k.id(), k.label(), true, false, java.util.Map.of(), java.util.Map.of())), () -> {
                    api.deleteJwtKey(p, k.id());
                    return MutationResult.done("Deleted.");
                }, () -> OutcomeCheck.deletion(api.listJwtKeys(p, false).stream().anyMatch(x -> x.id().equals(k.id())),
                "JWT key \u201C" + k.label() + "\u201D (" + k.id() + ")"));
    }

    /**
     * Loads the server's current state once, shows the combined impact of deleting all of {@code chosen}
     * (which are active, and whether any active key is left), and runs the deletions as one bulk run.
     */
    private void deleteMany(List<JwtKey> chosen) {
        if (mutations.isRunning()) {
            return;
        }
        workspace.loadFresh(snapshot -> {
            var still = Selections.stillListed(chosen, snapshot.jwtKeys(), (x, k) -> x.id().equals(k.id()),
                    BulkJwtKeyDeletion::name);
            List<JwtKey> current = still.current();
            List<String> missing = still.missing();
            if (current.isEmpty()) {
                workspace.notice("None of the " + chosen.size() + " selected JWT keys exists on the server any more; "
                        + "the list was refreshed.");
                return;
            }
            var vm = BulkJwtKeyDeletion.confirmation(snapshot, current, missing);
            if (dialogs.show(new io.keyward.ui.common.BulkDeleteDialog<>(vm)).isPresent()) {
                mutations.bulk().start(BulkJwtKeyDeletion.plan(snapshot, current, missing, vm));
            }
        });
    }

    /** A key with the label and public key asked for is there (the creation happened), or none is. */
    OutcomeCheck.Finding createFinding(NewJwtKey sent, List<JwtKey> now) {
        String thumbprint = facts.of(sent.publicKeyPem()).thumbprint();
        return now.stream().filter(k -> k.label().equals(sent.label()) && thumbprint.equals(thumbprint(k))).findFirst()
                .map(k -> new OutcomeCheck.Finding(OutcomeCheck.Verdict.HAPPENED, "A key labelled \u201C" + k.label()
                        + "\u201D with that public key is there (id " + k.id() + ")."))
                .orElseGet(() -> new OutcomeCheck.Finding(OutcomeCheck.Verdict.DID_NOT_HAPPEN,
                        "No key labelled \u201C" + sent.label() + "\u201D has that public key."));
    }

    /** Whether the key now has the value asked for ({@code wanted}), still the old one, or is gone. */
    static <V> OutcomeCheck.Finding updateFinding(JwtKey before, List<JwtKey> now, java.util.function.Function<JwtKey, V> field,
                                                  V wanted, String wantedWords) {
        Optional<JwtKey> k = now.stream().filter(x -> x.id().equals(before.id())).findFirst();
        if (k.isEmpty()) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE,
                    "JWT key " + before.id() + " is not there any more.");
        }
        V value = field.apply(k.get());
        if (java.util.Objects.equals(value, wanted)) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.HAPPENED, "The key is " + wantedWords + ".");
        }
        if (java.util.Objects.equals(value, field.apply(before))) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.DID_NOT_HAPPEN, "The key is unchanged.");
        }
        return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE, "The key changed otherwise.");
    }

    /** A mutation refused because another one runs still answers the dialog, instead of leaving it waiting. */
    private static void started(boolean started, Consumer<Throwable> failed) {
        if (!started) {
            failed.accept(new IllegalArgumentException("Another change is still running; try again when it has finished."));
        }
    }

    static String target(Project p, JwtKey k) {
        return p.name() + " / " + (k.label().isBlank() ? "(no label)" : k.label()) + " (" + k.id() + ")";
    }

    static io.keyward.ui.common.Where where(Connection c, Project p) {
        return io.keyward.ui.common.Where.of(c, p);
    }

    private static io.keyward.ui.common.Where where(Snapshot s) {
        return io.keyward.ui.common.Where.of(s);
    }

    private record Fresh(Snapshot snapshot, JwtKey key) { }

    /** The selected key as the server has it now, or a notice when it is gone. */
    private void withFresh(Consumer<Fresh> then) {
        JwtKey k = selected.get();
        if (k == null || mutations.isRunning() || selection.size() > 1) {
            return;
        }
        workspace.loadFresh(snapshot -> {
            Optional<JwtKey> now = snapshot.jwtKeys().stream().filter(x -> x.id().equals(k.id())).findFirst();
            if (now.isEmpty()) {
                workspace.notice("JWT key \u201C" + k.label() + "\u201D (" + k.id()
                        + ") no longer exists on the server; the list was refreshed.");
                return;
            }
            then.accept(new Fresh(snapshot, now.get()));
        });
    }

    // ------------------------------------------------------------------ properties

    /** The list's state: loading, loaded (when), failed (why; its rows kept, marked stale). */
    public javafx.beans.property.ReadOnlyObjectProperty<io.keyward.session.ListState> stateProperty() {
        return workspace.jwtKeyList().stateProperty();
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

    public TableFilter<JwtKey> filter() {
        return filter;
    }

    public BooleanProperty activeOnlyProperty() {
        return activeOnly;
    }

    public ObjectProperty<JwtKey> selectedProperty() {
        return selected;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    /** Rename, activate, deactivate: one key at a time. */
    public BooleanBinding canChangeOneProperty() {
        return canChangeOne;
    }

    /** The rows selected in the table, as the table mirrors them. */
    public javafx.collections.ObservableList<JwtKey> selection() {
        return selection;
    }

    /** "Delete…", or "Delete 5 keys…" while five rows are selected. */
    public StringBinding deleteLabelProperty() {
        return deleteLabel;
    }

    public StringBinding detailsProperty() {
        return details;
    }

    /** The selected key's public PEM, as the server sent it. */
    public StringBinding pemProperty() {
        return pem;
    }

    public StringBinding toggleTextProperty() {
        return toggleText;
    }

    /** The selected key's thumbprint, for the copy button ("" when none or unreadable). */
    public String selectedThumbprint() {
        JwtKey k = selected.get();
        return k == null || facts.of(k.publicKeyPem()).info() == null ? "" : thumbprint(k);
    }
}
