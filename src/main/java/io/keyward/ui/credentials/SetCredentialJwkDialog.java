package io.keyward.ui.credentials;

import io.keyward.model.Jwk;
import io.keyward.ui.common.DialogFrames;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.Fx;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Choose the JWK for a credential's validation or encryption slot; answers the chosen JWK. */
public final class SetCredentialJwkDialog implements DialogView<SetCredentialJwkDialogViewModel, Jwk> {
    private final SetCredentialJwkDialogViewModel vm;

    public SetCredentialJwkDialog(SetCredentialJwkDialogViewModel vm) {
        this.vm = vm;
    }

    @Override
    public SetCredentialJwkDialogViewModel viewModel() {
        return vm;
    }

    @Override
    public Dialog<Jwk> build(Window owner) {
        ListView<Jwk> list = new ListView<>(vm.candidates());
        list.setId("jwk-choices");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Jwk j, boolean empty) {
                super.updateItem(j, empty);
                setText(empty || j == null ? null : j.name() + "   (" + j.type() + ", " + j.sourceType().name()
                        + (j.kid() == null ? "" : ", kid " + abbreviate(j.kid())) + ")");
            }
        });
        vm.selectedProperty().bind(list.getSelectionModel().selectedItemProperty());
        var summary = Fx.wrapping("");
        summary.setId("set-summary");
        summary.textProperty().bind(vm.summaryProperty());
        VBox content = new VBox(10, list, summary);

        Dialog<Jwk> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Set " + vm.slot().label() + " JWK");
        d.setHeaderText("Set the " + vm.slot().label() + " JWK of credential \u201C" + vm.credential().username()
                + "\u201D (" + vm.slot().purpose() + ")");
        d.getDialogPane().getStylesheets().add(DialogFrames.STYLESHEET);
        d.getDialogPane().setId("set-credential-jwk-dialog");
        DialogFrames.located(d, vm.where());
        ButtonType set = new ButtonType("Set JWK", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(set, ButtonType.CANCEL);
        d.getDialogPane().setContent(content);
        Button setButton = (Button) d.getDialogPane().lookupButton(set);
        setButton.setDefaultButton(false);
        setButton.disableProperty().bind(vm.canConfirmProperty().not());
        ((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        d.setResultConverter(b -> b == set && vm.canConfirmProperty().get() ? vm.selectedProperty().get() : null);
        return d;
    }

    static String abbreviate(String kid) {
        return kid.length() <= 16 ? kid : kid.substring(0, 14) + "\u2026";
    }
}
