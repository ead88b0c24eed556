package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One /apiops endpoint: who may call it and what answers a 200. Failures are thrown as {@link ApiException}. */
record ApiRoute(Access access, Endpoint endpoint) {
    enum Access {
        /** Authenticates by user and password instead of a token. */
        PUBLIC,
        READ,
        /** Refused to the read-only token. */
        WRITE
    }

    @FunctionalInterface
    interface Endpoint {
        ObjectNode handle(ApiRequest request);
    }

    static ApiRoute read(Endpoint endpoint) {
        return new ApiRoute(Access.READ, endpoint);
    }

    static ApiRoute write(Endpoint endpoint) {
        return new ApiRoute(Access.WRITE, endpoint);
    }
}
