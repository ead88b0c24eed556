package io.keyward.store;

import io.keyward.model.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real OS keychain, through {@link SecretStore#openSystem()}: on Linux a Secret Service on the session
 * bus (.ci/run starts GNOME Keyring in a private D-Bus session). Where none is reachable the test is
 * skipped and the skip names the reason.
 */
class KeyringSecretStoreTest {
    static SecretStore store;
    static final String PROFILE = "Lab / Müşteri " + UUID.randomUUID();

    @BeforeAll
    static void open() {
        store = assertTimeoutPreemptively(java.time.Duration.ofSeconds(15), SecretStore::openSystem,
                "openSystem() must give up on its own within its 5 s probe limit");
    }

    /** Per test, not in {@code @BeforeAll}: so each skip, with its reason, shows in the surefire report. */
    @BeforeEach
    void needsAKeychain() {
        String reason = store.unavailableReason();
        assumeTrue(reason == null, "no Secret Service: " + reason);
        assertInstanceOf(KeyringSecretStore.class, store);
    }

    @AfterAll
    static void cleanUp() throws SecretStoreException {
        if (store != null && store.unavailableReason() == null) {
            store.delete(PROFILE);
        }
    }

    @Test
    void putGetReplaceDelete() throws Exception {
        String first = "first-" + UUID.randomUUID();
        String second = "second-ğüşİöç-" + UUID.randomUUID();
        try {
            assertEquals(Optional.empty(), store.get(PROFILE));

            store.put(PROFILE, Secret.of(first));
            assertEquals(first, store.get(PROFILE).orElseThrow().reveal());

            store.put(PROFILE, Secret.of(second));
            assertEquals(second, store.get(PROFILE).orElseThrow().reveal());

            // A second connection sees the same entry: it is in the keychain, not in this object.
            SecretStore other = SecretStore.openSystem();
            assertEquals(second, other.get(PROFILE).orElseThrow().reveal());

            store.delete(PROFILE);
            assertEquals(Optional.empty(), store.get(PROFILE));
            assertEquals(Optional.empty(), other.get(PROFILE));
        } catch (SecretStoreException e) {
            Throwables.assertSecretAbsent(e, first);
            Throwables.assertSecretAbsent(e, second);
            throw e;
        }
    }

    @Test
    void deletingWhatIsNotThereIsFine() throws Exception {
        String absent = "Lab / never stored " + UUID.randomUUID();
        store.delete(absent);
        store.delete(absent);
        assertEquals(Optional.empty(), store.get(absent));
    }

    @Test
    void profilesDoNotShareSecrets() throws Exception {
        String a = PROFILE + " a";
        String b = PROFILE + " b";
        try {
            store.put(a, Secret.of("secret-a-" + UUID.randomUUID()));
            assertEquals(Optional.empty(), store.get(b));
            store.put(b, Secret.of("secret-b"));
            store.delete(a);
            assertEquals("secret-b", store.get(b).orElseThrow().reveal());
        } finally {
            store.delete(a);
            store.delete(b);
        }
    }

    @Test
    void aRealFailureCarriesNoSecretAndTheStoreGoesOn() throws Exception {
        // D-Bus strings cannot hold NUL: the bus drops a connection that sends one, a real failure on the way
        // to the Secret Service. (Elsewhere the name may just be cut at the NUL, and the put may succeed.)
        String badName = "Lab \u0000 " + UUID.randomUUID();
        String secret = "never-in-a-message-" + UUID.randomUUID();
        boolean failed = false;
        try {
            store.put(badName, Secret.of(secret));
        } catch (SecretStoreException e) {
            failed = true;
            Throwables.assertSecretAbsent(e, secret);
        } finally {
            try {
                store.delete(badName);
            } catch (SecretStoreException ignored) {
                // as unusable for removing as for storing
            }
        }
        if (JavaKeyring.usesDBus()) {
            assertTrue(failed, "the Secret Service took a name with NUL in it");
        }
        // Each call has its own connection: the dropped one does not take the next call down with it.
        store.put(PROFILE, Secret.of("after-" + secret));
        assertEquals("after-" + secret, store.get(PROFILE).orElseThrow().reveal());
        store.delete(PROFILE);
    }
}
