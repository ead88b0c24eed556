package io.keyward.ui.keys;

import io.keyward.impact.Impacts;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.JwkSourceType;
import io.keyward.model.KeyEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteKeyDialogViewModelTest {

    static final List<Environment> ENVIRONMENTS = List.of(env("production"), env("staging"), env("test"));

    static Environment env(String name) {
        return new Environment(name, null, null, null, null, true, false);
    }

    static CryptoKey key(String id, String name) {
        return new CryptoKey(id, name, "", "p1", "RSA", List.of(new KeyEnvironment("production", "MIIB", true),
                new KeyEnvironment("staging", "MIIB", false)));
    }

    static Jwk derived(String name, String keyId, JwkSourceType source) {
        return new Jwk("id-" + name, name, "", "p1", source, keyId, null, "RSA", "kid-" + name, null);
    }

    static Credential credential(String username, String validation, String encryption) {
        return new Credential("c-" + username, username, null, null, null, true, null, null, null,
                new CredentialJwks(validation, encryption));
    }

    final CryptoKey signing = key("k1", "api-signing");
    final List<Jwk> jwks = List.of(
            derived("signing-private", "k1", JwkSourceType.PRIVATE_KEY),
            derived("signing-public", "k1", JwkSourceType.PUBLIC_KEY),
            derived("other-key-jwk", "k2", JwkSourceType.PUBLIC_KEY),
            new Jwk("g", "hmac", "", "p1", JwkSourceType.GENERATE, null, null, "OCT", "g", null));
    final List<Credential> credentials = List.of(
            credential("checkout", "signing-private", null),
            credential("mobile", "hmac", "signing-public"),
            credential("initech", null, null));

    DeleteKeyDialogViewModel dialog(CryptoKey key, List<Credential> creds) {
        return new DeleteKeyDialogViewModel(Impacts.keyDeletion(key, jwks, creds, ENVIRONMENTS));
    }

    @Test
    void nullifyIsPreselectedAndKeepsEveryDerivedJwk() {
        DeleteKeyDialogViewModel vm = dialog(signing, credentials);

        assertEquals(DerivedJwkPolicy.KEEP, vm.actionProperty().get());
        assertEquals(List.of("signing-private", "signing-public"),
                vm.effects().stream().map(DeleteKeyDialogViewModel.JwkEffect::jwkName).toList());
        assertEquals("PRIVATE_KEY", vm.effects().get(0).sourceType());
        for (DeleteKeyDialogViewModel.JwkEffect e : vm.effects()) {
            assertTrue(e.effect().startsWith("Kept") && e.effect().contains("\u201Capi-signing\u201D"), e.effect());
        }
        assertEquals("2 JWKs were derived from this key.", vm.jwkNoteProperty().get());
        assertTrue(vm.credentialLosses().isEmpty(), "NULLIFY takes nothing from any credential");
        assertTrue(vm.credentialNoteProperty().get().startsWith("No credential loses a JWK"));
    }

    @Test
    void switchingToDeleteChangesEveryEffectAndListsTheCredentialSlotsCleared() {
        DeleteKeyDialogViewModel vm = dialog(signing, credentials);

        vm.actionProperty().set(DerivedJwkPolicy.DELETE);

        assertEquals(2, vm.effects().size());
        vm.effects().forEach(e -> assertTrue(e.effect().startsWith("Deleted;"), e.effect()));
        assertEquals(List.of(
                "checkout loses \u201Csigning-private\u201D from its validation slot "
                        + "(JWT signature validation and token signing)",
                "mobile loses \u201Csigning-public\u201D from its encryption slot (JWT decryption and encryption)"),
                List.copyOf(vm.credentialLosses()));
        assertEquals("2 credential slots are cleared and those credentials are redeployed.",
                vm.credentialNoteProperty().get());

        vm.actionProperty().set(DerivedJwkPolicy.KEEP);
        assertTrue(vm.credentialLosses().isEmpty(), "going back to NULLIFY clears the losses again");
        vm.effects().forEach(e -> assertTrue(e.effect().startsWith("Kept"), e.effect()));
    }

    @Test
    void deleteWithNoHolderSaysSo() {
        DeleteKeyDialogViewModel vm = dialog(signing, List.of(credential("initech", null, null)));
        vm.actionProperty().set(DerivedJwkPolicy.DELETE);
        assertTrue(vm.credentialLosses().isEmpty());
        assertEquals("No credential holds any of these JWKs.", vm.credentialNoteProperty().get());
    }

    @Test
    void aKeyWithoutDerivedJwksSaysNone() {
        DeleteKeyDialogViewModel vm = dialog(key("k9", "lonely"), credentials);
        assertTrue(vm.effects().isEmpty());
        assertEquals("No JWK in this project was derived from this key.", vm.jwkNoteProperty().get());
    }

    @Test
    void aKeyWithoutIdSaysItCannotKnowNeverNone() {
        DeleteKeyDialogViewModel vm = dialog(key(null, "api-signing"), credentials);

        assertTrue(vm.effects().isEmpty());
        String note = vm.jwkNoteProperty().get();
        assertTrue(note.contains("cannot tell which JWKs were derived"), note);
        assertFalse(note.startsWith("No JWK"), note);

        vm.actionProperty().set(DerivedJwkPolicy.DELETE);
        String credentialNote = vm.credentialNoteProperty().get();
        assertTrue(credentialNote.contains("cannot tell"), credentialNote);
        assertFalse(credentialNote.startsWith("No credential"), credentialNote);
        assertTrue(vm.credentialLosses().isEmpty());
    }

    @Test
    void credentialsThatDoNotReportSlotsMakeTheLossesUnknown() {
        Credential silent = new Credential("x", "legacy-client", null, null, null, true, null, null, null, null);
        DeleteKeyDialogViewModel vm = dialog(signing, List.of(credential("checkout", "signing-private", null), silent));

        vm.actionProperty().set(DerivedJwkPolicy.DELETE);

        assertTrue(vm.credentialLosses().isEmpty(), "a partial list would imply the rest hold nothing");
        assertTrue(vm.credentialNoteProperty().get().contains("does not report which JWKs credentials hold"),
                vm.credentialNoteProperty().get());
    }

    @Test
    void environmentsSentenceNamesWhereTheKeyIsUndeployedAndConfigured() {
        DeleteKeyDialogViewModel vm = dialog(signing, credentials);
        assertEquals(List.of("production", "staging", "test"), vm.environments());
        assertEquals("The key is undeployed from production, staging, test. It is configured for production, staging.",
                vm.environmentsSentence());

        DeleteKeyDialogViewModel noEnvs = new DeleteKeyDialogViewModel(Impacts.keyDeletion(
                new CryptoKey("k1", "bare", null, "p1", "EC", List.of()), jwks, credentials, List.of()));
        assertEquals("The key is undeployed from every environment of the project.", noEnvs.environmentsSentence());
    }

    @Test
    void confirmationNeedsTheExactNameAndFollowsTheChosenAction() {
        DeleteKeyDialogViewModel vm = dialog(key("k1", "Legacy Key"), credentials);
        assertNull(vm.confirmedAction());

        vm.confirm().typedProperty().set("legacy key");
        assertNull(vm.confirmedAction(), "case matters");
        vm.confirm().typedProperty().set("Legacy Key ");
        assertNull(vm.confirmedAction(), "no trimming");
        assertFalse(vm.confirm().matchesProperty().get());

        vm.confirm().typedProperty().set("Legacy Key");
        assertTrue(vm.confirm().matchesProperty().get());
        assertEquals(DerivedJwkPolicy.KEEP, vm.confirmedAction());
        vm.actionProperty().set(DerivedJwkPolicy.DELETE);
        assertEquals(DerivedJwkPolicy.DELETE, vm.confirmedAction());
    }

    @Test
    void actionDescriptionsSayWhatHappensToTheJwks() {
        assertTrue(DeleteKeyDialogViewModel.describe(DerivedJwkPolicy.KEEP).contains("lose their link"));
        assertTrue(DeleteKeyDialogViewModel.describe(DerivedJwkPolicy.DELETE).contains("cleared from credentials"));
    }
}
