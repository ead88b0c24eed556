package io.keyward.crypto;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.security.auth.DestroyFailedException;

/**
 * A freshly generated RSA key pair for a new JWT key: the public half to show and send, and a private
 * half that can be saved to a file once and is then forgotten, so the console never keeps it.
 *
 * <p>Generation takes from a fraction of a second (2048 bits) to several seconds (4096 bits): call
 * {@link #generate} off the FX thread. Instances are safe to use from several threads.
 */
public final class RsaKeyGeneration {
    /** The sizes offered: 2048 is the minimum accepted; beyond 4096, generation and every verification slow down for little gain. */
    public static final List<Integer> SUPPORTED_SIZES = List.of(2048, 3072, 4096);

    private enum PrivateKeyState { HELD, SAVED, DISCARDED }

    private final RsaPublicKeyInfo publicKey;
    private PrivateKey privateKey; // guarded by this; null once saved or discarded
    private PrivateKeyState state = PrivateKeyState.HELD;

    private RsaKeyGeneration(RsaPublicKeyInfo publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Generates a key pair of {@code bits} bits with public exponent 65537.
     *
     * @throws IllegalArgumentException for a size not in {@link #SUPPORTED_SIZES}
     */
    public static RsaKeyGeneration generate(int bits) {
        if (!SUPPORTED_SIZES.contains(bits)) {
            throw new IllegalArgumentException("An RSA key must be 2048, 3072 or 4096 bits, not " + bits + ".");
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            // The default SecureRandom (non-blocking, OS-seeded) rather than getInstanceStrong(),
            // which on Linux can block on /dev/random for a long time on an idle desktop.
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), new SecureRandom());
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime can generate RSA keys.", e);
        }
        return new RsaKeyGeneration(RsaPublicKeyInfo.of((RSAPublicKey) pair.getPublic()), pair.getPrivate());
    }

    public RsaPublicKeyInfo publicKey() {
        return publicKey;
    }

    public int bits() {
        return publicKey.bits();
    }

    /** The public key as normalized SPKI PEM, ready to send to a gateway. */
    public String spkiPem() {
        return publicKey.spkiPem();
    }

    /** The RFC 7638 thumbprint of the public key. */
    public String thumbprint() {
        return publicKey.thumbprint();
    }

    /** Whether the private key can still be saved (not yet saved, not discarded). */
    public synchronized boolean holdsPrivateKey() {
        return state == PrivateKeyState.HELD;
    }

    /**
     * Saves the private key as PKCS#8 PEM to {@code target}, replacing an existing file, readable by
     * the owner only where the file system allows it; then forgets the private key. After a failure
     * the key is kept, so the admin can choose another place.
     *
     * @return how the file was restricted, for the dialog to report honestly
     * @throws KeyFileException with a one-sentence message when the file cannot be written, or when
     *         the private key was already saved or discarded
     */
    public synchronized KeyFileProtection writePrivateKey(Path target) throws KeyFileException {
        Objects.requireNonNull(target, "target");
        switch (state) {
            case SAVED -> throw new KeyFileException("The private key was already saved and is no longer kept: "
                    + "generate a new key pair to save another private key.");
            case DISCARDED -> throw new KeyFileException("The private key was discarded and is no longer kept: "
                    + "generate a new key pair to save a private key.");
            case HELD -> { }
        }
        KeyFileProtection protection = PrivateKeyFile.write(privateKey, target);
        forget(PrivateKeyState.SAVED);
        return protection;
    }

    /** Forgets the private key without saving it, e.g. when the admin cancels the dialog. */
    public synchronized void discardPrivateKey() {
        if (state == PrivateKeyState.HELD) {
            forget(PrivateKeyState.DISCARDED);
        }
    }

    private void forget(PrivateKeyState next) {
        try {
            privateKey.destroy();
        } catch (DestroyFailedException e) {
            // The JDK's RSA keys do not implement destroy(); dropping the reference is all we can do.
        }
        privateKey = null;
        state = next;
    }

    /** Public facts and the private key's state only, never the private key. */
    @Override
    public synchronized String toString() {
        return "RsaKeyGeneration[bits=" + bits() + ", thumbprint=" + thumbprint()
                + ", privateKey=" + state.name().toLowerCase(Locale.ROOT) + "]";
    }
}
