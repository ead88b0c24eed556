package io.keyward.ui.credentials;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Removing a JWK from a credential slot: what stops working and what is kept. Answers TRUE when confirmed. */
public final class RemoveCredentialJwkDialog implements DialogView<RemoveCredentialJwkDialogViewModel, Boolean> {
    private final RemoveCredentialJwkDialogViewModel vm;

    public RemoveCredentialJwkDialog(RemoveCredentialJwkDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public RemoveCredentialJwkDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
        var jwk = Fx.wrapping(vm.jwkSentence());
        jwk.setId("removal-jwk");
        VBox content = new VBox(10,
                Fx.section("JWK", jwk),
                Fx.section("Impact", Fx.wrapping(vm.stopsWorking(), "danger-text"), Fx.wrapping(vm.keptSentence())),
                Fx.section("Environments", Fx.wrapping(vm.environmentsSentence())));
        Dialog<Boolean> d = DialogFrames.destructive(owner, "Remove JWK from credential",
                "Remove the " + vm.slot().label() + " JWK of credential \u201C" + vm.username() + "\u201D?",
                DialogFrames.confirmType("Remove JWK"), content, new SimpleBooleanProperty(vm.canConfirm()),
                () -> Boolean.TRUE);
        d.getDialogPane().setId("remove-credential-jwk-dialog");
        DialogFrames.located(d, vm.where());
        return d;
    }
}
