package io.keyward.crypto;

import java.util.Objects;

/**
 * Why a pasted or loaded key was refused. The message is one plain sentence meant to be shown as-is
 * in a dialog; it never repeats the key text, so it is safe to show, log or copy.
 */
public final class KeyFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, so a dialog can, for instance, show a private key paste more loudly. */
    public enum Reason {
        EMPTY,
        NO_PEM_BLOCK,
        INCOMPLETE_PEM,
        MULTIPLE_BLOCKS,
        PRIVATE_KEY,
        CERTIFICATE,
        UNSUPPORTED_BLOCK,
        NOT_RSA,
        TOO_SMALL,
        CORRUPT
    }

    private final Reason reason;

    KeyFormatException(Reason reason, String message) {
        // No cause is kept: JDK parser messages can quote the bytes they choked on.
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
