package io.keyward.ui.credentials;

import io.keyward.impact.Knowledge;
import io.keyward.impact.SlotRemovalImpact;
import io.keyward.model.CredentialSlot;

import java.util.List;

/** Remove-from-slot confirmation: which JWK, which slot, what stops working, what is kept. */
public final class RemoveCredentialJwkDialogViewModel {

    private final SlotRemovalImpact impact;

    public RemoveCredentialJwkDialogViewModel(SlotRemovalImpact impact) {
        this.impact = impact;
    }

    public String username() {
        return impact.username();
    }

    public CredentialSlot slot() {
        return impact.slot();
    }

    public String jwkSentence() {
        Knowledge<String> name = impact.jwkName();
        if (name instanceof Knowledge.Unknown<String> u) {
            return u.reason() + " Whatever JWK it holds will be removed from it.";
        }
        String n = name.orElse("");
        return n.isEmpty() ? "The server reports this slot as empty; it will refuse the removal."
                : "Removes JWK \u201C" + n + "\u201D from the " + impact.slot().label() + " slot of credential \u201C"
                + impact.username() + "\u201D.";
    }

    public String stopsWorking() {
        return "Stops working: " + impact.whatStopsWorking()
                + ", until another JWK is set in this slot. Clients whose tokens rely on it will be rejected.";
    }

    public String keptSentence() {
        return "The JWK itself is kept; only this assignment is removed.";
    }

    public String environmentsSentence() {
        return "The credential is redeployed to " + (impact.environments().isEmpty() ? "every environment"
                : String.join(", ", impact.environments())) + ".";
    }

    public List<String> environments() {
        return impact.environments();
    }

    public boolean canConfirm() {
        return !impact.knownEmpty();
    }

    private io.keyward.ui.common.Where where;

    /** The connection and project this dialog acts on, shown in its header. */
    public io.keyward.ui.common.Where where() {
        return where;
    }

    public RemoveCredentialJwkDialogViewModel at(io.keyward.ui.common.Where place) {
        this.where = place;
        return this;
    }

    /** What the confirmation showed, as the journal keeps it with the change. */
    public List<String> impactSummary() {
        return java.util.stream.Stream.of(jwkSentence(), stopsWorking(), keptSentence(), environmentsSentence())
                .filter(l -> l != null && !l.isBlank()).toList();
    }
}
