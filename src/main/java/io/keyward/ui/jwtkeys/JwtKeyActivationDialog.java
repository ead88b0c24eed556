package io.keyward.ui.jwtkeys;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Activating or deactivating a JWT key; answers TRUE when confirmed. */
public final class JwtKeyActivationDialog implements DialogView<JwtKeyActivationDialogViewModel, Boolean> {
    private final JwtKeyActivationDialogViewModel vm;

    public JwtKeyActivationDialog(JwtKeyActivationDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public JwtKeyActivationDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        VBox content = new VBox(10,
                Fx.wrapping("Id: " + vm.key().id(), "muted"),
                DialogFrames.bullets(vm.consequences()));
        if (!vm.warning().isEmpty()) {
            Label warning = Fx.wrapping(vm.warning(), "danger-text");
            warning.setId("last-active-warning");
            content.getChildren().add(warning);
        }
        if (vm.needsTyping()) {
            content.getChildren().add(DialogFrames.typeToConfirm(vm.confirm(), vm.confirmWhat()));
        }
        ButtonType confirm = DialogFrames.confirmType(vm.activating() ? "Activate" : "Deactivate");
        Dialog<Boolean> d = DialogFrames.destructive(owner, vm.title(), vm.header(), confirm, content,
                vm.canConfirmProperty(), () -> vm.canConfirm() ? Boolean.TRUE : null);
        d.getDialogPane().setId(vm.activating() ? "activate-jwt-key-dialog" : "deactivate-jwt-key-dialog");
        return DialogFrames.located(d, vm.where());
    }
}
