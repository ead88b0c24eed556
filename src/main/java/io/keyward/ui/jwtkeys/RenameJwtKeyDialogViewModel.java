package io.keyward.ui.jwtkeys;

import io.keyward.model.JwtKey;
import io.keyward.model.MutationResult;
import io.keyward.session.ErrorText;
import io.keyward.ui.common.ServerProblem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Renaming (relabelling) a JWT key. Stays open while the update runs, so a label the server rejects
 * is shown inline, with the server's remedy and request id.
 */
public final class RenameJwtKeyDialogViewModel {

    /** Sends the new label; calls back with the result or the failure (on the FX thread). */
    public interface Saver {
        void save(String label, Consumer<MutationResult> onSuccess, Consumer<Throwable> onFailure);
    }

    private final JwtKey key;
    private final Set<String> otherLabels;
    private final io.keyward.ui.common.Where where;
    private final Saver saver;
    private final StringProperty label = new SimpleStringProperty();
    private final ReadOnlyStringWrapper labelError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper labelWarning = new ReadOnlyStringWrapper("");
    private final ServerProblem problem = new ServerProblem();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSave;

    public RenameJwtKeyDialogViewModel(JwtKey key, Set<String> otherLabels, io.keyward.ui.common.Where where, Saver saver) {
        this.key = key;
        this.otherLabels = Set.copyOf(otherLabels);
        this.where = where;
        this.saver = saver;
        label.set(key.label());
        label.addListener((o, a, b) -> check());
        canSave = Bindings.createBooleanBinding(() -> !saving.get() && labelError.get().isEmpty()
                && !label.get().strip().equals(key.label()), saving, labelError, label);
    }

    private void check() {
        String l = label.get() == null ? "" : label.get().strip();
        if (l.isEmpty()) {
            labelError.set("A JWT key needs a label.");
        } else if (l.length() > CreateJwtKeyDialogViewModel.MAX_LABEL) {
            labelError.set("A label has at most " + CreateJwtKeyDialogViewModel.MAX_LABEL + " characters (this one has "
                    + l.length() + ").");
        } else {
            labelError.set("");
        }
        labelWarning.set(otherLabels.contains(l) ? "Another key of this project is labelled \u201C" + l
                + "\u201D. That is allowed, but the two are then told apart by their ids only." : "");
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        saving.set(true);
        problem.clear();
        saver.save(label.get().strip(), r -> {
            saving.set(false);
            done.set(true);
        }, e -> {
            saving.set(false);
            boolean aboutLabel = ServerProblem.fields(e).stream().anyMatch(f -> f.equals("label") || f.equals("name"));
            if (aboutLabel) {
                labelError.set(ErrorText.sentence(e));
            }
            problem.show(e, aboutLabel);
        });
    }

    public JwtKey key() {
        return key;
    }

    public io.keyward.ui.common.Where where() {
        return where;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ReadOnlyStringProperty labelErrorProperty() {
        return labelError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelWarningProperty() {
        return labelWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty generalErrorProperty() {
        return problem.messageProperty();
    }

    public ObservableList<String> problemDetails() {
        return problem.details();
    }

    public ReadOnlyStringProperty requestIdProperty() {
        return problem.requestIdProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
