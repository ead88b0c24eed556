package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import okhttp3.HttpUrl;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The failures that read the same whichever gateway is behind the address: no answer at all, an
 * answer that is not the API's JSON (a proxy's page, an empty body), a redirect, a 2xx body that
 * cannot be read. Each message is one sentence that starts with what was attempted.
 */
public final class HttpFailures {

    private HttpFailures() {
    }

    public static GatewayException network(String action, HttpUrl url, IOException e) {
        Failure.NetworkProblem problem = networkProblem(e);
        String message = action + " failed: " + problem.sentence() + " (" + url.host() + ":" + url.port() + ").";
        // The cause is kept for diagnostics; its messages come from the JDK and OkHttp, never contain
        // a request header, and are not shown to the user.
        return new GatewayException(new Failure.Network(problem), 0, null, null, message, e);
    }

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
