package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an unsuccessful answer (or no answer) into a {@link GatewayException} with a plain sentence.
 * Understands Apinizer's {@code {error, error_description}} body and RFC 9457 problem details.
 * Anything else, e.g. a reverse proxy's HTML page, is a protocol failure quoted by a short snippet.
 */
final class ErrorMapper {

    static final int SNIPPET_LENGTH = 120;

    private static final Pattern NOT_FOUND = Pattern.compile("(is|was) not found|not found for|does not exist",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALREADY_EXISTS = Pattern.compile("already exist", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("<(script|style)[^>]*>.*?</\\1>|<[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final ObjectMapper json;

    ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param action       what was attempted, e.g. {@code Deleting key "k" in project "p"}
     * @param secretToHide a token that must not appear in anything quoted from the body (may be null)
     */
    GatewayException fromResponse(String action, int status, String contentType, String body,
                                  String retryAfterHeader, String secretToHide) {
        JsonNode node = parseObject(body);
        if (node == null) {
            String snippet = snippet(body, secretToHide);
            String type = contentType == null || contentType.isBlank() ? "no content type" : contentType;
            String message = action + " failed: the server answered HTTP " + status + " with "
                    + (snippet.isEmpty() ? "an empty body" : "a " + shortType(type) + " page, not the management API's JSON: \"" + snippet + "\"")
                    + (status == 502 || status == 503 || status == 504 ? ". A proxy in front of the manager may be failing." : ".");
            return new GatewayException(new Failure.Protocol(type, snippet), status, null, null, message, null);
        }

        boolean problem = node.has("title") || node.has("detail") || node.has("type") && !node.has("error");
        String code = problem ? text(node, "type") : text(node, "error");
        String description = problem ? firstNonBlank(text(node, "detail"), text(node, "title"))
                : firstNonBlank(text(node, "error_description"), text(node, "message"));
        description = scrub(description, secretToHide);

        Failure failure = classify(status, code, description, node, retryAfterHeader);
        String message = action + " failed: " + sentence(failure, status, description);
        return new GatewayException(failure, status, code, description, message, null);
    }

    /** A 2xx answer whose body is not what the endpoint promises. */
    GatewayException malformed(String action, int status, String contentType, String body, String secretToHide) {
        String snippet = snippet(body, secretToHide);
        String type = contentType == null || contentType.isBlank() ? "no content type" : contentType;
        String message = action + " failed: the server answered HTTP " + status + " but the body could not be read as "
                + "the management API's JSON" + (snippet.isEmpty() ? " (it was empty)." : ": \"" + snippet + "\"");
        return new GatewayException(new Failure.Protocol(type, snippet), status, null, null, message, null);
    }

    /** A 2xx list or mutation whose body says it failed ({@code success:false} / {@code status:FAILURE}). */
    GatewayException reportedFailure(String action, int status, JsonNode node, String secretToHide) {
        String description = scrub(firstNonBlank(text(node, "error_description"), text(node, "message"),
                text(node, "detail")), secretToHide);
        String message = action + " failed: the server reported a failure"
                + (description == null ? "." : ": " + ensurePeriod(description));
        return new GatewayException(new Failure.Unexpected(), status, text(node, "error"), description, message, null);
    }

    GatewayException fromIOException(String action, String hostAndPort, IOException e) {
        Failure.NetworkProblem problem = networkProblem(e);
        String message = action + " failed: " + problem.sentence() + " (" + hostAndPort + ").";
        // The cause is kept for diagnostics; its messages come from the JDK and OkHttp, never contain
        // the Authorization header, and are not shown to the user.
        return new GatewayException(new Failure.Network(problem), 0, null, null, message, e);
    }

    static Failure.NetworkProblem networkProblem(IOException e) {
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

    private Failure classify(int status, String code, String description, JsonNode node, String retryAfterHeader) {
        String desc = description == null ? "" : description;
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (status == 401) {
            return new Failure.Unauthorized();
        }
        if (status == 403) {
            return new Failure.Forbidden();
        }
        if (status == 404) {
            return new Failure.NotFound();
        }
        if (status == 409 || c.contains("duplicate") || (status == 400 && ALREADY_EXISTS.matcher(desc).find())) {
            return new Failure.AlreadyExists();
        }
        if (status == 429 || c.contains("rate_limit")) {
            return new Failure.RateLimited(retryAfter(node, retryAfterHeader));
        }
        if (status >= 500) {
            return new Failure.ServerError();
        }
        if (status == 400 || status == 422) {
            if (NOT_FOUND.matcher(desc).find()) {
                return new Failure.NotFound();
            }
            return new Failure.Validation(fieldErrors(node));
        }
        return new Failure.Unexpected();
    }

    private static String sentence(Failure failure, int status, String description) {
        // "Invalid token (HTTP 401)." reads better than "Invalid token. (HTTP 401)"
        String server = description == null ? null : stripPeriod(description.trim());
        String generic;
        if (failure instanceof Failure.Unauthorized) {
            generic = "the server did not accept the token (it may be wrong, expired or revoked).";
        } else if (failure instanceof Failure.Forbidden) {
            generic = "this token is not allowed to do that.";
        } else if (failure instanceof Failure.NotFound) {
            generic = "it was not found.";
        } else if (failure instanceof Failure.AlreadyExists) {
            generic = "that name is already taken.";
        } else if (failure instanceof Failure.RateLimited r) {
            generic = r.retryAfter() == null ? "too many requests; try again later."
                    : "too many requests; try again in " + r.retryAfter().toSeconds() + " s.";
        } else if (failure instanceof Failure.ServerError) {
            generic = "the server had an internal error.";
        } else if (failure instanceof Failure.Validation) {
            generic = "the server rejected the request.";
        } else {
            generic = "the server answered HTTP " + status + ".";
        }
        if (server == null) {
            return generic;
        }
        if (failure instanceof Failure.RateLimited r && r.retryAfter() != null) {
            return server + " (retry in " + r.retryAfter().toSeconds() + " s, HTTP " + status + ").";
        }
        if (failure instanceof Failure.Validation v && !v.fieldErrors().isEmpty()) {
            List<String> parts = new ArrayList<>();
            v.fieldErrors().forEach(fe -> parts.add(fe.field() == null ? fe.message() : fe.field() + " – " + fe.message()));
            return server + ": " + String.join("; ", parts) + " (HTTP " + status + ").";
        }
        return server + " (HTTP " + status + ").";
    }

    private static List<Failure.FieldError> fieldErrors(JsonNode node) {
        List<Failure.FieldError> out = new ArrayList<>();
        for (String name : List.of("validation_errors", "errors", "invalid_params")) {
            JsonNode list = node.get(name);
            if (list != null && list.isArray()) {
                list.forEach(e -> out.add(new Failure.FieldError(
                        firstNonBlank(text(e, "field"), text(e, "name"), text(e, "pointer")),
                        firstNonBlank(text(e, "message"), text(e, "reason"), text(e, "detail"), e.isTextual() ? e.asText() : null))));
            }
        }
        return out;
    }

    private static Duration retryAfter(JsonNode node, String header) {
        for (String name : List.of("retry_after", "retryAfter")) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.canConvertToLong() && v.isNumber()) {
                return Duration.ofSeconds(Math.max(0, v.asLong()));
            }
            Duration parsed = parseRetryAfter(v.asText());
            if (parsed != null) {
                return parsed;
            }
        }
        return parseRetryAfter(header);
    }

    /** Seconds, or an RFC 3339 instant (Ampersand's {@code retryAfter}). */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(java.time.Instant.now(), OffsetDateTime.parse(v).toInstant());
                return d.isNegative() ? Duration.ZERO : d.withNanos(0);
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A short, single-line, tag-free excerpt with control characters and the token removed. */
    static String snippet(String body, String secretToHide) {
        if (body == null) {
            return "";
        }
        String s = body.length() > 20_000 ? body.substring(0, 20_000) : body;
        String title = null;
        var m = TITLE.matcher(s);
        if (m.find()) {
            title = m.group(1);
        }
        s = TAGS.matcher(s).replaceAll(" ");
        if (title != null && !s.contains(title.trim())) {
            s = title + " " + s;
        }
        s = CONTROL.matcher(s).replaceAll("");
        s = SPACE.matcher(s).replaceAll(" ").trim();
        s = scrub(s, secretToHide);
        if (s.length() > SNIPPET_LENGTH) {
            s = s.substring(0, SNIPPET_LENGTH - 1).trim() + "…";
        }
        return s;
    }

    static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.length() < 4) {
            return text;
        }
        return text.replace(secret, "****");
    }

    private static String shortType(String contentType) {
        int semi = contentType.indexOf(';');
        return semi < 0 ? contentType.trim() : contentType.substring(0, semi).trim();
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String ensurePeriod(String s) {
        String t = s.trim();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
