package io.keyward.ui.jwtkeys;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The delete-JWT-key confirmation; answers TRUE when confirmed. */
public final class DeleteJwtKeyDialog implements DialogView<DeleteJwtKeyDialogViewModel, Boolean> {
    private final DeleteJwtKeyDialogViewModel vm;

    public DeleteJwtKeyDialog(DeleteJwtKeyDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public DeleteJwtKeyDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        Label active = Fx.wrapping(vm.activeSentence(), vm.severe() ? "danger-text" : "label");
        active.setId("active-note");
        VBox content = new VBox(10,
                Fx.wrapping(vm.identity(), "muted"),
                Fx.section("Tokens", active),
                Fx.wrapping(vm.permanence(), "danger-text"),
                DialogFrames.typeToConfirm(vm.confirm(), vm.confirmWhat()));
        Dialog<Boolean> d = DialogFrames.destructive(owner, "Delete JWT key", vm.header(),
                DialogFrames.confirmType("Delete key"), content, vm.confirm().matchesProperty(),
                () -> vm.confirm().matches() ? Boolean.TRUE : null);
        d.getDialogPane().setId("delete-jwt-key-dialog");
        return DialogFrames.located(d, vm.where());
    }
}
