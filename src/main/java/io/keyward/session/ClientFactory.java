package io.keyward.session;

import io.keyward.gateway.GatewayClient;

/** Makes a client for a profile; the composition root decides which adapter serves which backend. */
@FunctionalInterface
public interface ClientFactory {
    GatewayClient create(ConnectionProfile profile);
}
