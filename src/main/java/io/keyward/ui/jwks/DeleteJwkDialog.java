package io.keyward.ui.jwks;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.Fx;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The delete-JWK confirmation, bound to a {@link DeleteJwkDialogViewModel}. */
public final class DeleteJwkDialog {
    private DeleteJwkDialog() {
    }

    public static Dialog<ButtonType> build(Window owner, DeleteJwkDialogViewModel vm) {
        var jwk = vm.jwk();
        Label holdersNote = Fx.wrapping(vm.holdersNote(), vm.holdersKnown() ? "label" : "unknown-text");
        holdersNote.setId("holders-note");
        VBox holders = DialogFrames.bullets(vm.holderLines(), "danger-text");
        holders.setId("holders");
        Label kid = Fx.wrapping("kid: " + (jwk.kid() == null ? "not set" : jwk.kid()), "muted");
        VBox content = new VBox(10,
                kid,
                Fx.section("Credentials holding it", holdersNote, DialogFrames.limited(holders, 8)),
                Fx.section("Source", Fx.wrapping(vm.source())),
                Fx.section("Environments", Fx.wrapping(vm.environmentsSentence())),
                Fx.wrapping(vm.permanence(), "danger-text"),
                DialogFrames.typeToConfirm(vm.confirm(), "JWK"));
        Dialog<ButtonType> d = DialogFrames.destructive(owner, "Delete JWK",
                "Delete JWK \u201C" + jwk.name() + "\u201D" + (jwk.type() == null ? "" : " (" + jwk.type() + ")") + "?",
                DialogFrames.confirmType("Delete JWK"), content, vm.confirm().matchesProperty());
        d.getDialogPane().setId("delete-jwk-dialog");
        return d;
    }

    public static boolean show(Window owner, DeleteJwkDialogViewModel vm) {
        return build(owner, vm).showAndWait()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent() && vm.confirm().matches();
    }
}
