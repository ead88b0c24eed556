package io.keyward.ui.credentials;

import io.keyward.impact.Impacts;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.session.MutationRunner;
import io.keyward.session.OutcomeCheck;
import io.keyward.session.Snapshot;
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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/** The Credentials tab: filterable table, details, and setting or removing the two JWK slots. */
public final class CredentialListViewModel {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Workspace workspace;
    private final MutationRunner mutations;
    private final DialogService dialogs;
    private final Clock clock;
    private final TableFilter<Credential> filter;
    private final ObjectProperty<Credential> selected = new SimpleObjectProperty<>();
    private final BooleanBinding canSet;
    private final StringBinding details;

    public CredentialListViewModel(Workspace workspace, MutationRunner mutations, DialogService dialogs, ZoneId zone) {
        this(workspace, mutations, dialogs, Clock.system(zone));
    }

    /** @param clock decides both the zone expiry dates are shown in and whether they have passed */
    public CredentialListViewModel(Workspace workspace, MutationRunner mutations, DialogService dialogs, Clock clock) {
        this.workspace = workspace;
        this.mutations = mutations;
        this.dialogs = dialogs;
        this.clock = clock;
        this.filter = new TableFilter<>(workspace.credentials(), c -> Stream.concat(Stream.of(c.username(), c.fullName(),
                c.email(), c.description(), slot(c, CredentialSlot.VALIDATION), slot(c, CredentialSlot.ENCRYPTION)),
                c.roles().stream()), "credential", "credentials");
        canSet = Bindings.createBooleanBinding(() -> selected.get() != null && !mutations.isRunning()
                && !workspace.isReadOnly(), selected, mutations.runningProperty(), workspace.readOnlyProperty());
        details = Bindings.createStringBinding(this::describeSelection, selected);
        Selections.follow(filter.items(), selected,
                (a, b) -> Selections.sameIdOrName(a.id(), a.username(), b.id(), b.username()));
    }

    /** The JWK name in a slot for display: "—" empty, "unknown" when the server does not say. */
    public static String slot(Credential c, CredentialSlot slot) {
        if (!c.slotsReported()) {
            return "unknown";
        }
        String n = c.jwks().nameIn(slot);
        return n == null ? "\u2014" : n;
    }

    public String expiry(Credential c) {
        Instant e = c.expireDate();
        return e == null ? "never"
                : DATE.format(e.atZone(clock.getZone())) + (e.isBefore(clock.instant()) ? " (expired)" : "");
    }

    private String describeSelection() {
        Credential c = selected.get();
        if (c == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Username: ").append(c.username()).append('\n');
        sb.append("Full name: ").append(orDash(c.fullName())).append('\n');
        sb.append("Email: ").append(orDash(c.email())).append('\n');
        sb.append("Enabled: ").append(c.enabled() ? "yes" : "no").append('\n');
        sb.append("Expires: ").append(expiry(c)).append('\n');
        sb.append("Roles: ").append(c.roles().isEmpty() ? "none" : String.join(", ", c.roles())).append('\n');
        sb.append("Allowed IPs: ").append(c.ipList().isEmpty() ? "any (no restriction)" : String.join(", ", c.ipList()))
                .append('\n');
        if (c.slotsReported()) {
            sb.append("Validation JWK: ").append(slot(c, CredentialSlot.VALIDATION)).append('\n');
            sb.append("Encryption JWK: ").append(slot(c, CredentialSlot.ENCRYPTION));
        } else {
            sb.append("Validation and encryption JWKs: not reported by this server");
        }
        if (c.description() != null && !c.description().isBlank()) {
            sb.append('\n').append("Description: ").append(c.description());
        }
        return sb.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "\u2014" : s;
    }

    /** Removal is offered unless the server reports the slot as empty. */
    public boolean canRemove(CredentialSlot slot) {
        Credential c = selected.get();
        return c != null && !mutations.isRunning() && !workspace.isReadOnly()
                && (!c.slotsReported() || c.jwks().nameIn(slot) != null);
    }

    public void setJwk(CredentialSlot slot) {
        withFreshSelection(current -> {
            Snapshot snapshot = current.snapshot();
            Credential c = current.credential();
            SetCredentialJwkDialogViewModel vm = new SetCredentialJwkDialogViewModel(c, slot, snapshot.jwks(),
                    snapshot.environmentNames()).at(Where.of(snapshot));
            var api = snapshot.client().credentialJwkSlots().orElseThrow();
            dialogs.show(new SetCredentialJwkDialog(vm)).ifPresent(j -> mutations.run(snapshot,
                    slotChange(snapshot, c, slot, j.name(), "Set " + slot.label() + " JWK",
                            snapshot.project().name() + " / " + c.username() + " \u2190 " + j.name(),
                            java.util.List.of("\u201C" + j.name() + "\u201D goes into the " + slot.label() + " slot of \u201C"
                                    + c.username() + "\u201D (" + slot.purpose() + ").")),
                    () -> api.setCredentialJwk(snapshot.project(), c.username(), slot, j.name()),
                    () -> slotFinding(c, slot, j.name(), snapshot.client().credentials().orElseThrow()
                            .listCredentials(snapshot.project()))));
        });
    }

    /** A slot change as the journal keeps it: the JWK the slot held and the one it is meant to hold ("" for none). */
    static io.keyward.session.Change slotChange(Snapshot snapshot, Credential c, CredentialSlot slot, String wanted,
                                                String action, String target, java.util.List<String> impact) {
        String field = slot.name().toLowerCase(java.util.Locale.ROOT);
        java.util.Map<String, String> before = new java.util.LinkedHashMap<>();
        if (c.slotsReported()) {
            String held = c.jwks().nameIn(slot);
            before.put(field, held == null ? "" : held);
        }
        return io.keyward.session.Change.of(action, target)
                .withParameter("slot", slot.label())
                .withParameter("jwk", wanted == null ? "(none)" : wanted)
                .withImpact(impact)
                .checking(new io.keyward.journal.CheckTarget("credential", snapshot.project().name(),
                        snapshot.project().id(), c.username(), c.id(), false, false, before,
                        java.util.Map.of(field, wanted == null ? "" : wanted)));
    }

    public void removeJwk(CredentialSlot slot) {
        if (!canRemove(slot)) {
            return;
        }
        withFreshSelection(current -> {
            Snapshot snapshot = current.snapshot();
            Credential c = current.credential();
            RemoveCredentialJwkDialogViewModel vm = new RemoveCredentialJwkDialogViewModel(
                    Impacts.slotRemoval(c, slot, snapshot.environments())).at(Where.of(snapshot));
            var api = snapshot.client().credentialJwkSlots().orElseThrow();
            if (dialogs.show(new RemoveCredentialJwkDialog(vm)).orElse(false)) {
                mutations.run(snapshot, slotChange(snapshot, c, slot, null, "Remove " + slot.label() + " JWK",
                                snapshot.project().name() + " / " + c.username(), vm.impactSummary()),
                        () -> api.removeCredentialJwk(snapshot.project(), c.username(), slot),
                        () -> slotFinding(c, slot, null, snapshot.client().credentials().orElseThrow()
                                .listCredentials(snapshot.project())));
            }
        });
    }

    /** What the server now has in the slot after a change whose answer was lost ({@code wanted} null: emptied). */
    static OutcomeCheck.Finding slotFinding(Credential before, CredentialSlot slot, String wanted,
                                            java.util.List<Credential> now) {
        Credential c = now.stream().filter(x -> Selections.sameIdOrName(x.id(), x.username(), before.id(),
                before.username())).findFirst().orElse(null);
        if (c == null) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE,
                    "Credential \u201C" + before.username() + "\u201D is not there any more.");
        }
        if (!c.slotsReported()) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CANNOT_TELL,
                    "The server does not report which JWK a credential holds.");
        }
        String held = c.jwks().nameIn(slot);
        String was = before.slotsReported() ? before.jwks().nameIn(slot) : null;
        String shown = held == null ? "empty" : "\u201C" + held + "\u201D";
        if (java.util.Objects.equals(held, wanted)) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.HAPPENED, "The " + slot.label() + " slot of \u201C"
                    + c.username() + "\u201D is " + shown + ".");
        }
        if (before.slotsReported() && java.util.Objects.equals(held, was)) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.DID_NOT_HAPPEN, "The " + slot.label()
                    + " slot of \u201C" + c.username() + "\u201D is still " + shown + ".");
        }
        return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE, "The " + slot.label()
                + " slot of \u201C" + c.username() + "\u201D is " + shown + ".");
    }

    private record Fresh(Snapshot snapshot, Credential credential) { }

    /** The selected credential as the server has it now, or a notice when it is gone. */
    private void withFreshSelection(java.util.function.Consumer<Fresh> then) {
        Credential c = selected.get();
        if (c == null || mutations.isRunning()) {
            return;
        }
        workspace.loadFresh(snapshot -> snapshot.credentials().stream()
                .filter(x -> Selections.sameIdOrName(x.id(), x.username(), c.id(), c.username())).findFirst()
                .ifPresentOrElse(fresh -> then.accept(new Fresh(snapshot, fresh)),
                        () -> workspace.notice("Credential \u201C" + c.username()
                                + "\u201D no longer exists on the server; the lists were refreshed.")));
    }

    /** The list's state: loading, loaded (when), failed (why; its rows kept, marked stale). */
    public javafx.beans.property.ReadOnlyObjectProperty<io.keyward.session.ListState> stateProperty() {
        return workspace.credentialList().stateProperty();
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

    public TableFilter<Credential> filter() {
        return filter;
    }

    public ObjectProperty<Credential> selectedProperty() {
        return selected;
    }

    public BooleanBinding canSetProperty() {
        return canSet;
    }

    public StringBinding detailsProperty() {
        return details;
    }
}
