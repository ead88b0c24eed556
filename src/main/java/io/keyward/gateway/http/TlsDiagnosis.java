package io.keyward.gateway.http;

import io.keyward.gateway.CertificateFacts;
import io.keyward.gateway.Failure;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which certificate problem ended a handshake, from the attempt's {@link AttemptNotes} and the
 * exception. Only certificate problems become a {@link Failure.Tls}; any other handshake failure (a
 * plain-HTTP server on an https:// address, no common protocol) stays a network failure.
 *
 * @param tls                   the failure
 * @param alert                 the TLS alert the server sent (for a refused client certificate), or null
 * @param clientCertificateSent the subject of the client certificate offered, or null
 * @param reason                for {@link Failure.TlsProblem#OTHER}: the runtime's reason, or null
 */
record TlsDiagnosis(Failure.Tls tls, String alert, String clientCertificateSent, String reason) {

    /** What a server says about a client's certificate (RFC 8446 §6.2). */
    private static final Set<String> CERTIFICATE_ALERTS = Set.of("bad_certificate", "certificate_required",
            "certificate_unknown", "unknown_ca", "certificate_expired", "certificate_revoked",
            "unsupported_certificate", "access_denied");
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: ([a-z_]+)");

    /**
     * @param sent   the request had been handed to the connection when it failed
     * @param change the request was a change
     * @return null when the failure is not (certainly) about a certificate
     */
    static TlsDiagnosis of(IOException e, AttemptNotes.Notes notes, String host, Instant now, boolean sent,
                           boolean change) {
        if (notes == null) {
            return null;
        }
        SSLPeerUnverifiedException unverified = find(e, SSLPeerUnverifiedException.class);
        if (unverified != null && unverified.getMessage() != null && unverified.getMessage().startsWith("Hostname ")
                && notes.unverifiedChain != null && notes.unverifiedChain.length > 0) {
            return certificate(Failure.TlsProblem.NAME_MISMATCH, notes.unverifiedChain, host, null);
        }
        if (notes.trustFailure != null && notes.serverChain != null && notes.serverChain.length > 0
                && find(e, SSLException.class) != null) {
            return trust(notes.trustFailure, notes.serverChain, host, now);
        }
        String alert = alert(e);
        if (alert != null && (alert.equals("certificate_required")
                || notes.clientCertificateAsked && CERTIFICATE_ALERTS.contains(alert))) {
            return refused(notes, host, alert);
        }
        // HTTP/2: the connection's reader thread reads the alert and shuts the connection down; this
        // thread sees only that it is gone, before the request's first frame went out.
        boolean unwritten = !sent || named(e, "ConnectionShutdownException");
        boolean closed = find(e, SSLException.class) != null || find(e, SocketException.class) != null
                || find(e, EOFException.class) != null || named(e, "ConnectionShutdownException")
                || !sent && "exhausted all routes".equals(e.getMessage());
        if (notes.clientCertificateAsked && alert == null && closed) {
            // No alert (a reset can overtake it), but the server asked for a client certificate and then
            // closed the new connection: before the request went out, it cannot have been over the request.
            // After it went out, a read that offered no certificate was refused for lack of one (a server
            // that only wants one does not close); a change stays unknown (HttpTransport says why).
            if (unwritten || !notes.handshakeDone || !change && notes.clientCertificateSent == null) {
                return refused(notes, host, null);
            }
        }
        return null;
    }

    private static TlsDiagnosis refused(AttemptNotes.Notes notes, String host, String alert) {
        X509Certificate[] chain = notes.serverChain;
        CertificateFacts server = chain == null || chain.length == 0 ? null : CertificateFacts.of(chain[0]);
        CertificateFacts top = chain == null || chain.length == 0 ? null : CertificateFacts.of(chain[chain.length - 1]);
        return new TlsDiagnosis(new Failure.Tls(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED, server, top, host),
                alert, notes.clientCertificateSent, null);
    }

    private static TlsDiagnosis trust(CertificateException failure, X509Certificate[] chain, String host, Instant now) {
        // A certificate outside its dates is the decisive problem even when its issuer is unknown too:
        // trusting the issuer would not help.
        X509Certificate leaf = chain[0];
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return certificate(Failure.TlsProblem.EXPIRED, chain, host, null);
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return certificate(Failure.TlsProblem.NOT_YET_VALID, chain, host, null);
        }
        if (find(failure, CertificateExpiredException.class) != null || reason(failure) == CertPathValidatorException.BasicReason.EXPIRED) {
            return certificate(Failure.TlsProblem.EXPIRED, chain, host, null);
        }
        if (find(failure, CertificateNotYetValidException.class) != null
                || reason(failure) == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return certificate(Failure.TlsProblem.NOT_YET_VALID, chain, host, null);
        }
        if (find(failure, CertPathBuilderException.class) != null) {
            return certificate(Failure.TlsProblem.UNKNOWN_ISSUER, chain, host, null);
        }
        return certificate(Failure.TlsProblem.OTHER, chain, host, innermostMessage(failure));
    }

    private static TlsDiagnosis certificate(Failure.TlsProblem problem, X509Certificate[] chain, String host,
                                            String reason) {
        return new TlsDiagnosis(new Failure.Tls(problem, CertificateFacts.of(chain[0]),
                CertificateFacts.of(chain[chain.length - 1]), host), null, null, reason);
    }

    private static CertPathValidatorException.Reason reason(Throwable e) {
        CertPathValidatorException v = find(e, CertPathValidatorException.class);
        return v == null ? null : v.getReason();
    }

    /** "bad_certificate" from "Received fatal alert: bad_certificate", or null. */
    static String alert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException && t.getMessage() != null) {
                Matcher m = ALERT.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private static String innermostMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static boolean named(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
