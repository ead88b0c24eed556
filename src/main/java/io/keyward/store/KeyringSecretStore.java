package io.keyward.store;

import io.keyward.model.Secret;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the OS keychain through java-keyring: service {@value #SERVICE}, account = the profile name.
 *
 * <p>Every call connects, does its work and closes the connection again, on one daemon thread of this
 * store, and is waited for at most the probe's time limit: a D-Bus that hangs costs a caller that long and
 * never freezes the console, and no connection is left open (java-keyring's D-Bus connection holds a
 * non-daemon thread that would keep the process from exiting). A call that timed out is cancelled; one
 * already running may still finish later. A {@link #put} reads the secret back, because a Secret Service
 * that refuses an item can do so without an error.
 */
public final class KeyringSecretStore implements SecretStore {
    static final String SERVICE = "Keyward";
    static final String PROBE_SERVICE = "Keyward probe";

    private final Callable<? extends Keychain> connect;
    private final ExecutorService worker;
    private final Duration limit;

    private KeyringSecretStore(Callable<? extends Keychain> connect, ExecutorService worker, Duration limit) {
        this.connect = connect;
        this.worker = worker;
        this.limit = limit;
    }

    /**
     * Connects to the OS keychain and tries a harmless round trip (an entry under service
     * {@value #PROBE_SERVICE} is stored, read back and removed), all within {@code probeLimit}. When that
     * fails or takes longer, the answer is an {@link UnavailableSecretStore} saying why in plain words.
     */
    public static SecretStore open(Duration probeLimit) {
        return open(new JavaKeyring.Connector(), probeLimit);
    }

    /** The seam for tests: {@code connect} stands in for java-keyring; it is called once per operation. */
    static SecretStore open(Callable<? extends Keychain> connect, Duration probeLimit) {
        Objects.requireNonNull(connect, "connect");
        if (probeLimit.isNegative() || probeLimit.isZero()) {
            throw new IllegalArgumentException("the probe needs a positive time limit: " + probeLimit);
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "keyward-keychain");
            thread.setDaemon(true);
            return thread;
        });
        Future<Void> probe = worker.submit(() -> connectAndProbe(connect));
        try {
            probe.get(probeLimit.toNanos(), TimeUnit.NANOSECONDS);
            return new KeyringSecretStore(connect, worker, probeLimit);
        } catch (TimeoutException e) {
            probe.cancel(true);
            worker.shutdownNow();
            return new UnavailableSecretStore("No keychain answered within " + describe(probeLimit) + ": "
                    + keychainName() + " may be stuck or waiting to be unlocked.");
        } catch (ExecutionException e) {
            worker.shutdownNow();
            return new UnavailableSecretStore(e.getCause() instanceof Unusable unusable
                    ? unusable.getMessage()
                    : "No keychain is reachable: " + keychainName() + " failed unexpectedly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe.cancel(true);
            worker.shutdownNow();
            return new UnavailableSecretStore("The keychain was not tried: Keyward was interrupted while starting.");
        }
    }

    /** Runs on the worker: connect, round trip, close; the reason for the user when it fails. */
    private static Void connectAndProbe(Callable<? extends Keychain> connect) throws Unusable {
        Keychain keychain;
        try {
            keychain = connect.call();
        } catch (LinkageError e) {
            // A JNA library that does not load, or a runtime image without jdk.net / jdk.security.auth.
            throw new Unusable("No keychain is reachable: the code that reaches " + keychainName()
                    + " could not be loaded.");
        } catch (Exception | Error e) {
            throw new Unusable(notReachable());
        }
        if (keychain == null) {
            throw new Unusable(notReachable());
        }
        try {
            roundTrip(keychain);
        } catch (Exception | Error e) {
            throw new Unusable("The keychain cannot be used: " + keychainName()
                    + " did not keep a test entry (it may be locked).");
        } finally {
            closeQuietly(keychain);
        }
        return null;
    }

    private static void roundTrip(Keychain keychain) throws Exception {
        String account = "probe " + UUID.randomUUID();
        String value = UUID.randomUUID().toString();
        try {
            keychain.write(PROBE_SERVICE, account, value);
            if (!keychain.read(PROBE_SERVICE, account).equals(Optional.of(value))) {
                throw new IllegalStateException("the test entry did not come back");
            }
        } finally {
            keychain.remove(PROBE_SERVICE, account);
        }
    }

    private static String notReachable() {
        if (JavaKeyring.usesDBus() && isBlank(System.getenv("DBUS_SESSION_BUS_ADDRESS"))) {
            return "No keychain is reachable: there is no D-Bus session bus to reach " + keychainName()
                    + " through.";
        }
        return "No keychain is reachable: " + keychainName()
                + (JavaKeyring.usesDBus() ? " is not running." : " could not be opened.");
    }

    static String keychainName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return "the macOS Keychain";
        }
        if (os.startsWith("windows")) {
            return "the Windows Credential Manager";
        }
        return "the Secret Service (e.g. GNOME Keyring)";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String describe(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void closeQuietly(Keychain keychain) {
        try {
            keychain.close();
        } catch (Exception | Error ignored) {
            // the connection is dropped either way
        }
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public void put(String profileName, Secret secret) throws SecretStoreException {
        String account = ProfileNames.require(profileName);
        String value = Objects.requireNonNull(secret, "secret").reveal();
        call("store the secret of profile \"" + account + "\" in the keychain", value, keychain -> {
            keychain.write(SERVICE, account, value);
            if (!keychain.read(SERVICE, account).equals(Optional.of(value))) {
                throw new NotKept();
            }
            return null;
        });
    }

    @Override
    public Optional<Secret> get(String profileName) throws SecretStoreException {
        String account = ProfileNames.require(profileName);
        return call("read the secret of profile \"" + account + "\" from the keychain", null,
                keychain -> keychain.read(SERVICE, account).map(Secret::of));
    }

    @Override
    public void delete(String profileName) throws SecretStoreException {
        String account = ProfileNames.require(profileName);
        call("remove the secret of profile \"" + account + "\" from the keychain", null, keychain -> {
            keychain.remove(SERVICE, account);
            return null;
        });
    }

    /** One keychain operation on a connection of its own. */
    private interface Operation<T> {
        T run(Keychain keychain) throws Exception;
    }

    /**
     * Connects, runs {@code op} and closes, on the worker, waiting at most the limit. {@code secret}, when
     * known, is kept out of the message and out of every message in the cause chain.
     */
    private <T> T call(String what, String secret, Operation<T> op) throws SecretStoreException {
        Future<T> future;
        try {
            future = worker.submit(() -> {
                Keychain keychain = connect.call();
                try {
                    return op.run(keychain);
                } finally {
                    closeQuietly(keychain);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new SecretStoreException("Could not " + what + ": the keychain connection is closed.", null);
        }
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SecretStoreException("Could not " + what + ": it did not answer within "
                    + describe(limit) + ".", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SecretStoreException("Could not " + what + ": interrupted while waiting for it.", null);
        } catch (ExecutionException e) {
            // Never e itself: its message is the cause's toString(), which a keychain error may fill with anything.
            Throwable cause = e.getCause();
            throw new SecretStoreException("Could not " + what + ": " + detail(cause, secret),
                    withoutSecret(cause, secret));
        }
    }

    private static String detail(Throwable cause, String secret) {
        if (cause instanceof NotKept) {
            return "it did not keep it (it may be locked).";
        }
        String message = cause == null ? null : cause.getMessage();
        String said = isBlank(message) ? (cause == null ? "an unknown error" : cause.getClass().getSimpleName())
                : secret != null && !secret.isEmpty() && message.contains(secret) ? "an error (its words withheld)"
                : message.strip();
        return "it reported " + said + (said.endsWith(".") ? "" : ".");
    }

    /**
     * {@code t} itself when no message in its chain (causes and suppressed) contains the secret; otherwise a
     * copy of the chain in which each such message is withheld (class names and stack traces kept).
     */
    static Throwable withoutSecret(Throwable t, String secret) {
        if (t == null || secret == null || secret.isEmpty()
                || !mentions(t, secret, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return t;
        }
        return redacted(t, secret, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable redacted(Throwable t, String secret, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null; // a cause chain that loops back ends here
        }
        String message = t.getMessage();
        boolean withheld = message != null && message.contains(secret);
        Redacted copy = new Redacted(t.getClass().getName()
                + (withheld ? " (message withheld: it contained the secret)" : message == null ? "" : ": " + message),
                redacted(t.getCause(), secret, seen));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable s = redacted(suppressed, secret, seen);
            if (s != null) {
                copy.addSuppressed(s);
            }
        }
        return copy;
    }

    private static boolean mentions(Throwable t, String secret, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && message.contains(secret)) {
            return true;
        }
        if (mentions(t.getCause(), secret, seen)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (mentions(suppressed, secret, seen)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[limit " + describe(limit) + "]";
    }

    /** The probe's verdict, already worded for the user. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A put whose read-back did not return the secret. */
    private static final class NotKept extends Exception {
        private static final long serialVersionUID = 1L;

        NotKept() {
            super("the keychain did not keep the secret");
        }
    }

    /** Stands in for a keychain error whose message contained the secret. */
    static final class Redacted extends Exception {
        private static final long serialVersionUID = 1L;

        Redacted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
