package io.keyward.ui.jwtkeys;

import io.keyward.impact.JwtKeyImpact;
import io.keyward.impact.Knowledge;
import io.keyward.model.JwtKey;
import io.keyward.ui.common.ConfirmByName;

import java.util.List;

/**
 * Deleting a JWT key: permanent; says whether it is active and whether it is the project's last
 * active key; the label (or the id, where labels repeat or are blank) must be typed to confirm.
 */
public final class DeleteJwtKeyDialogViewModel {

    private final JwtKeyImpact impact;
    private final io.keyward.ui.common.Where where;
    private final ConfirmByName confirm;

    public DeleteJwtKeyDialogViewModel(JwtKeyImpact impact, io.keyward.ui.common.Where where) {
        this.impact = impact;
        this.where = where;
        this.confirm = new ConfirmByName(impact.confirmationText());
    }

    public JwtKey key() {
        return impact.key();
    }

    public io.keyward.ui.common.Where where() {
        return where;
    }

    public String header() {
        JwtKey k = impact.key();
        return "Delete JWT key \u201C" + (k.label().isBlank() ? k.id() : k.label()) + "\u201D?";
    }

    public String identity() {
        return "Id: " + impact.key().id() + (impact.sameLabel() > 0 ? "  (" + impact.sameLabel()
                + (impact.sameLabel() == 1 ? " other key has" : " other keys have") + " the same label)" : "");
    }

    /** Whether the key verifies tokens now, and what deleting it does to that. */
    public String activeSentence() {
        JwtKey k = impact.key();
        if (k.active() == null) {
            return "The server did not say whether this key is active: tokens signed with it may be verifying now, "
                    + "and would stop.";
        }
        if (!k.isActive()) {
            return "The key is inactive: no token verifies with it now.";
        }
        Knowledge<Boolean> last = impact.isLastActive();
        if (!last.isKnown()) {
            return "The key is active: tokens signed with it stop verifying. "
                    + ((Knowledge.Unknown<List<JwtKey>>) impact.otherActive()).reason();
        }
        return last.orElse(false)
                ? "The key is active and it is the project's LAST active key: after deleting it NO token of this "
                + "project will verify until another key is created or activated."
                : "The key is active: tokens signed with it stop verifying. Other active keys of the project "
                + "keep verifying theirs.";
    }

    /** True when the sentence above is the strong warning. */
    public boolean severe() {
        JwtKey k = impact.key();
        if (k.active() == null) {
            return true;
        }
        Knowledge<Boolean> last = impact.isLastActive();
        return k.isActive() && (!last.isKnown() || last.orElse(false));
    }

    public String permanence() {
        return "Deleting a JWT key is permanent: it cannot be restored, only a new key can be created.";
    }

    public ConfirmByName confirm() {
        return confirm;
    }

    public String confirmWhat() {
        return impact.confirmsById() ? "key id" : "key label";
    }

    /** What the confirmation showed, as the journal keeps it with the change. */
    public java.util.List<String> impactSummary() {
        return java.util.stream.Stream.of(identity(), activeSentence())
                .filter(l -> l != null && !l.isBlank()).toList();
    }
}
