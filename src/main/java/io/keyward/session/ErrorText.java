package io.keyward.session;

import io.keyward.gateway.GatewayException;
import io.keyward.gateway.ProblemDetails;

import java.util.List;

/** Turns any failure into a sentence fit for the UI: no stack traces, no class names from deep inside. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String sentence(Throwable t) {
        if (t instanceof GatewayException g) {
            return g.getMessage();
        }
        if (t instanceof NotJournalledException) {
            return t.getMessage();
        }
        if (t instanceof IllegalArgumentException && t.getMessage() != null) {
            return t.getMessage();
        }
        return "Something unexpected went wrong (" + t.getClass().getSimpleName() + "). The action may not have run.";
    }

    /** What a server's problem details add to the sentence: remedy, fields, causes, request id. */
    public static List<String> details(Throwable t) {
        if (t instanceof GatewayException g && g.problem() != null) {
            return g.problem().explanation();
        }
        return List.of();
    }

    /** The request id to quote to the vendor's support, or null. */
    public static String requestId(Throwable t) {
        ProblemDetails p = t instanceof GatewayException g ? g.problem() : null;
        return p == null || p.requestId() == null || p.requestId().isBlank() ? null : p.requestId();
    }

    public static boolean isUnauthorized(Throwable t) {
        return t instanceof GatewayException g && g.isUnauthorized();
    }
}
