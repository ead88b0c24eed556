package io.keyward.ui.common;

import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.ui.connect.ConnectionsDialog;
import io.keyward.ui.connect.ConnectionsViewModel;
import io.keyward.ui.credentials.RemoveCredentialJwkDialog;
import io.keyward.ui.credentials.RemoveCredentialJwkDialogViewModel;
import io.keyward.ui.credentials.SetCredentialJwkDialog;
import io.keyward.ui.credentials.SetCredentialJwkDialogViewModel;
import io.keyward.ui.jwks.DeleteJwkDialog;
import io.keyward.ui.jwks.DeleteJwkDialogViewModel;
import io.keyward.ui.jwks.EditJwkDialog;
import io.keyward.ui.jwks.EditJwkDialogViewModel;
import io.keyward.ui.keys.DeleteKeyDialog;
import io.keyward.ui.keys.DeleteKeyDialogViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<DerivedJwkPolicy> confirmDeleteKey(DeleteKeyDialogViewModel vm) {
        return DeleteKeyDialog.show(owner.get(), vm);
    }

    @Override
    public boolean confirmDeleteJwk(DeleteJwkDialogViewModel vm) {
        return DeleteJwkDialog.show(owner.get(), vm);
    }

    @Override
    public boolean confirmRemoveCredentialJwk(RemoveCredentialJwkDialogViewModel vm) {
        return RemoveCredentialJwkDialog.show(owner.get(), vm);
    }

    @Override
    public Optional<Jwk> chooseCredentialJwk(SetCredentialJwkDialogViewModel vm) {
        return SetCredentialJwkDialog.show(owner.get(), vm);
    }

    @Override
    public void editJwk(EditJwkDialogViewModel vm) {
        EditJwkDialog.show(owner.get(), vm);
    }

    @Override
    public boolean offerReconnect(String message) {
        return reconnectAlert(owner.get(), message).showAndWait()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    public static Alert reconnectAlert(Window owner, String message) {
        ButtonType reconnect = new ButtonType("Reconnect\u2026", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, message, reconnect, later);
        a.initOwner(owner);
        a.setTitle("Session rejected");
        a.setHeaderText("The server rejected the session (HTTP 401)");
        a.getDialogPane().getStylesheets().add(DialogFrames.STYLESHEET);
        a.getDialogPane().setId("reconnect-dialog");
        return a;
    }

    @Override
    public void showConnections(ConnectionsViewModel vm) {
        ConnectionsDialog.show(owner.get(), vm);
    }
}
