package io.keyward.ui.keys;

import io.keyward.impact.Impacts;
import io.keyward.impact.KeyDeletionImpact;
import io.keyward.impact.Knowledge;
import io.keyward.impact.SlotHolding;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.ui.common.ConfirmByName;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Delete-key confirmation: the derived JWKs, what keeping or deleting them does to each, which credentials
 * lose a JWK under DELETE, and the environments the key is undeployed from. Keeping them is preselected.
 */
public final class DeleteKeyDialogViewModel {

    /** One derived JWK and what the chosen action does to it. */
    public record JwkEffect(String jwkName, String type, String sourceType, String effect) { }

    private final KeyDeletionImpact impact;
    private final ObjectProperty<DerivedJwkPolicy> action = new SimpleObjectProperty<>(DerivedJwkPolicy.KEEP);
    private final ObservableList<JwkEffect> effects = FXCollections.observableArrayList();
    private final ObservableList<String> credentialLosses = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper jwkNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper credentialNote = new ReadOnlyStringWrapper("");
    private final ConfirmByName confirm;

    public DeleteKeyDialogViewModel(KeyDeletionImpact impact) {
        this.impact = impact;
        this.confirm = new ConfirmByName(impact.key().name());
        action.addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        DerivedJwkPolicy a = action.get() == null ? DerivedJwkPolicy.KEEP : action.get();
        CryptoKey key = impact.key();
        Knowledge<List<Jwk>> derived = impact.derivedJwks();
        if (derived instanceof Knowledge.Known<List<Jwk>> k) {
            effects.setAll(k.value().stream().map(j -> new JwkEffect(j.name(), j.type(), j.sourceType().name(),
                    Impacts.effectOn(j, key, a))).toList());
            jwkNote.set(k.value().isEmpty() ? "No JWK in this project was derived from this key." :
                    k.value().size() + (k.value().size() == 1 ? " JWK was" : " JWKs were") + " derived from this key.");
        } else {
            effects.clear();
            jwkNote.set(((Knowledge.Unknown<List<Jwk>>) derived).reason());
        }
        Knowledge<List<SlotHolding>> losses = impact.credentialsLosingJwk(a);
        if (a == DerivedJwkPolicy.KEEP) {
            credentialLosses.clear();
            credentialNote.set("No credential loses a JWK: the derived JWKs stay in place.");
        } else if (losses instanceof Knowledge.Known<List<SlotHolding>> k) {
            credentialLosses.setAll(k.value().stream().map(h -> h.username() + " loses \u201C" + h.jwkName()
                    + "\u201D from its " + h.slot().label() + " slot (" + h.slot().purpose() + ")").toList());
            credentialNote.set(k.value().isEmpty() ? "No credential holds any of these JWKs."
                    : k.value().size() + (k.value().size() == 1 ? " credential slot is" : " credential slots are")
                    + " cleared and those credentials are redeployed.");
        } else {
            credentialLosses.clear();
            credentialNote.set(((Knowledge.Unknown<List<SlotHolding>>) losses).reason());
        }
    }

    public CryptoKey key() {
        return impact.key();
    }

    public KeyDeletionImpact impact() {
        return impact;
    }

    public ObjectProperty<DerivedJwkPolicy> actionProperty() {
        return action;
    }

    public ObservableList<JwkEffect> effects() {
        return effects;
    }

    public ObservableList<String> credentialLosses() {
        return credentialLosses;
    }

    public ReadOnlyStringProperty jwkNoteProperty() {
        return jwkNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty credentialNoteProperty() {
        return credentialNote.getReadOnlyProperty();
    }

    public List<String> environments() {
        return impact.environments();
    }

    public String environmentsSentence() {
        List<String> configured = impact.key().environmentNames();
        String all = impact.environments().isEmpty() ? "every environment of the project"
                : String.join(", ", impact.environments());
        return "The key is undeployed from " + all + "."
                + (configured.isEmpty() ? "" : " It is configured for " + String.join(", ", configured) + ".");
    }

    public static String describe(DerivedJwkPolicy action) {
        return switch (action) {
            case KEEP -> "Keep derived JWKs: they stay and lose their link to this key";
            case DELETE -> "Delete derived JWKs too: they are removed and cleared from credentials";
        };
    }

    public ConfirmByName confirm() {
        return confirm;
    }

    /** The action to run, or null while the name has not been typed. */
    public DerivedJwkPolicy confirmedAction() {
        return confirm.matches() ? action.get() : null;
    }

    private io.keyward.ui.common.Where where;

    /** The connection and project this dialog acts on, shown in its header. */
    public io.keyward.ui.common.Where where() {
        return where;
    }

    public DeleteKeyDialogViewModel at(io.keyward.ui.common.Where place) {
        this.where = place;
        return this;
    }

    /** What the confirmation showed, as the journal keeps it with the change. */
    public List<String> impactSummary() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(jwkNote.get());
        effects.forEach(e -> lines.add(e.jwkName() + ": " + e.effect()));
        lines.add(credentialNote.get());
        lines.addAll(credentialLosses);
        lines.add(environmentsSentence());
        return lines;
    }
}
