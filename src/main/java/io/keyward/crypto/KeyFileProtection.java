package io.keyward.crypto;

/**
 * How a saved private key file was restricted, so the dialog can say so instead of implying a
 * protection the file system did not give.
 */
public enum KeyFileProtection {
    /** POSIX mode {@code rw-------}, set when the file was created, before any key byte was written. */
    POSIX_OWNER_ONLY,
    /** An access-control list granting the current user alone (Windows), set before any key byte was written. */
    ACL_OWNER_ONLY,
    /** The file system offered neither, or ignored the request: the file has the folder's default access. */
    NOT_RESTRICTED
}
