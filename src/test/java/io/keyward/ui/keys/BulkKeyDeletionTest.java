package io.keyward.ui.keys;

import io.keyward.impact.BulkImpacts;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CryptoKey;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.Jwk;
import io.keyward.model.JwkSourceType;
import io.keyward.ui.common.BulkDeleteDialogViewModel;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Tone;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One derived-JWK choice for every key: what keeping and deleting do, and a key without an id. */
class BulkKeyDeletionTest {

    static CryptoKey key(String id, String name) {
        return new CryptoKey(id, name, "", "p-1", "RSA", List.of());
    }

    static Jwk derived(String name, String keyId) {
        return new Jwk("j-" + name, name, "", "p-1", JwkSourceType.PRIVATE_KEY, keyId, null, "RSA", name, null);
    }

    static Credential holding(String user, String validation) {
        return new Credential("c-" + user, user, user, null, "", true, null, List.of(), List.of(),
                new CredentialJwks(validation, null));
    }

    @Test
    void keepingLosesNothingDeletingNamesEveryCredentialAndAKeyWithoutIdCannotBeKnown() {
        List<CryptoKey> keys = List.of(key("k-1", "signing"), key("k-2", "spare"), key(null, "old"));
        List<Jwk> jwks = List.of(derived("signing-priv", "k-1"), derived("signing-pub", "k-1"), derived("other", "k-9"));
        List<Credential> credentials = List.of(holding("checkout", "signing-priv"), holding("bot", "other"));
        var impacts = BulkImpacts.keyDeletions(keys, jwks, credentials, List.of());

        BulkDeleteDialogViewModel.Impact keep = BulkKeyDeletion.impact(impacts, DerivedJwkPolicy.KEEP);
        assertEquals(List.of(List.of("signing", "signing-priv", "Kept; its link to \u201Csigning\u201D is cleared", "none (kept)"),
                List.of("signing", "signing-pub", "Kept; its link to \u201Csigning\u201D is cleared", "none (kept)"),
                List.of("spare", "none", "", ""),
                List.of("old", "cannot know", "the server sent no key id", "")),
                keep.rows().stream().map(BulkDeleteDialogViewModel.Row::cells).toList());
        assertEquals(Tone.UNKNOWN, keep.rows().get(3).tone());
        assertTrue(keep.summary().stream().anyMatch(l -> l.text().equals(
                "No credential loses a JWK: the derived JWKs stay in place.")));
        assertTrue(keep.summary().stream().anyMatch(l -> l.tone() == Tone.UNKNOWN && l.text().contains("did not send an id")));

        BulkDeleteDialogViewModel.Impact delete = BulkKeyDeletion.impact(impacts, DerivedJwkPolicy.DELETE);
        assertEquals(List.of("signing", "signing-priv", "Deleted; undeployed everywhere", "checkout (validation)"),
                delete.rows().get(0).cells());
        assertEquals(Tone.DANGER, delete.rows().get(0).tone());
        assertEquals("none", delete.rows().get(1).cells().get(3));
        assertTrue(delete.summary().stream().anyMatch(l -> l.tone() == Tone.DANGER
                && l.text().equals("1 credential slot is cleared and those credentials are redeployed.")), delete.summary().toString());
        assertTrue(delete.summary().stream().anyMatch(l -> l.text().equals("2 JWKs were derived from these keys.")));
    }
}
