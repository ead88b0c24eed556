package io.keyward.ui.jwks;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.Jwk;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.session.ErrorText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rename or re-describe a JWK. The dialog stays open while the update runs, so a name the server
 * rejects ("is already exist") is shown inline next to the field instead of closing the dialog.
 */
public final class EditJwkDialogViewModel {

    /** Sends the update; calls back with the result or the failure (on the FX thread). */
    public interface Saver {
        void save(JwkUpdate update, Consumer<MutationResult> onSuccess, Consumer<Throwable> onFailure);
    }

    private final Jwk jwk;
    private final Set<String> otherNames;
    private final Saver saver;
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty description = new SimpleStringProperty();
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding changed;
    private final BooleanBinding canSave;

    public EditJwkDialogViewModel(Jwk jwk, Set<String> otherNames, Saver saver) {
        this.jwk = jwk;
        this.otherNames = Set.copyOf(otherNames);
        this.saver = saver;
        name.set(jwk.name());
        description.set(jwk.description());
        name.addListener((o, a, b) -> nameError.set(localNameProblem(b)));
        changed = Bindings.createBooleanBinding(() -> !Objects.equals(name.get(), jwk.name())
                || !Objects.equals(description.get(), jwk.description()), name, description);
        canSave = Bindings.createBooleanBinding(() -> changed.get() && !saving.get() && nameError.get().isEmpty(),
                changed, saving, nameError);
    }

    private String localNameProblem(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return "A JWK needs a name.";
        }
        if (!candidate.equals(jwk.name()) && otherNames.contains(candidate)) {
            return "A JWK named \u201C" + candidate + "\u201D already exists in this project.";
        }
        return "";
    }

    /** Shown when the JWK is linked to a source, because any update detaches it. */
    public String detachWarning() {
        if (!jwk.isAttachedToSource()) {
            return "";
        }
        return "This JWK is linked to its source (" + jwk.sourceType().name() + "). Saving any change detaches it: "
                + "it keeps its current key material but no longer follows the source, and a later rotation "
                + "of the source will not reach it.";
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        // Only changed fields are sent; the server keeps the others.
        String newName = Objects.equals(name.get(), jwk.name()) ? null : name.get();
        String newDescription = Objects.equals(description.get(), jwk.description()) ? null : description.get();
        saving.set(true);
        generalError.set("");
        saver.save(new JwkUpdate(newName, newDescription), result -> {
            saving.set(false);
            done.set(true);
        }, e -> {
            saving.set(false);
            if (e instanceof GatewayException g && g.failure() instanceof Failure.AlreadyExists) {
                nameError.set(g.serverMessage() != null ? g.serverMessage()
                        : "A JWK named \u201C" + name.get() + "\u201D already exists in this project.");
            } else {
                generalError.set(ErrorText.sentence(e));
            }
        });
    }

    public Jwk jwk() {
        return jwk;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty generalErrorProperty() {
        return generalError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True once the server accepted the update: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    private io.keyward.ui.common.Where where;

    /** The connection and project this dialog acts on, shown in its header. */
    public io.keyward.ui.common.Where where() {
        return where;
    }

    public EditJwkDialogViewModel at(io.keyward.ui.common.Where place) {
        this.where = place;
        return this;
    }
}
