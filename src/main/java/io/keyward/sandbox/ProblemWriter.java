package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Turns a {@link ProblemException} into the /v1 wire format and sends it. */
final class ProblemWriter {
    static final String MEDIA_TYPE = "application/problem+json";

    /** requestId is this run's id and a counter, the shape of Ampersand's own ("<uuid>#87715"). */
    private final String runId = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    ProblemWriter(Clock clock) {
        this.clock = clock;
    }

    void send(HttpExchange exchange, ProblemException problem) throws IOException {
        HttpIo.send(exchange, problem.status(), MEDIA_TYPE, Json.bytes(toJson(problem)), problem.headers());
    }

    ObjectNode toJson(ProblemException problem) {
        Instant now = Rfc3339.now(clock);
        ObjectNode node = Json.object();
        node.put("type", "https://httpstatuses.com/" + problem.status());
        node.put("title", title(problem.status()));
        node.put("status", problem.status());
        node.put("detail", problem.detail());
        if (problem.remedy() != null) {
            node.put("remedy", problem.remedy());
        }
        node.put("subsystem", "api");
        node.put("time", Rfc3339.format(now));
        node.put("requestId", runId + "#" + sequence.incrementAndGet());
        if (!problem.causes().isEmpty()) {
            node.set("causes", Json.strings(problem.causes()));
        }
        if (!problem.issues().isEmpty()) {
            ArrayNode issues = node.putArray("validationIssues");
            problem.issues().forEach(issue -> issues.add(issue.toJson()));
        }
        if (problem.retryAfter() != null) {
            node.put("retryable", true);
            node.put("retryAfter", Rfc3339.format(now.plus(problem.retryAfter())));
        }
        return node;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 421 -> "Misdirected Request";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
