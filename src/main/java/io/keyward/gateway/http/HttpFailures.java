package io.keyward.gateway.http;

import io.keyward.gateway.CertificateFacts;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import okhttp3.HttpUrl;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The failures that read the same whichever gateway is behind the address: no answer at all, an
 * answer that is not the API's JSON (a proxy's page, an empty body), a redirect, a 2xx body that
 * cannot be read. Each message is one sentence that starts with what was attempted.
 */
public final class HttpFailures {

    private HttpFailures() {
    }

    /** A read got no answer (after its retries). */
    public static GatewayException network(String action, HttpUrl url, IOException e) {
        Failure.NetworkProblem problem = networkProblem(e);
        String message = action + " failed: " + problem.sentence() + " (" + url.host() + ":" + url.port() + ").";
        // The cause is kept for diagnostics; its messages come from the JDK and OkHttp, never contain
        // a request header, and are not shown to the user.
        return new GatewayException(new Failure.Network(problem), 0, null, null, message, e);
    }

    /** A change failed before any of it was written (refused, unknown host, TLS): it certainly did not happen. */
    public static GatewayException notSent(String action, HttpUrl url, IOException e) {
        Failure.NetworkProblem problem = networkProblem(e);
        String message = action + " failed: " + problem.sentence() + " (" + url.host() + ":" + url.port()
                + "), so nothing was sent.";
        return new GatewayException(new Failure.Network(problem), 0, null, null, message, e);
    }

    /**
     * A change was written (in part or whole) and no status line came back: the server may have
     * carried it out, or not.
     *
     * @param howToCheck e.g. "reload to check"
     */
    public static GatewayException outcomeUnknown(String action, IOException e, String howToCheck) {
        return outcomeUnknown(action, e, howToCheck, null);
    }

    /** As {@link #outcomeUnknown(String, IOException, String)}, with a sentence on the likely cause (or null). */
    public static GatewayException outcomeUnknown(String action, IOException e, String howToCheck, String likely) {
        Failure.NetworkProblem problem = afterSending(networkProblem(e));
        String message = action + ": no answer came (" + problem.sentence()
                + "), so it is unknown whether it happened; " + howToCheck + "." + (likely == null ? "" : " " + likely);
        return new GatewayException(new Failure.OutcomeUnknown(problem), 0, null, null, message, e);
    }

    /**
     * A change's successful status arrived and its body broke off. The body is what says what was
     * done (an Apinizer 200 may still report {@code success:false}), so the outcome is unknown.
     */
    public static GatewayException answerBrokeOff(String action, int status, IOException e, String howToCheck) {
        Failure.NetworkProblem problem = afterSending(networkProblem(e));
        String why = switch (problem) {
            case TIMEOUT -> "the rest did not arrive in time";
            case CLOSED -> "the connection was closed";
            default -> problem.sentence();
        };
        String message = action + ": the server answered HTTP " + status + ", but its answer broke off (" + why
                + "), so it is unknown whether it happened; " + howToCheck + ".";
        return new GatewayException(new Failure.OutcomeUnknown(problem), status, null, null, message, e);
    }

    /**
     * An answer longer than the connection's limit, not read. For a change with a successful status,
     * the server accepted it: that is said, not hidden behind "failed".
     */
    public static GatewayException tooLarge(String action, int status, String contentType, long limit,
                                            boolean change) {
        String size = bytes(limit);
        String message = change
                ? action + ": the server accepted it (HTTP " + status + "), but its answer was larger than " + size
                + ", the limit set for this connection, so it was not read; reload to see the result."
                : action + " failed: the answer was larger than " + size + ", the limit set for this connection.";
        String type = contentType == null || contentType.isBlank() ? "no content type" : contentType;
        return new GatewayException(new Failure.Protocol(type, ""), status, null, null, message, null);
    }

    /** A read (or a sign-in) stopped because its thread was interrupted: the user went elsewhere. */
    public static GatewayException cancelled(String action, Throwable cause) {
        return new GatewayException(new Failure.Network(Failure.NetworkProblem.OTHER), 0, null, null,
                action + " was cancelled.", cause);
    }

    /** A change whose thread was interrupted before any of it was written. */
    public static GatewayException cancelledBeforeSending(String action, Throwable cause) {
        return new GatewayException(new Failure.Network(Failure.NetworkProblem.OTHER), 0, null, null,
                action + " was cancelled before it was sent, so nothing was sent.", cause);
    }

    /** A change whose thread was interrupted after it was sent and before its answer came. */
    public static GatewayException cancelledUnknown(String action, Throwable cause, String howToCheck) {
        return new GatewayException(new Failure.OutcomeUnknown(Failure.NetworkProblem.OTHER), 0, null, null,
                action + ": cancelled while waiting for the answer, so it is unknown whether it happened; "
                        + howToCheck + ".", cause);
    }

    // ---------------------------------------------------------------- connection settings, TLS, proxy

    /**
     * Nothing was sent because the connection's own settings stop every call.
     *
     * @param sentence what is wrong and what to do, e.g. {@link io.keyward.gateway.UrlPolicy#check}'s
     *                 refusal; never holds a password
     */
    public static GatewayException misconfigured(String action, Failure.Setting setting, String sentence) {
        return new GatewayException(new Failure.Misconfigured(setting), 0, null, null,
                action + " failed, and nothing was sent. " + sentence, null);
    }

    /**
     * A proxy answered HTTP 407: the server was not reached.
     *
     * @param proxy           "host:port", or null when no known proxy was on the way
     * @param credentialsSent the refused request carried the connection's proxy sign-in
     * @param credentialsSet  the connection has a proxy sign-in for this proxy
     * @param schemes         the sign-in methods the proxy offered
     */
    public static GatewayException proxyAuthentication(String action, String proxy, boolean credentialsSent,
                                                       boolean credentialsSet, List<String> schemes) {
        String who = proxy == null ? "a proxy on the way to the server" : "the proxy " + proxy;
        List<String> offered = schemes == null ? List.of() : schemes;
        boolean basic = offered.stream().anyMatch("basic"::equalsIgnoreCase);
        String why;
        if (credentialsSent) {
            why = " and did not accept the proxy username and password Keyward sent; check them in the"
                    + " connection's proxy settings.";
        } else if (!offered.isEmpty() && !basic) {
            why = ", asking for " + String.join(" or ", offered.stream().map(HttpFailures::scheme).distinct().toList())
                    + ", which Keyward cannot do: Keyward signs in to a proxy with a username and password (Basic)"
                    + " only. Ask for a proxy that accepts that, or for this address to bypass the proxy.";
        } else if (!credentialsSet) {
            why = ", and this connection has no proxy username and password; enter them in the connection's"
                    + " proxy settings.";
        } else {
            why = "; Keyward did not send the proxy username and password because the proxy did not ask for"
                    + " Basic sign-in.";
        }
        String message = action + " failed: " + who + " asked Keyward to sign in (HTTP 407)" + why
                + " The server itself was not reached, so nothing was done there.";
        return new GatewayException(new Failure.ProxyAuthentication(proxy), 407, null, null, message, null);
    }

    private static String scheme(String s) {
        return Snippets.text(s, Redactor.none());
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /**
     * A certificate problem ended the TLS handshake: nothing reached the server's application.
     *
     * @param clientCertificate the connection's PKCS#12 file, or null
     * @param change            the call was a change (then "nothing was changed" is said)
     */
    static GatewayException tls(String action, TlsDiagnosis diagnosis, Path clientCertificate, boolean change) {
        Failure.Tls tls = diagnosis.tls();
        String host = tls.host();
        CertificateFacts server = tls.server();
        CertificateFacts top = tls.issuerCandidate();
        String of = "the certificate of " + host;
        String text = switch (tls.problem()) {
            case EXPIRED -> of + " expired on " + DAY.format(server.notAfter()) + " (subject " + name(server.subject())
                    + "). Keyward does not connect to a server whose certificate has expired; its administrators"
                    + " must renew it.";
            case NOT_YET_VALID -> of + " is not valid before " + DAY.format(server.notBefore()) + " (subject "
                    + name(server.subject()) + "). If that day has come, this computer's clock is wrong; otherwise"
                    + " the server's administrators installed it too early.";
            case UNKNOWN_ISSUER -> unknownIssuer(of, server, top);
            case NAME_MISMATCH -> "the server at " + host + " showed a certificate for " + hosts(server) + ", not for "
                    + host + ". Keyward does not connect to it: check the address, or ask the server's administrators"
                    + " for a certificate that names " + host + ".";
            case CLIENT_CERTIFICATE_REFUSED -> clientRefused(host, diagnosis, clientCertificate);
            case OTHER -> of + " was not accepted" + (diagnosis.reason() == null ? ""
                    : " (" + Snippets.text(diagnosis.reason(), Redactor.none()) + ")")
                    + ". Keyward does not connect to it.";
        };
        String message = action + " failed: " + text + (change ? " Nothing was changed." : "");
        return new GatewayException(tls, 0, null, null, message, null);
    }

    private static String unknownIssuer(String of, CertificateFacts server, CertificateFacts top) {
        String addIt = " If your company runs this CA, add it to the connection's trusted CAs.";
        if (top.selfSigned() && top.sha256Fingerprint().equals(server.sha256Fingerprint())) {
            return of + " is self-signed (" + quoted(server.subject()) + "), and this connection does not trust it."
                    + " Fingerprint (SHA-256): " + server.sha256Fingerprint() + " . If the server's administrators"
                    + " confirm this fingerprint, add the certificate to the connection's trusted CAs.";
        }
        if (top.selfSigned()) {
            return of + " is issued by " + quoted(top.subject()) + ", which this connection does not trust."
                    + " Fingerprint (SHA-256) of that CA: " + top.sha256Fingerprint() + " ." + addIt;
        }
        if (!top.sha256Fingerprint().equals(server.sha256Fingerprint())) {
            return of + " is issued through " + quoted(top.subject()) + " by " + quoted(top.issuer())
                    + ", which this connection does not trust. Fingerprint (SHA-256) of " + quoted(top.subject())
                    + ", the highest CA certificate the server sent: " + top.sha256Fingerprint() + " ." + addIt;
        }
        return of + " is issued by " + quoted(server.issuer()) + ", which this connection does not trust, and the"
                + " server did not send that CA's certificate. If your company runs this CA, get its certificate"
                + " from the people who run it and add it to the connection's trusted CAs.";
    }

    private static String clientRefused(String host, TlsDiagnosis d, Path file) {
        String alert = d.alert() == null ? "" : " (TLS alert " + d.alert() + ")";
        if (file == null) {
            return host + " asks for a client certificate, and this connection has none" + alert + ". Choose the"
                    + " PKCS#12 file (.p12 or .pfx) in the connection's settings.";
        }
        if (d.clientCertificateSent() == null) {
            return host + " asks for a client certificate issued by a CA it accepts, and the one in \u201C" + file
                    + "\u201D is not, so none was sent" + alert + ". Check with the server's administrators which"
                    + " certificate it expects.";
        }
        return host + " refused the client certificate " + quoted(d.clientCertificateSent()) + " from \u201C" + file
                + "\u201D" + alert + ". Check with the server's administrators that it accepts this certificate"
                + " and that it has not expired or been revoked.";
    }

    /** "api.other.example", "a.example and b.example", "a, b and 3 more". */
    private static String hosts(CertificateFacts cert) {
        List<String> names = cert.subjectAltNames().stream().map(HttpFailures::name).toList();
        if (names.isEmpty()) {
            return "no host name (its subject is " + name(cert.subject()) + ")";
        }
        int shown = Math.min(names.size(), 5);
        List<String> head = names.subList(0, shown);
        if (names.size() > shown) {
            return String.join(", ", head) + " and " + (names.size() - shown) + " more";
        }
        if (head.size() == 1) {
            return head.get(0);
        }
        return String.join(", ", head.subList(0, head.size() - 1)) + " and " + head.get(head.size() - 1);
    }

    /** A name from a certificate, on one line and capped: the server chose it. */
    private static String name(String value) {
        String s = Snippets.text(value, Redactor.none());
        return s == null ? "(none)" : s.length() > 200 ? s.substring(0, 199) + "\u2026" : s;
    }

    private static String quoted(String value) {
        return "\u201C" + name(value) + "\u201D";
    }

    /**
     * What went wrong, from the exception and its causes.
     *
     * <ul>
     *   <li>{@code ConnectException}, {@code NoRouteToHostException}: REFUSED</li>
     *   <li>{@code UnknownHostException}: UNKNOWN_HOST</li>
     *   <li>{@code SSLException} (the handshake, or a plain-HTTP server on an https URL): TLS</li>
     *   <li>{@code SocketTimeoutException} (connect or read timeout), OkHttp's call timeout
     *       ({@code InterruptedIOException("timeout")}): TIMEOUT</li>
     *   <li>{@code EOFException}, {@code SocketException} (reset, broken pipe), "unexpected end of
     *       stream": CLOSED</li>
     *   <li>anything else: OTHER</li>
     * </ul>
     * Whether the request had been sent is not read from the type: {@link HttpTransport} knows it.
     */
    public static Failure.NetworkProblem networkProblem(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Failure.NetworkProblem.REFUSED;
            }
            if (t instanceof UnknownHostException) {
                return Failure.NetworkProblem.UNKNOWN_HOST;
            }
            if (t instanceof SSLException) {
                return Failure.NetworkProblem.TLS;
            }
            if (t instanceof SocketTimeoutException) {
                return Failure.NetworkProblem.TIMEOUT;
            }
            if (t instanceof InterruptedIOException && "timeout".equals(t.getMessage())) {
                return Failure.NetworkProblem.TIMEOUT; // OkHttp's call timeout
            }
            if (t instanceof EOFException || t instanceof SocketException) {
                return Failure.NetworkProblem.CLOSED;
            }
            String msg = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (msg.contains("unexpected end of stream") || msg.contains("connection reset")) {
                return Failure.NetworkProblem.CLOSED;
            }
        }
        return Failure.NetworkProblem.OTHER;
    }

    /**
     * Refused, unknown host and TLS handshake happen before anything is written; after sending, an
     * exception that looks like one of them (a TLS alert mid-answer) is no more than "the connection failed".
     */
    private static Failure.NetworkProblem afterSending(Failure.NetworkProblem problem) {
        return switch (problem) {
            case REFUSED, UNKNOWN_HOST, TLS -> Failure.NetworkProblem.OTHER;
            case TIMEOUT, CLOSED, OTHER -> problem;
        };
    }

    /** "64 MiB", "512 KiB", "1000 bytes". */
    static String bytes(long n) {
        long mib = 1024L * 1024;
        if (n >= mib && n % mib == 0) {
            return n / mib + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return n / 1024 + " KiB";
        }
        return n + (n == 1 ? " byte" : " bytes");
    }

    /**
     * An unsuccessful answer whose body is not a JSON object: a proxy's HTML page, plain text, nothing.
     * A 429 is still a rate limit (limiters in front of APIs rarely answer JSON), with the wait from
     * its {@code Retry-After} header; anything else is a protocol failure quoted by a short snippet.
     */
    public static GatewayException notJson(String action, HttpAnswer answer, Redactor redactor, Clock clock) {
        String snippet = Snippets.of(answer.body(), redactor);
        String type = contentType(answer);
        int status = answer.status();
        if (status == 429) {
            Duration wait = RetryAfter.parse(answer.header("Retry-After"), clock);
            String message = action + " failed: too many requests (HTTP 429); try again "
                    + (wait == null ? "later." : "in " + Math.max(1, wait.toSeconds()) + " s.");
            return new GatewayException(new Failure.RateLimited(wait), status, null, null, message, null);
        }
        String message = action + " failed: the server answered HTTP " + status + " with "
                + (snippet.isEmpty() ? "an empty body"
                : (answer.contentType() == null || answer.contentType().isBlank() ? "a body without a content type"
                        : "a " + shortType(type) + " body") + " instead of the API's JSON (\u201C" + snippet + "\u201D)")
                + (status == 502 || status == 503 || status == 504 ? "; a proxy in front of the server may be failing." : ".");
        return new GatewayException(new Failure.Protocol(type, snippet), status, null, null, message, null);
    }

    /**
     * A 2xx answer whose body does not have the promised shape.
     *
     * @param consequence what this means for the user, e.g. "the change was probably applied, so
     *                    reload before trying again"; null for reads
     */
    public static GatewayException unreadable(String action, HttpAnswer answer, Redactor redactor, String consequence) {
        String snippet = Snippets.of(answer.body(), redactor);
        String message = action + " failed: the server answered HTTP " + answer.status() + " but "
                + (snippet.isEmpty() ? "with an empty body" : "the body is not the expected JSON (\u201C" + snippet + "\u201D)")
                + (consequence == null ? "." : "; " + consequence + ".");
        return new GatewayException(new Failure.Protocol(contentType(answer), snippet), answer.status(), null, null,
                message, null);
    }

    /**
     * A 2xx answer that lacks what the endpoint promises, described without quoting the body (a
     * sign-in answer may hold a token under an unexpected name).
     *
     * @param what e.g. "without an access_token"; may go on with the consequence for the user
     */
    public static GatewayException incomplete(String action, HttpAnswer answer, String what) {
        String message = action + " failed: the server answered HTTP " + answer.status() + " " + what + ".";
        return new GatewayException(new Failure.Protocol(contentType(answer), ""), answer.status(), null, null,
                message, null);
    }

    /**
     * A 3xx. Redirects are not followed: the credentials would go wherever the server pointed, and a
     * redirected DELETE or PATCH may turn into a GET.
     */
    public static GatewayException redirected(String action, HttpAnswer answer, Redactor redactor) {
        String location = Snippets.text(answer.header("Location"), redactor);
        String message = action + " failed: the server redirected to "
                + (location == null ? "another address" : location) + " (HTTP " + answer.status()
                + "); check the URL, Keyward does not follow redirects.";
        return new GatewayException(new Failure.Unexpected(), answer.status(), null, null, message, null);
    }

    private static String contentType(HttpAnswer answer) {
        return answer.contentType() == null || answer.contentType().isBlank() ? "no content type" : answer.contentType();
    }

    private static String shortType(String contentType) {
        int semi = contentType.indexOf(';');
        return semi < 0 ? contentType.trim() : contentType.substring(0, semi).trim();
    }
}
