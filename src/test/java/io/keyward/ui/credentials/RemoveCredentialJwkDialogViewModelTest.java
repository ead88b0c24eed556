package io.keyward.ui.credentials;

import io.keyward.impact.Impacts;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CredentialSlot;
import io.keyward.model.Environment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoveCredentialJwkDialogViewModelTest {

    static final List<Environment> ENVIRONMENTS = List.of(
            new Environment("production", null, null, null, null, null, null),
            new Environment("test", null, null, null, null, null, null));

    final Credential both = new Credential("c1", "checkout-service", null, null, null, true, null, null, null,
            new CredentialJwks("signing-private", "token-encryption"));
    final Credential validationOnly = new Credential("c2", "partner bot", null, null, null, true, null, null, null,
            new CredentialJwks("signing-private", null));
    final Credential silent = new Credential("c3", "legacy", null, null, null, true, null, null, null, null);

    RemoveCredentialJwkDialogViewModel dialog(Credential c, CredentialSlot slot, List<Environment> envs) {
        return new RemoveCredentialJwkDialogViewModel(Impacts.slotRemoval(c, slot, envs));
    }

    @Test
    void validationSlotWording() {
        RemoveCredentialJwkDialogViewModel vm = dialog(both, CredentialSlot.VALIDATION, ENVIRONMENTS);

        assertEquals("checkout-service", vm.username());
        assertEquals(CredentialSlot.VALIDATION, vm.slot());
        assertEquals("Removes JWK \u201Csigning-private\u201D from the validation slot of credential "
                + "\u201Ccheckout-service\u201D.", vm.jwkSentence());
        assertTrue(vm.stopsWorking().startsWith(
                "Stops working: JWT signature validation and token signing for this credential"), vm.stopsWorking());
        assertEquals("The JWK itself is kept; only this assignment is removed.", vm.keptSentence());
        assertTrue(vm.canConfirm());
    }

    @Test
    void encryptionSlotWording() {
        RemoveCredentialJwkDialogViewModel vm = dialog(both, CredentialSlot.ENCRYPTION, ENVIRONMENTS);

        assertEquals("Removes JWK \u201Ctoken-encryption\u201D from the encryption slot of credential "
                + "\u201Ccheckout-service\u201D.", vm.jwkSentence());
        assertTrue(vm.stopsWorking().startsWith("Stops working: JWT decryption and encryption for this credential"),
                vm.stopsWorking());
        assertFalse(vm.stopsWorking().contains("signature"));
    }

    @Test
    void environmentsAreNamed() {
        RemoveCredentialJwkDialogViewModel vm = dialog(both, CredentialSlot.VALIDATION, ENVIRONMENTS);
        assertEquals(List.of("production", "test"), vm.environments());
        assertEquals("The credential is redeployed to production, test.", vm.environmentsSentence());
        assertEquals("The credential is redeployed to every environment.",
                dialog(both, CredentialSlot.VALIDATION, List.of()).environmentsSentence());
    }

    @Test
    void aSlotTheServerReportsEmptyCannotBeConfirmed() {
        RemoveCredentialJwkDialogViewModel vm = dialog(validationOnly, CredentialSlot.ENCRYPTION, ENVIRONMENTS);
        assertFalse(vm.canConfirm());
        assertEquals("The server reports this slot as empty; it will refuse the removal.", vm.jwkSentence());
    }

    @Test
    void unreportedSlotSaysItCannotKnowButAllowsRemoval() {
        RemoveCredentialJwkDialogViewModel vm = dialog(silent, CredentialSlot.ENCRYPTION, ENVIRONMENTS);
        assertTrue(vm.canConfirm());
        assertEquals("The server does not report which JWK this credential holds in its encryption slot. "
                + "Whatever JWK it holds will be removed from it.", vm.jwkSentence());
    }
}
