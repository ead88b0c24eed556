package io.keyward.gateway.ampersand;

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
import java.util.List;

/**
 * Turns an unsuccessful Ampersand answer into a {@link GatewayException}: the failure kind from the
 * status, the parsed problem attached, and a message of one sentence (what was attempted, the
 * server's detail, the status). The remedy, the invalid fields and the request id stay in
 * {@link GatewayException#problem()}, whose {@link ProblemDetails#explanation()} the UI shows below.
 */
final class AmpersandErrors {

    private final ObjectMapper json;
    private final Redactor redactor;
    private final Clock clock;

    AmpersandErrors(ObjectMapper json, Redactor redactor, Clock clock) {
        this.json = json;
        this.redactor = redactor;
        this.clock = clock;
    }

    /** The problem in an answer's body; null when the body is not a JSON problem. */
    ProblemDetails problem(HttpAnswer answer) {
        return ProblemParser.parse(Json.object(json, answer.body()), answer.contentType(), redactor);
    }

    GatewayException fromAnswer(String action, HttpAnswer answer) {
        int status = answer.status();
        if (status >= 300 && status < 400) {
            return HttpFailures.redirected(action, answer, redactor);
        }
        JsonNode node = Json.object(json, answer.body());
        if (node == null) {
            return HttpFailures.notJson(action, answer, redactor, clock);
        }
        Redactor scrubber = redactor.withValuesIn(node);
        ProblemDetails problem = ProblemParser.parse(node, answer.contentType(), scrubber);
        // Not a problem but JSON: a gateway in front of the API ({"message": "..."}) or an OAuth-style body.
        String detail = problem != null ? problem.detail()
                : Snippets.text(Json.firstNonBlank(Json.text(node, "message"), Json.text(node, "error_description"),
                Json.text(node, "error")), scrubber);
        Failure failure = classify(status, problem, answer.header("Retry-After"));
        String message = action + " failed: " + sentence(failure, status, detail,
                problem == null ? null : problem.title());
        return new GatewayException(failure, status, problem == null ? null : problem.type(), detail, problem, message,
                null);
    }

    private Failure classify(int status, ProblemDetails problem, String retryAfterHeader) {
        return switch (status) {
            case 401 -> new Failure.Unauthorized();
            case 403 -> new Failure.Forbidden();
            case 404 -> new Failure.NotFound();
            case 409 -> new Failure.AlreadyExists();
            case 400, 422 -> new Failure.Validation(problem == null ? List.of() : problem.issues().stream()
                    .map(i -> new Failure.FieldError(i.field(), i.detail())).toList());
            case 429 -> new Failure.RateLimited(retryAfter(problem, retryAfterHeader));
            default -> status >= 500 ? new Failure.ServerError() : new Failure.Unexpected();
        };
    }

    /** The header (seconds or an HTTP-date) first, as HTTP defines it; else the problem's RFC 3339 time. */
    private Duration retryAfter(ProblemDetails problem, String header) {
        Duration fromHeader = RetryAfter.parse(header, clock);
        if (fromHeader != null) {
            return fromHeader;
        }
        return problem == null || problem.retryAfter() == null ? null : RetryAfter.until(problem.retryAfter(), clock);
    }

    private static String sentence(Failure failure, int status, String detail, String title) {
        String server = detail == null || detail.isBlank() ? null : stripPeriod(detail.trim());
        String http = "(HTTP " + status + ")";
        if (failure instanceof Failure.Unauthorized) {
            return "the server did not accept the API key" + (server == null ? " " + http : ": " + server + " " + http) + ".";
        }
        if (failure instanceof Failure.RateLimited r) {
            return (server == null ? "too many requests" : server) + " " + http + "; try again "
                    + (r.retryAfter() == null ? "later." : "in " + Math.max(1, r.retryAfter().toSeconds()) + " s.");
        }
        if (server != null) {
            return server + " " + http + ".";
        }
        String generic;
        if (failure instanceof Failure.Forbidden) {
            generic = "this API key is not allowed to do that";
        } else if (failure instanceof Failure.NotFound) {
            generic = "it was not found";
        } else if (failure instanceof Failure.AlreadyExists) {
            generic = "it already exists";
        } else if (failure instanceof Failure.Validation) {
            generic = "the server rejected the request";
        } else if (failure instanceof Failure.ServerError) {
            generic = "the server had an internal error";
        } else {
            return (title == null || title.isBlank() ? "the server answered HTTP " + status : stripPeriod(title.trim())
                    + " " + http) + ".";
        }
        return generic + " " + http + ".";
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
