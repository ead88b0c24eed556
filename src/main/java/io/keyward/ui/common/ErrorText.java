package io.keyward.ui.common;

import io.keyward.gateway.GatewayException;

/** Turns any failure into a sentence fit for the UI: no stack traces, no class names from deep inside. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String sentence(Throwable t) {
        if (t instanceof GatewayException g) {
            return g.getMessage();
        }
        if (t instanceof IllegalArgumentException && t.getMessage() != null) {
            return t.getMessage();
        }
        return "Something unexpected went wrong (" + t.getClass().getSimpleName() + "). The action may not have run.";
    }

    public static boolean isUnauthorized(Throwable t) {
        return t instanceof GatewayException g && g.isUnauthorized();
    }
}
