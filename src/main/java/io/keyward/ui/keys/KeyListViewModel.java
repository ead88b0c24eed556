package io.keyward.ui.keys;

import io.keyward.impact.Impacts;
import io.keyward.model.CryptoKey;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.Jwk;
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
import java.util.stream.Stream;

/** The Keys tab: filterable table, details of the selection, delete with impact. */
public final class KeyListViewModel {

    private final Workspace workspace;
    private final MutationRunner mutations;
    private final DialogService dialogs;
    private final FailureHandler failures;
    private final TableFilter<CryptoKey> filter;
    private final ObjectProperty<CryptoKey> selected = new SimpleObjectProperty<>();
    /** Every row selected in the table (Shift, Ctrl); more than one makes Delete a bulk deletion. */
    private final javafx.collections.ObservableList<CryptoKey> selection = javafx.collections.FXCollections.observableArrayList();
    private final StringBinding deleteLabel;
    private final BooleanBinding canDelete;
    private final StringBinding details;

    public KeyListViewModel(Workspace workspace, MutationRunner mutations, DialogService dialogs, FailureHandler failures) {
        this.workspace = workspace;
        this.mutations = mutations;
        this.dialogs = dialogs;
        this.failures = failures;
        this.filter = new TableFilter<>(workspace.keys(),
                k -> Stream.concat(Stream.of(k.name(), k.description(), k.keyType()), k.environmentNames().stream()),
                "key", "keys");
        canDelete = Bindings.createBooleanBinding(() -> selected.get() != null && !mutations.isRunning()
                && !workspace.isReadOnly(), selected, mutations.runningProperty(), workspace.readOnlyProperty());
        details = Bindings.createStringBinding(this::describeSelection, selected, workspace.jwks());
        deleteLabel = Bindings.createStringBinding(() -> selection.size() > 1 ? "Delete " + selection.size()
                + " keys\u2026" : "Delete key\u2026", selection);
        // Before follow(): the many rows first, then the one the details show.
        Selections.followAll(filter.items(), selection, CryptoKey::id, CryptoKey::name);
        Selections.follow(filter.items(), selected,
                (a, b) -> Selections.sameIdOrName(a.id(), a.name(), b.id(), b.name()));
    }

    private String describeSelection() {
        CryptoKey k = selected.get();
        if (k == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Type: ").append(k.keyType() == null ? "not reported" : k.keyType()).append('\n');
        sb.append("Configured for: ").append(k.environmentNames().isEmpty() ? "no environment"
                : String.join(", ", k.environmentNames())).append('\n');
        k.environments().forEach(e -> sb.append("  ").append(e.environmentName()).append(": ")
                .append(e.publicKey() == null ? "no public key reported" : "public key")
                .append(e.hasPrivateKey() ? " + private key (not shown)" : "").append('\n'));
        if (k.description() != null && !k.description().isBlank()) {
            sb.append("Description: ").append(k.description()).append('\n');
        }
        var derived = Impacts.jwksDerivedFrom(k, workspace.jwks());
        if (derived.isKnown()) {
            List<Jwk> list = derived.orElse(List.of());
            sb.append("Derived JWKs: ").append(list.isEmpty() ? "none" :
                    String.join(", ", list.stream().map(Jwk::name).toList()));
        } else {
            sb.append("Derived JWKs: cannot be determined (the server sent no key id)");
        }
        return sb.toString();
    }

    /** Loads the server's current state, shows the impact, and deletes if confirmed. */
    public void deleteSelected() {
        if (selection.size() > 1) {
            deleteMany(List.copyOf(selection));
            return;
        }
        CryptoKey key = selected.get();
        if (key == null || mutations.isRunning()) {
            return;
        }
        workspace.loadFresh(snapshot -> {
            Optional<CryptoKey> current = snapshot.keys().stream()
                    .filter(k -> Selections.sameIdOrName(k.id(), k.name(), key.id(), key.name())).findFirst();
            if (current.isEmpty()) {
                workspace.notice("Key \u201C" + key.name() + "\u201D no longer exists on the server; the lists were refreshed.");
                return;
            }
            CryptoKey k = current.get();
            DeleteKeyDialogViewModel vm = new DeleteKeyDialogViewModel(Impacts.keyDeletion(k, snapshot.jwks(),
                    snapshot.credentials(), snapshot.environments())).at(Where.of(snapshot));
            dialogs.show(new DeleteKeyDialog(vm)).ifPresent(a -> {
                io.keyward.session.BulkRunner.Item d = deletion(snapshot, k, a, vm.impactSummary());
                mutations.run(snapshot, d.change(), d.call(), d.check());
            });
        });
    }

    /**
     * Deleting one key with the chosen fate of its derived JWKs, as the journal keeps it, the call, and how
     * a lost answer is checked: the same for a single deletion and for each item of a bulk one.
     */
    static io.keyward.session.BulkRunner.Item deletion(io.keyward.session.Snapshot snapshot, CryptoKey k, DerivedJwkPolicy a,
                                                      List<String> impact) {
        var api = snapshot.client().keys().orElseThrow();
        var p = snapshot.project();
        return new io.keyward.session.BulkRunner.Item(io.keyward.session.Change.of(
                        a == DerivedJwkPolicy.DELETE ? "Delete key (delete derived JWKs)" : "Delete key (keep derived JWKs)",
                        p.name() + " / " + k.name())
                .withParameter("derivedJwks", a.name())
                .withImpact(impact)
                .checking(new io.keyward.journal.CheckTarget("key", p.name(), p.id(), k.name(), k.id(), true, false,
                        java.util.Map.of(), java.util.Map.of())),
                () -> api.deleteKey(p, k.name(), a),
                () -> OutcomeCheck.deletion(api.listKeys(p).stream().anyMatch(x ->
                        Selections.sameIdOrName(x.id(), x.name(), k.id(), k.name())), "Key \u201C" + k.name() + "\u201D"));
    }

    /**
     * Loads the server's current state once, shows the combined impact of deleting all of {@code chosen}
     * with one choice for their derived JWKs (those gone meanwhile named, and not sent), and runs the
     * deletions as one bulk run if confirmed.
     */
    private void deleteMany(List<CryptoKey> chosen) {
        if (mutations.isRunning()) {
            return;
        }
        workspace.loadFresh(snapshot -> {
            var still = Selections.stillListed(chosen, snapshot.keys(),
                    (x, k) -> Selections.sameIdOrName(x.id(), x.name(), k.id(), k.name()), CryptoKey::name);
            List<CryptoKey> current = still.current();
            List<String> missing = still.missing();
            if (current.isEmpty()) {
                workspace.notice("None of the " + chosen.size() + " selected keys exists on the server any more; "
                        + "the lists were refreshed.");
                return;
            }
            var vm = BulkKeyDeletion.confirmation(snapshot, current, missing);
            dialogs.show(new io.keyward.ui.common.BulkDeleteDialog<>(vm)).ifPresent(a ->
                    mutations.bulk().start(BulkKeyDeletion.plan(snapshot, current, missing, a, vm)));
        });
    }

    /** The list's state: loading, loaded (when), failed (why; its rows kept, marked stale). */
    public javafx.beans.property.ReadOnlyObjectProperty<io.keyward.session.ListState> stateProperty() {
        return workspace.keyList().stateProperty();
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

    public TableFilter<CryptoKey> filter() {
        return filter;
    }

    public ObjectProperty<CryptoKey> selectedProperty() {
        return selected;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    /** The rows selected in the table, as the table mirrors them. */
    public javafx.collections.ObservableList<CryptoKey> selection() {
        return selection;
    }

    /** "Delete key…", or "Delete 5 keys…" while five rows are selected. */
    public StringBinding deleteLabelProperty() {
        return deleteLabel;
    }

    public StringBinding detailsProperty() {
        return details;
    }
}
