package io.keyward.store;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

import java.util.List;
import java.util.Optional;

/**
 * {@link Keychain} over java-keyring: the Secret Service on Linux (or KWallet), the Keychain on macOS,
 * the Credential Manager on Windows.
 */
final class JavaKeyring implements Keychain {

    /**
     * java-keyring answers "nothing stored" with the same exception type as a real failure; these are
     * the wordings its backends use for a missing entry (1.0.4): Secret Service and macOS "No stored
     * credentials match ...", Windows "Password not Found" or error 1168 (ERROR_NOT_FOUND), KWallet
     * "... not in wallet", macOS delete "No password to delete", macOS Security framework "... could not be
     * found ...".
     */
    private static final List<String> MISSING = List.of(
            "no stored credentials match",
            "password not found",
            "error code 1168",
            "not in wallet",
            "no password to delete",
            "could not be found");

    private final Keyring keyring;

    private JavaKeyring(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Opens a connection to the OS keychain. The first one finds the backend, later ones ask for the same
     * backend again, so a keychain that has gone away fails once instead of once per backend.
     *
     * <p>On macOS and Windows java-keyring picks ({@link Keyring#create()}). On Linux the session bus is
     * asked first (see {@link SessionBus}) and only one backend is tried, that of the first service
     * there: the Secret Service, else KWallet 5. java-keyring's own way would try both, and each one that
     * fails leaves a D-Bus connection open.
     */
    static final class Connector implements java.util.concurrent.Callable<Keychain> {
        private volatile KeyringStorageType backend;

        @Override
        public Keychain call() throws Exception {
            KeyringStorageType known = backend;
            Keyring keyring = known != null ? Keyring.create(known) : usesDBus() ? viaSessionBus() : Keyring.create();
            backend = keyring.getKeyringStorageType();
            return new JavaKeyring(keyring);
        }

        private static Keyring viaSessionBus() throws Exception {
            java.util.List<String> services = SessionBus.keychainServices();
            if (services.isEmpty()) {
                throw new BackendNotSupportedException("no keychain service on the D-Bus session bus");
            }
            return Keyring.create(services.get(0).equals("org.kde.kwalletd5")
                    ? KeyringStorageType.KWALLET : KeyringStorageType.GNOME_KEYRING);
        }
    }

    static boolean usesDBus() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return !os.startsWith("mac") && !os.startsWith("windows");
    }

    static boolean isMissing(PasswordAccessException e) {
        String message = e.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        return MISSING.stream().anyMatch(lower::contains);
    }

    @Override
    public Optional<String> read(String service, String account) throws PasswordAccessException {
        try {
            return Optional.ofNullable(keyring.getPassword(service, account));
        } catch (PasswordAccessException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void write(String service, String account, String password) throws PasswordAccessException {
        keyring.setPassword(service, account, password);
    }

    @Override
    public void remove(String service, String account) throws PasswordAccessException {
        try {
            keyring.deletePassword(service, account);
        } catch (PasswordAccessException e) {
            if (!isMissing(e)) {
                throw e;
            }
        }
    }

    @Override
    public void close() throws Exception {
        keyring.close();
    }

    @Override
    public String toString() {
        return "JavaKeyring[" + keyring.getKeyringStorageType() + "]";
    }
}
