package io.keyward.ui;

import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.main.ReconnectDialog;
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

    /** Answers a dialog of a new feature through its ViewModel: return the dialog's answer, empty for Cancel. */
    public <M> void answer(Class<M> viewModelType, java.util.function.Function<M, Optional<?>> answer) {
        generic.put(viewModelType, vm -> answer.apply(viewModelType.cast(vm)));
    }

    /** Every ViewModel of that type a dialog was shown for, in order. */
    public <M> List<M> shown(Class<M> viewModelType) {
        return shown.stream().filter(viewModelType::isInstance).map(viewModelType::cast).toList();
    }

    private final java.util.Map<Class<?>, java.util.function.Function<Object, Optional<?>>> generic =
            new java.util.HashMap<>();
    private final List<Object> shown = new ArrayList<>();
    public final List<DialogService.FileRequest> fileRequests = new ArrayList<>();
    private java.util.Deque<java.nio.file.Path> files = new java.util.ArrayDeque<>();

    /** The files the user picks in the next file choosers, in order; none left means Cancel. */
    public void chooseFiles(java.nio.file.Path... paths) {
        files = new java.util.ArrayDeque<>(List.of(paths));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Optional<R> show(DialogView<?, R> view) {
        Object vm = view.viewModel();
        shown.add(vm);
        Optional<?> answer;
        if (vm instanceof DeleteKeyDialogViewModel d) {
            answer = confirmDeleteKey(d);
        } else if (vm instanceof DeleteJwkDialogViewModel d) {
            answer = confirmDeleteJwk(d) ? Optional.of(Boolean.TRUE) : Optional.empty();
        } else if (vm instanceof RemoveCredentialJwkDialogViewModel d) {
            answer = confirmRemoveCredentialJwk(d) ? Optional.of(Boolean.TRUE) : Optional.empty();
        } else if (vm instanceof SetCredentialJwkDialogViewModel d) {
            answer = chooseCredentialJwk(d);
        } else if (vm instanceof EditJwkDialogViewModel d) {
            editJwk(d);
            answer = d.doneProperty().get() ? Optional.of(Boolean.TRUE) : Optional.empty();
        } else if (vm instanceof ReconnectDialog.Prompt p) {
            reconnectOffers.add(p.message());
            answer = reconnect ? Optional.of(Boolean.TRUE) : Optional.empty();
        } else if (vm instanceof ConnectionsViewModel c) {
            connectionsDialogs.add(c);
            inConnections.accept(c);
            answer = c.doneProperty().get() ? Optional.of(Boolean.TRUE) : Optional.empty();
        } else {
            var handler = generic.entrySet().stream().filter(e -> e.getKey().isInstance(vm)).findFirst()
                    .orElseThrow(() -> new AssertionError("no scripted answer for a " + vm.getClass().getSimpleName()
                            + " dialog"));
            answer = handler.getValue().apply(vm);
        }
        return (Optional<R>) answer;
    }

    @Override
    public Optional<java.nio.file.Path> chooseFileToOpen(FileRequest request) {
        fileRequests.add(request);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<java.nio.file.Path> chooseFileToSave(FileRequest request) {
        fileRequests.add(request);
        return Optional.ofNullable(files.poll());
    }

    private Optional<DerivedJwkPolicy> confirmDeleteKey(DeleteKeyDialogViewModel vm) {
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

    private boolean confirmDeleteJwk(DeleteJwkDialogViewModel vm) {
        deleteJwkDialogs.add(vm);
        whileDeleteJwkOpen.accept(vm);
        if (!deleteJwk.confirm()) {
            return false;
        }
        vm.confirm().typedProperty().set(deleteJwk.typed() == null ? vm.confirm().name() : deleteJwk.typed());
        return vm.confirm().matches();
    }

    private boolean confirmRemoveCredentialJwk(RemoveCredentialJwkDialogViewModel vm) {
        removeSlotDialogs.add(vm);
        whileRemoveSlotOpen.accept(vm);
        return removeSlot && vm.canConfirm(); // Confirm is disabled when the server reports the slot empty
    }

    private Optional<Jwk> chooseCredentialJwk(SetCredentialJwkDialogViewModel vm) {
        chooseJwkDialogs.add(vm);
        whileChooseJwkOpen.accept(vm);
        if (chooseJwkName == null) {
            return Optional.empty();
        }
        vm.candidates().stream().filter(j -> j.name().equals(chooseJwkName)).findFirst()
                .ifPresent(j -> vm.selectedProperty().set(j));
        return vm.canConfirmProperty().get() ? Optional.ofNullable(vm.selectedProperty().get()) : Optional.empty();
    }

    private void editJwk(EditJwkDialogViewModel vm) {
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
}
