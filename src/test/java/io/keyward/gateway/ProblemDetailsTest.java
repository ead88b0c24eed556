package io.keyward.gateway;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemDetailsTest {

    @Test
    void explanationSaysWhatToDoWhichInputsWhyAndWhatToQuote() {
        ProblemDetails p = new ProblemDetails("urn:t", "Bad Request", 400, "invalid", "urn:i", " use RSA ",
                List.of("db down", "retry failed"), "req-7", null, Instant.parse("2026-03-01T12:00:45.123Z"),
                List.of(new ProblemDetails.Issue("algorithm", "only RSA", "use RSA"),
                        new ProblemDetails.Issue("count", "must be a number", "send digits", "query"),
                        new ProblemDetails.Issue(null, null, null)));
        assertEquals(List.of(
                "Remedy: use RSA",
                "Field algorithm: only RSA",
                "Field count (in query): must be a number \u2014 send digits",
                "Field (unnamed)",
                "Causes: db down; retry failed",
                "Retry after 2026-03-01T12:00:45Z.",
                "Request id: req-7"), p.explanation());
        assertEquals(List.of("algorithm", "count"), p.fieldNames());
    }

    @Test
    void retryableAndInstanceAreShownOnlyWhenTheyAddSomething() {
        assertEquals(List.of("Retrying will not help.", "Problem instance: urn:i"),
                new ProblemDetails(null, null, null, null, "urn:i", null, null, null, false, null, null).explanation());
        assertEquals(List.of("The request can be retried."),
                new ProblemDetails(null, null, null, null, null, null, null, null, true, null, null).explanation());
        assertTrue(new ProblemDetails(null, "Not Found", 404, "gone", null, " ", null, "", null, null, null)
                .explanation().isEmpty());
    }
}
