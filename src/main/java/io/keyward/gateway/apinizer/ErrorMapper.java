package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.ProblemDetails;
import io.keyward.gateway.http.HttpAnswer;
import io.keyward.gateway.http.HttpFailures;
import io.keyward.gateway.http.Json;
import io.keyward.gateway.http.ProblemParser;
import io.keyward.gateway.http.Redactor;
import io.keyward.gateway.http.RetryAfter;
import io.keyward.gateway.http.Snippets;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static io.keyward.gateway.http.Json.firstNonBlank;
import static io.keyward.gateway.http.Json.text;

/**
 * Turns an unsuccessful Apinizer answer into a {@link GatewayException} with a plain sentence.
 * Understands Apinizer's {@code {error, error_description}} body and RFC 9457 problem details (whose
 * parsed form is attached as {@link GatewayException#problem()}); what is not JSON, a redirect or
 * an unreadable body is reported by the shared {@link HttpFailures}.
 */
final class ErrorMapper {

    private static final Pattern NOT_FOUND = Pattern.compile("(is|was) not found|not found for|does not exist",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALREADY_EXISTS = Pattern.compile("already exist", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;
    private final Clock clock;

    ErrorMapper(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** @param action what was attempted, e.g. {@code Deleting key "k" in project "p"} */
    GatewayException fromAnswer(String action, HttpAnswer answer, Redactor redactor) {
        int status = answer.status();
        if (status >= 300 && status < 400) {
            return HttpFailures.redirected(action, answer, redactor);
        }
        JsonNode node = Json.object(json, answer.body());
        if (node == null) {
            return HttpFailures.notJson(action, answer, redactor, clock);
        }
        redactor = redactor.withValuesIn(node);
        ProblemDetails problem = ProblemParser.parse(node, answer.contentType(), redactor);
        String code = problem != null ? problem.type() : redactor.scrub(text(node, "error"));
        String description = problem != null ? firstNonBlank(problem.detail(), problem.title())
                : Snippets.text(firstNonBlank(text(node, "error_description"), text(node, "message")), redactor);

        Failure failure = classify(status, code, description, node, problem, answer.header("Retry-After"), redactor);
        String message = action + " failed: " + sentence(failure, status, description);
        return new GatewayException(failure, status, code, description, problem, message, null);
    }

    /**
     * An unsuccessful answer of the token endpoint ({@code POST /apiops/auth/token}). Its body is never
     * read nor quoted, not even scrubbed: a sign-in answer may hold the credentials it was sent, or a
     * token, under any name. The failure is the status's, the message a fixed sentence with the status;
     * a 429's wait comes from the {@code Retry-After} header alone.
     */
    GatewayException signInFailure(String action, HttpAnswer answer) {
        int status = answer.status();
        Failure failure;
        String sentence;
        if (status >= 300 && status < 400) {
            failure = new Failure.Unexpected();
            sentence = "the server redirected (HTTP " + status + "); check the URL, Keyward does not follow redirects.";
        } else if (status == 401) {
            failure = new Failure.Unauthorized();
            sentence = "the sign-in was refused (HTTP 401).";
        } else if (status == 403) {
            failure = new Failure.Forbidden();
            sentence = "this user is not allowed to sign in (HTTP 403).";
        } else if (status == 404) {
            failure = new Failure.NotFound();
            sentence = "the sign-in address was not found (HTTP 404); check the manager URL.";
        } else if (status == 429) {
            Duration wait = RetryAfter.parse(answer.header("Retry-After"), clock);
            failure = new Failure.RateLimited(wait);
            sentence = "too many requests (HTTP 429); try again "
                    + (wait == null ? "later." : "in " + Math.max(1, wait.toSeconds()) + " s.");
        } else if (status >= 500) {
            failure = new Failure.ServerError();
            sentence = "the server had an internal error (HTTP " + status + ").";
        } else {
            failure = new Failure.Unexpected();
            sentence = "the server refused the sign-in request (HTTP " + status + ").";
        }
        return new GatewayException(failure, status, null, null, action + " failed: " + sentence, null);
    }

    /** A 2xx list or mutation whose body says it failed ({@code success:false} / {@code status:FAILURE}). */
    GatewayException reportedFailure(String action, int status, JsonNode node, Redactor redactor) {
        redactor = redactor.withValuesIn(node);
        String description = Snippets.text(firstNonBlank(text(node, "error_description"), text(node, "message"),
                text(node, "detail")), redactor);
        String message = action + " failed: the server reported a failure"
                + (description == null ? "." : ": " + ensurePeriod(description));
        return new GatewayException(new Failure.Unexpected(), status, redactor.scrub(text(node, "error")), description,
                message, null);
    }

    private Failure classify(int status, String code, String description, JsonNode node, ProblemDetails problem,
                             String retryAfterHeader, Redactor redactor) {
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
            return new Failure.Validation(fieldErrors(node, problem, redactor));
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

    private static List<Failure.FieldError> fieldErrors(JsonNode node, ProblemDetails problem, Redactor redactor) {
        List<Failure.FieldError> out = new ArrayList<>();
        for (String name : List.of("validation_errors", "errors", "invalid_params")) {
            JsonNode list = node.get(name);
            if (list != null && list.isArray()) {
                list.forEach(e -> out.add(new Failure.FieldError(
                        Snippets.text(firstNonBlank(text(e, "field"), text(e, "name"), text(e, "pointer")), redactor),
                        Snippets.text(firstNonBlank(text(e, "message"), text(e, "reason"), text(e, "detail"),
                                e.isTextual() ? e.asText() : null), redactor))));
            }
        }
        if (problem != null) {
            problem.issues().forEach(i -> out.add(new Failure.FieldError(i.field(), i.detail())));
        }
        return out;
    }

    private Duration retryAfter(JsonNode node, String header) {
        for (String name : List.of("retry_after", "retryAfter")) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isNumber() && v.canConvertToLong()) {
                return Duration.ofSeconds(Math.max(0, v.asLong()));
            }
            Duration parsed = RetryAfter.parse(v.asText(), clock);
            if (parsed != null) {
                return parsed;
            }
        }
        return RetryAfter.parse(header, clock);
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String ensurePeriod(String s) {
        String t = s.trim();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
