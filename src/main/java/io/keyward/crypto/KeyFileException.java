package io.keyward.crypto;

/**
 * A private key could not be saved. The message is one plain sentence for a dialog (it names the
 * chosen file or folder, never the key); the cause, if any, is the file system's own error.
 */
public final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyFileException(String message) {
        super(message);
    }

    KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
