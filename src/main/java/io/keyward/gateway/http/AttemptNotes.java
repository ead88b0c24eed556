package io.keyward.gateway.http;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the TLS handshake and the proxy showed during the current attempt on this thread, so a failure
 * can be told in words: the server's certificates, whether it asked for a client certificate, whether
 * a proxy asked for a sign-in. Written by the connection's trust manager, key manager, host name
 * verifier and proxy authenticator, which OkHttp calls on the thread that executes the call (Keyward
 * executes calls synchronously); read by {@link HttpTransport} when the attempt fails. Recording
 * changes no decision: every check is the delegate's.
 */
final class AttemptNotes {

    private final ThreadLocal<Notes> current = ThreadLocal.withInitial(Notes::new);

    /** Starts an attempt with empty notes. */
    void begin() {
        current.set(new Notes());
    }

    Notes get() {
        return current.get();
    }

    /** The attempt's notes, forgotten by the thread. */
    Notes end() {
        Notes notes = current.get();
        current.remove();
        return notes;
    }

    static final class Notes {
        /** The chain the server sent, as the trust manager saw it (before judging it). */
        X509Certificate[] serverChain;
        /** Why the trust manager refused {@link #serverChain}; null when it accepted it. */
        CertificateException trustFailure;
        /** The server's chain when the host name did not match it. */
        X509Certificate[] unverifiedChain;
        /** The handshake completed (the host name verifier ran). */
        boolean handshakeDone;
        /** The server asked for a client certificate. */
        boolean clientCertificateAsked;
        /** The subject of the client certificate offered, or null when none was. */
        String clientCertificateSent;
        /** The last 407 a proxy answered, or null. */
        ProxyChallenge proxyChallenge;
    }

    /**
     * A proxy's 407.
     *
     * @param proxy             "host:port"
     * @param credentialsSent   the request it refused carried this connection's proxy sign-in
     * @param credentialsSet    the connection has a proxy sign-in for this proxy
     * @param schemes           the sign-in methods the proxy offered ("Basic", "Negotiate", ...)
     */
    record ProxyChallenge(String proxy, boolean credentialsSent, boolean credentialsSet, List<String> schemes) {
        boolean offersBasic() {
            return schemes.stream().anyMatch("basic"::equalsIgnoreCase);
        }
    }
}
