package io.keyward.ui;

import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.connect.ConnectionsViewModel;
import io.keyward.ui.credentials.RemoveCredentialJwkDialogViewModel;
import io.keyward.ui.credentials.SetCredentialJwkDialogViewModel;
import io.keyward.ui.jwks.DeleteJwkDialogViewModel;
import io.keyward.ui.jwks.EditJwkDialogViewModel;
import io.keyward.ui.keys.DeleteKeyDialogViewModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Answers dialogs the way a user would, through the dialog ViewModel itself: it types into the
 * type-to-confirm field, picks the action or JWK, and "clicks" Confirm, which only counts when the
 * real dialog would have it enabled. So a scripted wrong name really leaves the confirmation gate
 * closed. Every dialog defaults to Cancel, like the real ones, and every ViewModel a dialog
 * received is recorded for assertions.
 */
public final class FakeDialogService implements DialogService {

    /** {@code typed == null} means the exact name the dialog asks for. */
    private record Confirmation<A>(boolean confirm, A choice, String typed) {
        static <A> Confirmation<A> cancel() {
            return new Confirmation<>(false, null, null);
        }
    }

    /** One click on Save in the edit dialog and what the dialog showed afterwards. */
    public record EditAttempt(String name, String description, boolean saveEnabled, String nameError,
                              String generalError, boolean done) { }

    /** A name and/or description to type before clicking Save; null leaves the field as it is. */
    public record Edit(String name, String description) { }

    // ----------------------------------------------------------------- delete key
    public final List<DeleteKeyDialogViewModel> deleteKeyDialogs = new ArrayList<>();
    private Confirmation<DerivedJwkPolicy> deleteKey = Confirmation.cancel();
    private Consumer<DeleteKeyDialogViewModel> whileDeleteKeyOpen = vm -> { };

    // ----------------------------------------------------------------- delete JWK
    public final List<DeleteJwkDialogViewModel> deleteJwkDialogs = new ArrayList<>();
    private Confirmation<Void> deleteJwk = Confirmation.cancel();
    private Consumer<DeleteJwkDialogViewModel> whileDeleteJwkOpen = vm -> { };

    // ----------------------------------------------------------------- remove slot
    public final List<RemoveCredentialJwkDialogViewModel> removeSlotDialogs = new ArrayList<>();
    private boolean removeSlot;
    private Consumer<RemoveCredentialJwkDialogViewModel> whileRemoveSlotOpen = vm -> { };

    // ----------------------------------------------------------------- choose JWK
    public final List<SetCredentialJwkDialogViewModel> chooseJwkDialogs = new ArrayList<>();
    private String chooseJwkName;
    private Consumer<SetCredentialJwkDialogViewModel> whileChooseJwkOpen = vm -> { };

    // ----------------------------------------------------------------- edit JWK
    public final List<EditJwkDialogViewModel> editJwkDialogs = new ArrayList<>();
    public final List<EditAttempt> editAttempts = new ArrayList<>();
    private List<Edit> edits = List.of();
    private Consumer<EditJwkDialogViewModel> whileEditJwkOpen = vm -> { };

    // ----------------------------------------------------------------- reconnect / connections
    public final List<String> reconnectOffers = new ArrayList<>();
    private boolean reconnect;
    public final List<ConnectionsViewModel> connectionsDialogs = new ArrayList<>();
    private Consumer<ConnectionsViewModel> inConnections = vm -> { };

    // ================================================================= scripting

    /** Picks {@code action}, types the key's exact name and clicks Confirm. */
    public void confirmKeyDeletion(DerivedJwkPolicy action) {
        deleteKey = new Confirmation<>(true, action, null);
    }

    /** Picks {@code action}, types {@code typed} and clicks Confirm (which stays disabled unless it matches). */
    public void confirmKeyDeletion(DerivedJwkPolicy action, String typed) {
        deleteKey = new Confirmation<>(true, action, typed);
    }

    public void cancelKeyDeletion() {
        deleteKey = Confirmation.cancel();
    }

    /** Runs when the dialog opens, before the scripted answer: the place to assert what it shows. */
    public void whileDeleteKeyOpen(Consumer<DeleteKeyDialogViewModel> inspect) {
        whileDeleteKeyOpen = inspect;
    }

    public void confirmJwkDeletion() {
        deleteJwk = new Confirmation<>(true, null, null);
    }

    public void confirmJwkDeletion(String typed) {
        deleteJwk = new Confirmation<>(true, null, typed);
    }

    public void cancelJwkDeletion() {
        deleteJwk = Confirmation.cancel();
    }

    public void whileDeleteJwkOpen(Consumer<DeleteJwkDialogViewModel> inspect) {
        whileDeleteJwkOpen = inspect;
    }

    public void confirmSlotRemoval() {
        removeSlot = true;
    }

    public void cancelSlotRemoval() {
        removeSlot = false;
    }

    public void whileRemoveSlotOpen(Consumer<RemoveCredentialJwkDialogViewModel> inspect) {
        whileRemoveSlotOpen = inspect;
    }

    /** Selects the candidate with that name and clicks Confirm; null cancels. */
    public void chooseJwk(String jwkName) {
        chooseJwkName = jwkName;
    }

    public void whileChooseJwkOpen(Consumer<SetCredentialJwkDialogViewModel> inspect) {
        whileChooseJwkOpen = inspect;
    }

    /** Each edit is typed and followed by a click on Save, until the dialog closes; then Cancel. */
    public void edit(Edit... attempts) {
        edits = List.of(attempts);
    }

    public void whileEditJwkOpen(Consumer<EditJwkDialogViewModel> inspect) {
        whileEditJwkOpen = inspect;
    }

    public void answerReconnect(boolean accept) {
        reconnect = accept;
    }

    /** What the user does in the connections dialog, e.g. type a new token and click Connect. */
    public void inConnections(Consumer<ConnectionsViewModel> action) {
        inConnections = action;
    }

    // ================================================================= DialogService

    @Override
    public Optional<DerivedJwkPolicy> confirmDeleteKey(DeleteKeyDialogViewModel vm) {
        deleteKeyDialogs.add(vm);
        whileDeleteKeyOpen.accept(vm);
        Confirmation<DerivedJwkPolicy> answer = deleteKey;
        if (!answer.confirm()) {
            return Optional.empty();
        }
        if (answer.choice() != null) {
            vm.actionProperty().set(answer.choice());
        }
        vm.confirm().typedProperty().set(answer.typed() == null ? vm.confirm().name() : answer.typed());
        return Optional.ofNullable(vm.confirmedAction());
    }

    @Override
    public boolean confirmDeleteJwk(DeleteJwkDialogViewModel vm) {
        deleteJwkDialogs.add(vm);
        whileDeleteJwkOpen.accept(vm);
        if (!deleteJwk.confirm()) {
            return false;
        }
        vm.confirm().typedProperty().set(deleteJwk.typed() == null ? vm.confirm().name() : deleteJwk.typed());
        return vm.confirm().matches();
    }

    @Override
    public boolean confirmRemoveCredentialJwk(RemoveCredentialJwkDialogViewModel vm) {
        removeSlotDialogs.add(vm);
        whileRemoveSlotOpen.accept(vm);
        return removeSlot && vm.canConfirm(); // Confirm is disabled when the server reports the slot empty
    }

    @Override
    public Optional<Jwk> chooseCredentialJwk(SetCredentialJwkDialogViewModel vm) {
        chooseJwkDialogs.add(vm);
        whileChooseJwkOpen.accept(vm);
        if (chooseJwkName == null) {
            return Optional.empty();
        }
        vm.candidates().stream().filter(j -> j.name().equals(chooseJwkName)).findFirst()
                .ifPresent(j -> vm.selectedProperty().set(j));
        return vm.canConfirmProperty().get() ? Optional.ofNullable(vm.selectedProperty().get()) : Optional.empty();
    }

    @Override
    public void editJwk(EditJwkDialogViewModel vm) {
        editJwkDialogs.add(vm);
        whileEditJwkOpen.accept(vm);
        for (Edit e : edits) {
            if (vm.doneProperty().get()) {
                break; // the dialog closed on the previous Save
            }
            if (e.name() != null) {
                vm.nameProperty().set(e.name());
            }
            if (e.description() != null) {
                vm.descriptionProperty().set(e.description());
            }
            boolean enabled = vm.canSaveProperty().get();
            vm.save();
            editAttempts.add(new EditAttempt(vm.nameProperty().get(), vm.descriptionProperty().get(), enabled,
                    vm.nameErrorProperty().get(), vm.generalErrorProperty().get(), vm.doneProperty().get()));
        }
        // Not done after the scripted attempts: the user gives up and cancels.
    }

    @Override
    public boolean offerReconnect(String message) {
        reconnectOffers.add(message);
        return reconnect;
    }

    @Override
    public void showConnections(ConnectionsViewModel vm) {
        connectionsDialogs.add(vm);
        inConnections.accept(vm);
    }
}
