package io.keyward.ui.credentials;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.Fx;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Removing a JWK from a credential slot: what stops working and what is kept. */
public final class RemoveCredentialJwkDialog {
    private RemoveCredentialJwkDialog() {
    }

    public static Dialog<ButtonType> build(Window owner, RemoveCredentialJwkDialogViewModel vm) {
        var jwk = Fx.wrapping(vm.jwkSentence());
        jwk.setId("removal-jwk");
        VBox content = new VBox(10,
                Fx.section("JWK", jwk),
                Fx.section("Impact", Fx.wrapping(vm.stopsWorking(), "danger-text"), Fx.wrapping(vm.keptSentence())),
                Fx.section("Environments", Fx.wrapping(vm.environmentsSentence())));
        Dialog<ButtonType> d = DialogFrames.destructive(owner, "Remove JWK from credential",
                "Remove the " + vm.slot().label() + " JWK of credential \u201C" + vm.username() + "\u201D?",
                DialogFrames.confirmType("Remove JWK"), content, new SimpleBooleanProperty(vm.canConfirm()));
        d.getDialogPane().setId("remove-credential-jwk-dialog");
        return d;
    }

    public static boolean show(Window owner, RemoveCredentialJwkDialogViewModel vm) {
        return build(owner, vm).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }
}
