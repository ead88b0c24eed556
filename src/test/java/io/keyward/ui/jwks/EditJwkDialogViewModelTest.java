package io.keyward.ui.jwks;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.Jwk;
import io.keyward.model.JwkSourceType;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditJwkDialogViewModelTest {

    /** Holds each save until the test answers it, like a network call in flight. */
    static final class PendingSaver implements EditJwkDialogViewModel.Saver {
        final List<JwkUpdate> sent = new ArrayList<>();
        Consumer<MutationResult> ok;
        Consumer<Throwable> failed;

        @Override
        public void save(JwkUpdate update, Consumer<MutationResult> onSuccess, Consumer<Throwable> onFailure) {
            sent.add(update);
            ok = onSuccess;
            failed = onFailure;
        }
    }

    final Jwk generated = new Jwk("j1", "hmac-2026", "HMAC secret", "p1", JwkSourceType.GENERATE, null, null, "OCT",
            "k1", null);
    final PendingSaver saver = new PendingSaver();
    final EditJwkDialogViewModel vm = new EditJwkDialogViewModel(generated, Set.of("taken", "Other"), saver);

    @Test
    void startsWithTheCurrentValuesAndCannotSaveUnchanged() {
        assertEquals("hmac-2026", vm.nameProperty().get());
        assertEquals("HMAC secret", vm.descriptionProperty().get());
        assertEquals("", vm.nameErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());

        vm.save();
        assertTrue(saver.sent.isEmpty(), "nothing to send");

        vm.nameProperty().set("hmac-2027");
        assertTrue(vm.canSaveProperty().get());
        vm.nameProperty().set("hmac-2026");
        assertFalse(vm.canSaveProperty().get(), "typing the old name back is no change");
    }

    @Test
    void blankNameIsAnErrorAndBlocksSaving() {
        vm.nameProperty().set("   ");
        assertEquals("A JWK needs a name.", vm.nameErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.nameProperty().set("");
        assertEquals("A JWK needs a name.", vm.nameErrorProperty().get());
        vm.save();
        assertTrue(saver.sent.isEmpty());

        vm.nameProperty().set("fresh");
        assertEquals("", vm.nameErrorProperty().get());
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void aNameAlreadyInTheProjectIsCaughtBeforeSending() {
        vm.nameProperty().set("taken");
        assertEquals("A JWK named \u201Ctaken\u201D already exists in this project.", vm.nameErrorProperty().get());
        assertFalse(vm.canSaveProperty().get());
        vm.save();
        assertTrue(saver.sent.isEmpty());

        vm.nameProperty().set("other");
        assertEquals("", vm.nameErrorProperty().get(), "names are case-sensitive");
    }

    @Test
    void onlyChangedFieldsAreSent() {
        vm.descriptionProperty().set("rotated");
        vm.save();
        assertEquals(List.of(new JwkUpdate(null, "rotated")), saver.sent);

        saver.ok.accept(new MutationResult(true, null));
        EditJwkDialogViewModel rename = new EditJwkDialogViewModel(generated, Set.of(), saver);
        rename.nameProperty().set("hmac-2027");
        rename.save();
        assertEquals(new JwkUpdate("hmac-2027", null), saver.sent.get(1));
    }

    @Test
    void staysOpenAndBusyWhileSavingThenClosesOnSuccess() {
        vm.nameProperty().set("hmac-2027");
        vm.save();

        assertTrue(vm.savingProperty().get());
        assertFalse(vm.canSaveProperty().get(), "no second save while one is in flight");
        assertFalse(vm.doneProperty().get());

        saver.ok.accept(new MutationResult(true, null));
        assertFalse(vm.savingProperty().get());
        assertTrue(vm.doneProperty().get());
    }

    @Test
    void theServersAlreadyExistsMessageIsShownAtTheName() {
        vm.nameProperty().set("hmac-2027");
        vm.save();
        saver.failed.accept(new GatewayException(new Failure.AlreadyExists(), 400, "bad_request",
                "JWK (name: hmac-2027) is already exist!", "Updating JWK failed: ...", null));

        assertFalse(vm.doneProperty().get(), "the dialog stays open");
        assertFalse(vm.savingProperty().get());
        assertEquals("JWK (name: hmac-2027) is already exist!", vm.nameErrorProperty().get());
        assertEquals("", vm.generalErrorProperty().get());
        assertFalse(vm.canSaveProperty().get(), "the rejected name cannot be sent again as is");

        vm.nameProperty().set("hmac-2028");
        assertEquals("", vm.nameErrorProperty().get());
        assertTrue(vm.canSaveProperty().get());
    }

    @Test
    void alreadyExistsWithoutAServerMessageNamesTheName() {
        vm.nameProperty().set("hmac-2027");
        vm.save();
        saver.failed.accept(new GatewayException(new Failure.AlreadyExists(), 409, null, null, "x", null));
        assertEquals("A JWK named \u201Chmac-2027\u201D already exists in this project.", vm.nameErrorProperty().get());
    }

    @Test
    void otherFailuresGoToTheGeneralErrorAndAllowRetry() {
        vm.descriptionProperty().set("rotated");
        vm.save();
        saver.failed.accept(new GatewayException(new Failure.ServerError(), 500, "internal_error", "boom",
                "Updating JWK \u201Chmac-2026\u201D failed: boom (HTTP 500).", null));

        assertEquals("Updating JWK \u201Chmac-2026\u201D failed: boom (HTTP 500).", vm.generalErrorProperty().get());
        assertEquals("", vm.nameErrorProperty().get());
        assertFalse(vm.doneProperty().get());
        assertTrue(vm.canSaveProperty().get(), "a transient failure can be retried");

        vm.save();
        assertEquals("", vm.generalErrorProperty().get(), "a new attempt clears the old error");
    }

    @Test
    void detachWarningOnlyForJwksAttachedToASource() {
        assertEquals("", vm.detachWarning(), "a generated JWK has no source to lose");

        Jwk derived = new Jwk("j2", "signing", "", "p1", JwkSourceType.PRIVATE_KEY, "key-1", null, "RSA", "k", null);
        String warning = new EditJwkDialogViewModel(derived, Set.of(), saver).detachWarning();
        assertTrue(warning.contains("(PRIVATE_KEY)") && warning.contains("detaches"), warning);

        Jwk fetched = new Jwk("j3", "idp", "", "p1", JwkSourceType.URL, null, "https://idp/jwks", "RSA", "k", null);
        assertFalse(new EditJwkDialogViewModel(fetched, Set.of(), saver).detachWarning().isEmpty());

        Jwk nullified = new Jwk("j4", "was-derived", "", "p1", JwkSourceType.PUBLIC_KEY, null, null, "RSA", "k", null);
        assertEquals("", new EditJwkDialogViewModel(nullified, Set.of(), saver).detachWarning(),
                "a JWK whose link was already cleared has nothing to detach from");
    }
}
