package io.keyward.ui.jwks;

import io.keyward.impact.Impacts;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwkSourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteJwkDialogViewModelTest {

    static final List<Environment> ENVIRONMENTS = List.of(
            new Environment("production", null, null, null, null, null, null),
            new Environment("staging", null, null, null, null, null, null));
    static final List<CryptoKey> KEYS = List.of(new CryptoKey("k1", "api-signing", null, "p1", "RSA", List.of()));

    final Jwk jwk = new Jwk("j1", "signing-private", "", "p1", JwkSourceType.PRIVATE_KEY, "k1", null, "RSA",
            "kid-42", null);

    static Credential credential(String username, String validation, String encryption) {
        return new Credential("c-" + username, username, null, null, null, true, null, null, null,
                new CredentialJwks(validation, encryption));
    }

    DeleteJwkDialogViewModel dialog(Jwk j, List<Credential> credentials, List<Environment> envs) {
        return new DeleteJwkDialogViewModel(Impacts.jwkDeletion(j, KEYS, credentials, envs));
    }

    @Test
    void knownHoldersAreListedWithSlotAndWhatStopsWorking() {
        DeleteJwkDialogViewModel vm = dialog(jwk, List.of(credential("checkout", "signing-private", null),
                credential("vault", "other", "signing-private"), credential("initech", null, null)), ENVIRONMENTS);

        assertTrue(vm.holdersKnown());
        assertEquals(List.of(
                "checkout \u2013 validation slot (JWT signature validation and token signing stops working)",
                "vault \u2013 encryption slot (JWT decryption and encryption stops working)"), vm.holderLines());
        assertEquals("2 credential slots hold this JWK. They are cleared and the credentials redeployed.",
                vm.holdersNote());
        assertEquals("Derived from the private part of key \u201Capi-signing\u201D (RSA).", vm.source());
    }

    @Test
    void oneHolderIsSingular() {
        DeleteJwkDialogViewModel vm = dialog(jwk, List.of(credential("checkout", "signing-private", null)),
                ENVIRONMENTS);
        assertEquals("1 credential slot holds this JWK. They are cleared and the credentials redeployed.",
                vm.holdersNote());
    }

    @Test
    void noHolderSaysNone() {
        DeleteJwkDialogViewModel vm = dialog(jwk, List.of(credential("initech", null, null)), ENVIRONMENTS);
        assertTrue(vm.holdersKnown());
        assertTrue(vm.holderLines().isEmpty());
        assertEquals("No credential holds this JWK.", vm.holdersNote());
    }

    @Test
    void unreportedSlotsMakeHoldersUnknownNeverNone() {
        Credential silent = new Credential("x", "legacy", null, null, null, true, null, null, null, null);
        DeleteJwkDialogViewModel vm = dialog(jwk, List.of(credential("checkout", "signing-private", null), silent),
                ENVIRONMENTS);

        assertFalse(vm.holdersKnown());
        assertTrue(vm.holderLines().isEmpty());
        assertTrue(vm.holdersNote().contains("cannot tell which credentials would be affected"), vm.holdersNote());
        assertFalse(vm.holdersNote().startsWith("No credential"));
    }

    @Test
    void permanenceNamesTheKid() {
        assertEquals("Deletion is permanent: the key material cannot be recovered, and anything verifying tokens "
                + "with kid \u201Ckid-42\u201D will fail.", dialog(jwk, List.of(), ENVIRONMENTS).permanence());
        Jwk noKid = new Jwk("j2", "x", "", "p1", JwkSourceType.GENERATE, null, null, "OCT", null, null);
        assertTrue(dialog(noKid, List.of(), ENVIRONMENTS).permanence().contains("kid \u201C?\u201D"));
    }

    @Test
    void environmentsAreNamed() {
        DeleteJwkDialogViewModel vm = dialog(jwk, List.of(), ENVIRONMENTS);
        assertEquals(List.of("production", "staging"), vm.environments());
        assertEquals("It is undeployed from production, staging.", vm.environmentsSentence());
        assertEquals("It is undeployed from every environment of the project.",
                dialog(jwk, List.of(), List.of()).environmentsSentence());
    }

    @Test
    void confirmationNeedsTheExactName() {
        DeleteJwkDialogViewModel vm = dialog(jwk, List.of(), ENVIRONMENTS);
        assertEquals("signing-private", vm.confirm().name());
        assertFalse(vm.confirm().matches());
        vm.confirm().typedProperty().set("Signing-private");
        assertFalse(vm.confirm().matches());
        vm.confirm().typedProperty().set("signing-private");
        assertTrue(vm.confirm().matches());
    }
}
