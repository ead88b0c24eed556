package io.keyward.ui.jwks;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Rename or re-describe a JWK. "Save" does not close the dialog: it sends the update and the dialog
 * closes only when the server accepted it, so a rejected name is shown inline under the field.
 */
public final class EditJwkDialog implements DialogView<EditJwkDialogViewModel, Boolean> {
    private final EditJwkDialogViewModel vm;

    public EditJwkDialog(EditJwkDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public EditJwkDialogViewModel viewModel() {
        return vm;
    }

    /** Answers TRUE once the server accepted the update. */
    @Override
    public Dialog<Boolean> build(Window owner) {
        TextField name = new TextField();
        name.setId("jwk-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        Label nameError = Fx.bound(vm.nameErrorProperty(), "inline-error");
        nameError.setId("name-error");
        TextArea description = new TextArea();
        description.setId("jwk-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        form.addRow(0, new Label("Name"), name);
        form.add(nameError, 1, 1);
        form.addRow(2, new Label("Description"), description);
        GridPane.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);

        Label detach = Fx.wrapping(vm.detachWarning(), "warning-text");
        detach.setId("detach-warning");
        Fx.hideWhenEmpty(detach);
        Label general = Fx.bound(vm.generalErrorProperty(), "inline-error");
        ProgressIndicator saving = new ProgressIndicator();
        saving.setPrefSize(18, 18);
        saving.visibleProperty().bind(vm.savingProperty());
        VBox content = new VBox(10, form, detach, new HBox(8, saving, general),
                Fx.wrapping("The JWK is redeployed to every environment after the update.", "muted"));

        return DialogFrames.located(DialogFrames.untilDone(owner, "Edit JWK",
                "Rename or re-describe JWK \u201C" + vm.jwk().name() + "\u201D", "edit-jwk-dialog", "Save", content,
                vm.canSaveProperty(), vm::save, vm.doneProperty()), vm.where());
    }
}
