package io.keyward.ui.jwtkeys;

import io.keyward.impact.JwtKeyImpact;
import io.keyward.impact.Knowledge;
import io.keyward.model.JwtKey;
import io.keyward.ui.common.ConfirmByName;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

import java.util.ArrayList;
import java.util.List;

/**
 * Activating or deactivating a JWT key. Deactivating says that tokens signed with the key stop
 * verifying; when it is the project's last active key (or that cannot be told) the warning is strong
 * and the label, or the id where labels repeat, must be typed to confirm.
 */
public final class JwtKeyActivationDialogViewModel {

    private final JwtKeyImpact impact;
    private final boolean activate;
    private final io.keyward.ui.common.Where where;
    private final ConfirmByName confirm;
    private final BooleanBinding canConfirm;

    public JwtKeyActivationDialogViewModel(JwtKeyImpact impact, boolean activate, io.keyward.ui.common.Where where) {
        this.impact = impact;
        this.activate = activate;
        this.where = where;
        this.confirm = new ConfirmByName(impact.confirmationText());
        BooleanBinding typed = confirm.matchesProperty();
        this.canConfirm = needsTyping() ? typed : Bindings.createBooleanBinding(() -> true);
    }

    public JwtKey key() {
        return impact.key();
    }

    public boolean activating() {
        return activate;
    }

    public io.keyward.ui.common.Where where() {
        return where;
    }

    public String title() {
        return activate ? "Activate JWT key" : "Deactivate JWT key";
    }

    public String header() {
        return (activate ? "Activate" : "Deactivate") + " JWT key \u201C" + label() + "\u201D?";
    }

    private String label() {
        return impact.key().label().isBlank() ? impact.key().id() : impact.key().label();
    }

    /** What the change does, in plain sentences. */
    public List<String> consequences() {
        List<String> lines = new ArrayList<>();
        if (activate) {
            lines.add("Tokens signed with this key's private key will verify again.");
            lines.add(otherActiveSentence());
        } else {
            lines.add("Tokens signed with this key's private key stop verifying as soon as the server applies this.");
            lines.add(otherActiveSentence());
            lines.add("The key is kept: it can be activated again later.");
        }
        return lines;
    }

    private String otherActiveSentence() {
        Knowledge<List<JwtKey>> others = impact.otherActive();
        if (others instanceof Knowledge.Unknown<List<JwtKey>> u) {
            return u.reason();
        }
        List<JwtKey> list = others.orElse(List.of());
        if (list.isEmpty()) {
            return "No other key of this project is active.";
        }
        return list.size() == 1 ? "One other key is active: \u201C" + list.get(0).label() + "\u201D."
                : list.size() + " other keys are active.";
    }

    /** The strong warning, or "" when there is none to give. */
    public String warning() {
        if (activate) {
            return "";
        }
        Knowledge<Boolean> last = impact.isLastActive();
        if (!last.isKnown()) {
            return "This may be the project's last active key: if it is, no token of this project will verify "
                    + "after this change.";
        }
        return last.orElse(false) ? "This is the project's last active key: after this change NO token of this "
                + "project will verify until another key is active." : "";
    }

    /** Typing is asked only where the change can stop every token from verifying. */
    public boolean needsTyping() {
        return !activate && !warning().isEmpty();
    }

    public ConfirmByName confirm() {
        return confirm;
    }

    public String confirmWhat() {
        return impact.confirmsById() ? "key id" : "key label";
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public boolean canConfirm() {
        return canConfirm.get();
    }

    /** What the confirmation showed, as the journal keeps it with the change. */
    public List<String> impactSummary() {
        List<String> lines = new java.util.ArrayList<>(consequences());
        String w = warning();
        if (w != null && !w.isBlank()) {
            lines.add(w);
        }
        return lines;
    }
}
