package io.keyward.store;

/**
 * A secret could not be stored, read or removed. Its message is a sentence for the user and never
 * contains the secret; neither does any message in its chain of causes.
 */
public final class SecretStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
