/**
 * Pure key handling for the console's key dialogs: reading a pasted RSA public key, its RFC 7638
 * thumbprint, generating a key pair and saving its private key once, owner-only.
 *
 * <p>Nothing here imports JavaFX, OkHttp or Jackson, so the dialogs' view models can call it off the
 * FX thread and it can be tested without a toolkit. Every refusal is a checked exception whose
 * message is one plain sentence fit for a dialog; no message, log line or {@code toString()} in this
 * package ever carries private key material, and none repeats the pasted key text.
 */
package io.keyward.crypto;
