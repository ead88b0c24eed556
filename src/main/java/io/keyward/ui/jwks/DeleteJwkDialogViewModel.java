package io.keyward.ui.jwks;

import io.keyward.impact.JwkDeletionImpact;
import io.keyward.impact.Knowledge;
import io.keyward.impact.SlotHolding;
import io.keyward.model.Jwk;
import io.keyward.ui.common.ConfirmByName;

import java.util.List;

/** Delete-JWK confirmation: who holds it and in which slot, its source, where it is undeployed. */
public final class DeleteJwkDialogViewModel {

    private final JwkDeletionImpact impact;
    private final ConfirmByName confirm;

    public DeleteJwkDialogViewModel(JwkDeletionImpact impact) {
        this.impact = impact;
        this.confirm = new ConfirmByName(impact.jwk().name());
    }

    public Jwk jwk() {
        return impact.jwk();
    }

    public String source() {
        return impact.source();
    }

    /** Lines such as "checkout-service – validation slot (JWT signature validation and token signing)". */
    public List<String> holderLines() {
        return impact.holders().orElse(List.of()).stream().map(DeleteJwkDialogViewModel::line).toList();
    }

    static String line(SlotHolding h) {
        return h.username() + " \u2013 " + h.slot().label() + " slot (" + h.slot().purpose() + " stops working)";
    }

    public String holdersNote() {
        Knowledge<List<SlotHolding>> holders = impact.holders();
        if (holders instanceof Knowledge.Unknown<List<SlotHolding>> u) {
            return u.reason();
        }
        int n = holders.orElse(List.of()).size();
        return n == 0 ? "No credential holds this JWK."
                : n + (n == 1 ? " credential slot holds" : " credential slots hold")
                + " this JWK. They are cleared and the credentials redeployed.";
    }

    public boolean holdersKnown() {
        return impact.holders().isKnown();
    }

    public String environmentsSentence() {
        return "It is undeployed from " + (impact.environments().isEmpty() ? "every environment of the project"
                : String.join(", ", impact.environments())) + ".";
    }

    public List<String> environments() {
        return impact.environments();
    }

    public String permanence() {
        return "Deletion is permanent: the key material cannot be recovered, and anything verifying tokens "
                + "with kid \u201C" + (impact.jwk().kid() == null ? "?" : impact.jwk().kid()) + "\u201D will fail.";
    }

    public ConfirmByName confirm() {
        return confirm;
    }

    private io.keyward.ui.common.Where where;

    /** The connection and project this dialog acts on, shown in its header. */
    public io.keyward.ui.common.Where where() {
        return where;
    }

    public DeleteJwkDialogViewModel at(io.keyward.ui.common.Where place) {
        this.where = place;
        return this;
    }

    /** What the confirmation showed, as the journal keeps it with the change. */
    public List<String> impactSummary() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(holdersNote());
        lines.addAll(holderLines());
        lines.add(environmentsSentence());
        lines.add(permanence());
        return lines;
    }
}
