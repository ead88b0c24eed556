package io.keyward.store;

import io.keyward.model.Secret;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnavailableSecretStoreTest {
    static final String REASON = "No keychain is reachable: the Secret Service (e.g. GNOME Keyring) is not running.";

    @Test
    void everyCallFailsWithTheReason() {
        UnavailableSecretStore store = new UnavailableSecretStore(REASON);
        assertEquals(REASON, store.unavailableReason());

        SecretStoreException put = assertThrows(SecretStoreException.class,
                () -> store.put("Lab", Secret.of("hunter2-secret")));
        assertEquals(REASON, put.getMessage());
        assertNull(put.getCause());
        Throwables.assertSecretAbsent(put, "hunter2-secret");

        assertEquals(REASON, assertThrows(SecretStoreException.class, () -> store.get("Lab")).getMessage());
        assertEquals(REASON, assertThrows(SecretStoreException.class, () -> store.delete("Lab")).getMessage());
    }

    @Test
    void aReasonIsNeeded() {
        assertThrows(NullPointerException.class, () -> new UnavailableSecretStore(null));
        assertThrows(IllegalArgumentException.class, () -> new UnavailableSecretStore("  "));
    }

    @Test
    void aNameIsStillNeeded() {
        UnavailableSecretStore store = new UnavailableSecretStore(REASON);
        assertThrows(IllegalArgumentException.class, () -> store.get(""));
        assertThrows(NullPointerException.class, () -> store.put("Lab", null));
    }
}
