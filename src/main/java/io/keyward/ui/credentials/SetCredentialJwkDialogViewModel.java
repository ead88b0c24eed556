package io.keyward.ui.credentials;

import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.Jwk;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Choose the JWK for a credential slot; says what it replaces and where it is redeployed. */
public final class SetCredentialJwkDialogViewModel {

    private final Credential credential;
    private final CredentialSlot slot;
    private final List<String> environments;
    private final ObservableList<Jwk> candidates;
    private final ObjectProperty<Jwk> selected = new SimpleObjectProperty<>();
    private final BooleanBinding canConfirm;
    private final StringBinding summary;

    public SetCredentialJwkDialogViewModel(Credential credential, CredentialSlot slot, List<Jwk> jwks,
                                           List<String> environments) {
        this.credential = credential;
        this.slot = slot;
        this.environments = List.copyOf(environments);
        this.candidates = FXCollections.observableArrayList(
                jwks.stream().sorted(Comparator.comparing(Jwk::name, String.CASE_INSENSITIVE_ORDER)).toList());
        String current = currentName();
        canConfirm = Bindings.createBooleanBinding(() -> selected.get() != null
                && !Objects.equals(selected.get().name(), current), selected);
        summary = Bindings.createStringBinding(this::describe, selected);
    }

    private String currentName() {
        return credential.slotsReported() ? credential.jwks().nameIn(slot) : null;
    }

    private String describe() {
        Jwk j = selected.get();
        if (j == null) {
            return "Choose the JWK to use for " + slot.purpose() + ".";
        }
        String current = currentName();
        String replaces;
        if (!credential.slotsReported()) {
            replaces = "The server does not report the slot's current JWK; if it holds one, it is replaced.";
        } else if (current == null) {
            replaces = "The slot is empty now.";
        } else if (current.equals(j.name())) {
            replaces = "The slot already holds this JWK.";
        } else {
            replaces = "Replaces \u201C" + current + "\u201D.";
        }
        return "\u201C" + j.name() + "\u201D (" + j.type() + ") will be used for " + slot.purpose() + ". " + replaces
                + " The credential is redeployed to " + (environments.isEmpty() ? "every environment"
                : String.join(", ", environments)) + ".";
    }

    public Credential credential() {
        return credential;
    }

    public CredentialSlot slot() {
        return slot;
    }

    public ObservableList<Jwk> candidates() {
        return candidates;
    }

    public ObjectProperty<Jwk> selectedProperty() {
        return selected;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    private io.keyward.ui.common.Where where;

    /** The connection and project this dialog acts on, shown in its header. */
    public io.keyward.ui.common.Where where() {
        return where;
    }

    public SetCredentialJwkDialogViewModel at(io.keyward.ui.common.Where place) {
        this.where = place;
        return this;
    }
}
