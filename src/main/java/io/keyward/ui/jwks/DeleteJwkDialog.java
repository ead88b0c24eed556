package io.keyward.ui.jwks;

import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The delete-JWK confirmation, bound to a {@link DeleteJwkDialogViewModel}; answers TRUE when confirmed. */
public final class DeleteJwkDialog implements DialogView<DeleteJwkDialogViewModel, Boolean> {
    private final DeleteJwkDialogViewModel vm;

    public DeleteJwkDialog(DeleteJwkDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public DeleteJwkDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Boolean> build(Window owner) {
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
                DialogFrames.typeToConfirm(vm.confirm(), "JWK name"));
        Dialog<Boolean> d = DialogFrames.destructive(owner, "Delete JWK",
                "Delete JWK \u201C" + jwk.name() + "\u201D" + (jwk.type() == null ? "" : " (" + jwk.type() + ")") + "?",
                DialogFrames.confirmType("Delete JWK"), content, vm.confirm().matchesProperty(),
                () -> vm.confirm().matches() ? Boolean.TRUE : null);
        d.getDialogPane().setId("delete-jwk-dialog");
        DialogFrames.located(d, vm.where());
        return d;
    }
}
