package io.keyward.ui.credentials;

import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CredentialSlot;
import io.keyward.model.Jwk;
import io.keyward.model.JwkSourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetCredentialJwkDialogViewModelTest {

    static Jwk jwk(String name, String type) {
        return new Jwk("id-" + name, name, "", "p1", JwkSourceType.GENERATE, null, null, type, name, null);
    }

    static final List<Jwk> JWKS = List.of(jwk("zeta", "RSA"), jwk("Alpha", "EC"), jwk("beta", "OCT"));
    static final List<String> ENVIRONMENTS = List.of("production", "staging");

    final Credential holdsBeta = new Credential("c1", "mobile-app", null, null, null, true, null, null, null,
            new CredentialJwks("beta", null));

    SetCredentialJwkDialogViewModel dialog(Credential c, CredentialSlot slot) {
        return new SetCredentialJwkDialogViewModel(c, slot, JWKS, ENVIRONMENTS);
    }

    static Jwk named(SetCredentialJwkDialogViewModel vm, String name) {
        return vm.candidates().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void candidatesAreSortedIgnoringCaseAndNothingIsChosenYet() {
        SetCredentialJwkDialogViewModel vm = dialog(holdsBeta, CredentialSlot.VALIDATION);
        assertEquals(List.of("Alpha", "beta", "zeta"), vm.candidates().stream().map(Jwk::name).toList());
        assertFalse(vm.canConfirmProperty().get());
        assertEquals("Choose the JWK to use for JWT signature validation and token signing.",
                vm.summaryProperty().get());
    }

    @Test
    void choosingAnotherJwkSaysWhatItReplaces() {
        SetCredentialJwkDialogViewModel vm = dialog(holdsBeta, CredentialSlot.VALIDATION);
        vm.selectedProperty().set(named(vm, "zeta"));

        assertTrue(vm.canConfirmProperty().get());
        assertEquals("\u201Czeta\u201D (RSA) will be used for JWT signature validation and token signing. "
                + "Replaces \u201Cbeta\u201D. The credential is redeployed to production, staging.",
                vm.summaryProperty().get());
    }

    @Test
    void theCurrentJwkCannotBeConfirmed() {
        SetCredentialJwkDialogViewModel vm = dialog(holdsBeta, CredentialSlot.VALIDATION);
        vm.selectedProperty().set(named(vm, "beta"));

        assertFalse(vm.canConfirmProperty().get());
        assertTrue(vm.summaryProperty().get().contains("The slot already holds this JWK."));
    }

    @Test
    void anEmptySlotSaysSo() {
        SetCredentialJwkDialogViewModel vm = dialog(holdsBeta, CredentialSlot.ENCRYPTION);
        vm.selectedProperty().set(named(vm, "beta"));

        assertTrue(vm.canConfirmProperty().get(), "the same JWK may serve the other slot");
        assertTrue(vm.summaryProperty().get().startsWith(
                "\u201Cbeta\u201D (OCT) will be used for JWT decryption and encryption. The slot is empty now."),
                vm.summaryProperty().get());
    }

    @Test
    void anUnreportedSlotSaysItMayReplaceSomething() {
        Credential silent = new Credential("c2", "legacy", null, null, null, true, null, null, null, null);
        SetCredentialJwkDialogViewModel vm = new SetCredentialJwkDialogViewModel(silent, CredentialSlot.VALIDATION,
                JWKS, List.of());
        vm.selectedProperty().set(named(vm, "beta"));

        assertTrue(vm.canConfirmProperty().get());
        assertTrue(vm.summaryProperty().get().contains(
                "The server does not report the slot's current JWK; if it holds one, it is replaced."));
        assertTrue(vm.summaryProperty().get().endsWith("redeployed to every environment."));
    }
}
