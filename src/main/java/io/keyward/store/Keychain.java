package io.keyward.store;

import java.util.Optional;

/**
 * The few keychain operations {@link KeyringSecretStore} needs, so that its time limits, probe and
 * error wording can be tested against a keychain that hangs or fails on purpose. Called on one thread
 * at a time.
 */
interface Keychain extends AutoCloseable {

    /** The stored password, or empty when nothing is stored for the service and account. */
    Optional<String> read(String service, String account) throws Exception;

    /** Stores or replaces the password. */
    void write(String service, String account, String password) throws Exception;

    /** Removes the password; nothing stored is not an error. */
    void remove(String service, String account) throws Exception;

    @Override
    void close() throws Exception;
}
