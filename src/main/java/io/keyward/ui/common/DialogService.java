package io.keyward.ui.common;

import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.ui.connect.ConnectionsViewModel;
import io.keyward.ui.credentials.RemoveCredentialJwkDialogViewModel;
import io.keyward.ui.credentials.SetCredentialJwkDialogViewModel;
import io.keyward.ui.jwks.DeleteJwkDialogViewModel;
import io.keyward.ui.jwks.EditJwkDialogViewModel;
import io.keyward.ui.keys.DeleteKeyDialogViewModel;

import java.util.Optional;

/**
 * Every dialog goes through here, so ViewModels never touch the scene graph and tests can answer
 * dialogs with a fake. Each method blocks until the user closes the dialog (FX thread only).
 */
public interface DialogService {

    /** @return the confirmed action, empty when cancelled */
    Optional<DerivedJwkPolicy> confirmDeleteKey(DeleteKeyDialogViewModel vm);

    boolean confirmDeleteJwk(DeleteJwkDialogViewModel vm);

    boolean confirmRemoveCredentialJwk(RemoveCredentialJwkDialogViewModel vm);

    /** @return the chosen JWK, empty when cancelled */
    Optional<Jwk> chooseCredentialJwk(SetCredentialJwkDialogViewModel vm);

    /** Shows the edit dialog until the update succeeded or the user cancelled. */
    void editJwk(EditJwkDialogViewModel vm);

    /** After a 401: offers to reconnect. @return true to reconnect */
    boolean offerReconnect(String message);

    /** The connections dialog (profiles, test, connect). */
    void showConnections(ConnectionsViewModel vm);
}
