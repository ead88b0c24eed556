package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful /v1 answer; a null body means 204 with no body at all. */
record AmpersandReply(int status, JsonNode body) {
    /** One /v1 endpoint; failures are thrown as {@link ProblemException}. */
    @FunctionalInterface
    interface Endpoint {
        AmpersandReply handle(ApiRequest request);
    }

    static AmpersandReply ok(JsonNode body) {
        return new AmpersandReply(200, body);
    }

    static AmpersandReply created(JsonNode body) {
        return new AmpersandReply(201, body);
    }

    static AmpersandReply noContent() {
        return new AmpersandReply(204, null);
    }
}
