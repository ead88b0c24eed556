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
            var api = snapshot.client().keys().orElseThrow();
            dialogs.show(new DeleteKeyDialog(vm)).ifPresent(a -> mutations.run(snapshot, io.keyward.session.Change.of(
                            a == DerivedJwkPolicy.DELETE ? "Delete key (delete derived JWKs)" : "Delete key (keep derived JWKs)",
                            snapshot.project().name() + " / " + k.name())
                            .withParameter("derivedJwks", a.name())
                            .withImpact(vm.impactSummary())
                            .checking(new io.keyward.journal.CheckTarget("key", snapshot.project().name(),
                                    snapshot.project().id(), k.name(), k.id(), true, false, java.util.Map.of(), java.util.Map.of())),
                    () -> api.deleteKey(snapshot.project(), k.name(), a),
                    () -> OutcomeCheck.deletion(api.listKeys(snapshot.project()).stream().anyMatch(x ->
                            Selections.sameIdOrName(x.id(), x.name(), k.id(), k.name())), "Key \u201C" + k.name() + "\u201D")));
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

    public StringBinding detailsProperty() {
        return details;
    }
}
