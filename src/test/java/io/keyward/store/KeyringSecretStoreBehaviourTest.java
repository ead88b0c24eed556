package io.keyward.store;

import com.github.javakeyring.PasswordAccessException;
import io.keyward.model.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KeyringSecretStore's probe, time limits and error wording against a keychain that hangs or fails on
 * purpose (the real one is KeyringSecretStoreTest's).
 */
class KeyringSecretStoreBehaviourTest {
    static final Duration TINY = Duration.ofMillis(300);
    static final Duration PLENTY = Duration.ofSeconds(5);

    /** Released after each test, so threads stuck in a fake call end. */
    final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void release() {
        never.countDown();
    }

    /** A keychain in a map; each operation can be made to hang, fail or quietly drop a write. */
    final class FakeKeychain implements Keychain {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        volatile boolean hangOnRead;
        volatile boolean dropWrites;
        volatile Exception failWrite;
        volatile boolean closed;
        final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();

        /** Stands in for java-keyring's connect: the same map behind every connection. */
        FakeKeychain connect() {
            connections.incrementAndGet();
            return this;
        }

        @Override
        public Optional<String> read(String service, String account) throws Exception {
            if (hangOnRead) {
                never.await();
            }
            return Optional.ofNullable(entries.get(service + "|" + account));
        }

        @Override
        public void write(String service, String account, String password) throws Exception {
            if (failWrite != null) {
                throw failWrite;
            }
            if (!dropWrites) {
                entries.put(service + "|" + account, password);
            }
        }

        @Override
        public void remove(String service, String account) {
            entries.remove(service + "|" + account);
        }

        @Override
        public void close() {
            closed = true;
            closes.incrementAndGet();
        }
    }

    @Test
    void aConnectionThatHangsIsGivenUpInTime() {
        long start = System.nanoTime();
        SecretStore store = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> KeyringSecretStore.open(() -> {
                    never.await(); // a D-Bus that never answers
                    return new FakeKeychain();
                }, TINY));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(UnavailableSecretStore.class, store);
        assertTrue(tookMillis < 2_000, "gave up after " + tookMillis + " ms");
        assertTrue(store.unavailableReason().startsWith("No keychain answered within 300 ms: "),
                store.unavailableReason());
        assertThrows(SecretStoreException.class, () -> store.get("Lab"));
    }

    @Test
    void aProbeThatHangsIsGivenUpInTimeAndItsConnectionIsClosed() throws Exception {
        FakeKeychain keychain = new FakeKeychain();
        keychain.hangOnRead = true;
        SecretStore store = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> KeyringSecretStore.open(keychain::connect, TINY));
        assertInstanceOf(UnavailableSecretStore.class, store);
        never.countDown(); // the hung call ends late: nobody will use that connection
        for (int i = 0; i < 100 && !keychain.closed; i++) {
            Thread.sleep(20);
        }
        assertTrue(keychain.closed, "the late connection is closed");
    }

    @Test
    void noBackendSaysNoKeychainIsReachable() {
        SecretStore store = KeyringSecretStore.open(() -> {
            throw new com.github.javakeyring.BackendNotSupportedException("No available keyring backend found");
        }, PLENTY);
        assertInstanceOf(UnavailableSecretStore.class, store);
        assertTrue(store.unavailableReason().startsWith("No keychain is reachable: "), store.unavailableReason());
        assertFalse(store.unavailableReason().contains("Exception"), store.unavailableReason());
    }

    @Test
    void codeThatDoesNotLoadIsSaidPlainly() {
        SecretStore store = KeyringSecretStore.open(() -> {
            throw new UnsatisfiedLinkError("/tmp/jna123.so: cannot open shared object file");
        }, PLENTY);
        assertEquals("No keychain is reachable: the code that reaches " + KeyringSecretStore.keychainName()
                + " could not be loaded.", store.unavailableReason());
    }

    @Test
    void aKeychainThatDoesNotKeepTheTestEntryIsUnavailable() {
        FakeKeychain keychain = new FakeKeychain();
        keychain.dropWrites = true;
        SecretStore store = KeyringSecretStore.open(keychain::connect, PLENTY);
        assertEquals("The keychain cannot be used: " + KeyringSecretStore.keychainName()
                + " did not keep a test entry (it may be locked).", store.unavailableReason());
        assertTrue(keychain.closed);
    }

    @Test
    void aWorkingKeychainKeepsSecretsUnderServiceKeywardWithTheProfileNameAsAccount() throws Exception {
        FakeKeychain keychain = new FakeKeychain();
        SecretStore store = KeyringSecretStore.open(keychain::connect, PLENTY);
        assertNull(store.unavailableReason());
        assertInstanceOf(KeyringSecretStore.class, store);
        assertEquals(Map.of(), keychain.entries, "the probe's test entry is removed");

        store.put("Lab / Müşteri", Secret.of("s1"));
        assertEquals(Map.of("Keyward|Lab / Müşteri", "s1"), keychain.entries);
        assertEquals(Optional.of(Secret.of("s1")), store.get("Lab / Müşteri"));
        store.put("Lab / Müşteri", Secret.of("s2"));
        assertEquals(Optional.of(Secret.of("s2")), store.get("Lab / Müşteri"));
        store.delete("Lab / Müşteri");
        store.delete("Lab / Müşteri");
        assertEquals(Optional.empty(), store.get("Lab / Müşteri"));
        assertFalse(store.toString().contains("s2"));
    }

    @Test
    void everyCallClosesItsConnectionSoNoneIsLeftOpen() throws Exception {
        FakeKeychain keychain = new FakeKeychain();
        SecretStore store = KeyringSecretStore.open(keychain::connect, PLENTY);
        assertEquals(1, keychain.connections.get(), "the probe's");
        assertEquals(1, keychain.closes.get());
        store.put("Lab", Secret.of("s"));
        store.get("Lab");
        store.delete("Lab");
        assertEquals(4, keychain.connections.get());
        assertEquals(4, keychain.closes.get());

        keychain.failWrite = new PasswordAccessException("Error code 5");
        assertThrows(SecretStoreException.class, () -> store.put("Lab", Secret.of("s")));
        assertEquals(5, keychain.closes.get(), "closed after a failure too");
    }

    @Test
    void aKeychainThatCannotBeReachedLaterSaysSo() throws Exception {
        FakeKeychain keychain = new FakeKeychain();
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        SecretStore store = KeyringSecretStore.open(() -> {
            if (gone.get()) {
                throw new com.github.javakeyring.BackendNotSupportedException("Error connecting to dbus");
            }
            return keychain.connect();
        }, PLENTY);
        assertNull(store.unavailableReason());
        gone.set(true);
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.get("Lab"));
        assertEquals("Could not read the secret of profile \"Lab\" from the keychain: it reported Error connecting"
                + " to dbus.", e.getMessage());
    }

    @Test
    void anErrorWhoseOwnWordsQuoteTheSecretIsWithheldWhole() {
        FakeKeychain keychain = new FakeKeychain();
        SecretStore store = KeyringSecretStore.open(keychain::connect, PLENTY);
        String secret = "pw-7a1e";
        keychain.failWrite = new IllegalArgumentException("bad value " + secret);
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.put("Lab", Secret.of(secret)));
        assertEquals("Could not store the secret of profile \"Lab\" in the keychain: it reported an error (its words"
                + " withheld).", e.getMessage());
        Throwables.assertSecretAbsent(e, secret);
    }

    @Test
    void aCallThatHangsFailsWithinTheLimitAndTheNextOneToo() throws Exception {
        FakeKeychain keychain = new FakeKeychain();
        SecretStore store = KeyringSecretStore.open(keychain::connect, TINY);
        assertNull(store.unavailableReason());
        keychain.hangOnRead = true;
        for (int i = 0; i < 2; i++) {
            SecretStoreException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThrows(SecretStoreException.class, () -> store.get("Lab")));
            assertEquals("Could not read the secret of profile \"Lab\" from the keychain: it did not answer"
                    + " within 300 ms.", e.getMessage());
        }
    }

    @Test
    void aWriteTheKeychainDropsIsAnError() {
        FakeKeychain keychain = new FakeKeychain();
        SecretStore store = KeyringSecretStore.open(keychain::connect, PLENTY);
        keychain.dropWrites = true;
        SecretStoreException e = assertThrows(SecretStoreException.class,
                () -> store.put("Lab", Secret.of("dropped-secret")));
        assertEquals("Could not store the secret of profile \"Lab\" in the keychain: it did not keep it"
                + " (it may be locked).", e.getMessage());
        Throwables.assertSecretAbsent(e, "dropped-secret");
    }

    @Test
    void aKeychainErrorThatQuotesTheSecretDoesNotPassItOn() {
        FakeKeychain keychain = new FakeKeychain();
        SecretStore store = KeyringSecretStore.open(keychain::connect, PLENTY);
        String secret = "tok-3f9c-very-secret";
        IOException deep = new IOException("D-Bus refused item with secret " + secret);
        PasswordAccessException failure = new PasswordAccessException("write failed", deep);
        failure.addSuppressed(new IllegalStateException("cleanup saw " + secret));
        keychain.failWrite = failure;

        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.put("Lab", Secret.of(secret)));
        assertEquals("Could not store the secret of profile \"Lab\" in the keychain: it reported write failed.",
                e.getMessage());
        Throwables.assertSecretAbsent(e, secret);
        // What is kept: the class names, the harmless message, the stack traces.
        assertTrue(e.getCause().getMessage().contains("PasswordAccessException: write failed"), e.getCause().getMessage());
        assertTrue(e.getCause().getCause().getMessage().startsWith("java.io.IOException (message withheld"),
                e.getCause().getCause().getMessage());
        assertEquals(deep.getStackTrace().length, e.getCause().getCause().getStackTrace().length);
    }

    @Test
    void aKeychainErrorWithoutTheSecretIsPassedOnAsItIs() {
        FakeKeychain keychain = new FakeKeychain();
        SecretStore store = KeyringSecretStore.open(keychain::connect, PLENTY);
        PasswordAccessException failure = new PasswordAccessException("Error code 5");
        keychain.failWrite = failure;
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.put("Lab", Secret.of("x1")));
        assertEquals("Could not store the secret of profile \"Lab\" in the keychain: it reported Error code 5.",
                e.getMessage());
        assertEquals(failure, e.getCause());
    }

    @Test
    void javaKeyringsWordsForNothingStoredAreRecognised() {
        for (String missing : new String[] {
                "No stored credentials match Keyward account: Lab", // Secret Service, macOS
                "Password not Found", "Error code 1168", // Windows
                "Password is not in wallet", "Password cannot be deleted, it is not in wallet", // KWallet
                "No password to delete. Lab", // macOS
                "Failed to get credential. The specified item could not be found in the keychain."}) {
            assertTrue(JavaKeyring.isMissing(new PasswordAccessException(missing)), missing);
        }
        for (String failure : new String[] {"Error code 5", "Too many stored credentials match Keyward account: Lab",
                "Failed to set credential. User interaction is not allowed."}) {
            assertFalse(JavaKeyring.isMissing(new PasswordAccessException(failure)), failure);
        }
        assertFalse(JavaKeyring.isMissing(new PasswordAccessException(null)));
    }

    @Test
    void limitsAreSaidInWords() {
        assertEquals("5 s", KeyringSecretStore.describe(Duration.ofSeconds(5)));
        assertEquals("300 ms", KeyringSecretStore.describe(Duration.ofMillis(300)));
        assertThrows(IllegalArgumentException.class, () -> KeyringSecretStore.open(FakeKeychain::new, Duration.ZERO));
    }
}
