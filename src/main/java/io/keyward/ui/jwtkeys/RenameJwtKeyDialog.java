package io.keyward.ui.jwtkeys;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Relabelling a JWT key; "Rename" keeps the dialog open until the server accepted it. Answers TRUE then. */
public final class RenameJwtKeyDialog implements DialogView<RenameJwtKeyDialogViewModel, Boolean> {
    private final RenameJwtKeyDialogViewModel vm;

    public RenameJwtKeyDialog(RenameJwtKeyDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public RenameJwtKeyDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        TextField label = new TextField();
        label.setId("jwt-key-label");
        label.setPrefColumnCount(36);
        label.textProperty().bindBidirectional(vm.labelProperty());
        Label labelError = Fx.bound(vm.labelErrorProperty(), "inline-error");
        labelError.setId("label-error");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        Label caption = new Label("Label");
        caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long warning must not shrink it to "..."
        form.addRow(0, caption, label);
        form.add(labelError, 1, 1);
        form.add(Fx.bound(vm.labelWarningProperty(), "warning-text"), 1, 2);
        GridPane.setHgrow(label, Priority.ALWAYS);
        ProgressIndicator saving = new ProgressIndicator();
        saving.setPrefSize(18, 18);
        saving.visibleProperty().bind(vm.savingProperty());
        Label general = Fx.bound(vm.generalErrorProperty(), "inline-error");
        general.setId("general-error");
        VBox content = new VBox(10, Fx.wrapping("Id: " + vm.key().id(), "muted"),
                form, new HBox(8, saving, general), DialogFrames.problemBox(vm.problemDetails(), vm.requestIdProperty()),
                Fx.wrapping("Only the label changes: the key, its id and whether it is active stay as they are.",
                        "muted"));

        return DialogFrames.located(DialogFrames.untilDone(owner, "Rename JWT key", "Rename JWT key \u201C" + vm.key().label() + "\u201D",
                "rename-jwt-key-dialog", "Rename", content, vm.canSaveProperty(), vm::save, vm.doneProperty()), vm.where());
    }
}
