package io.keyward.ui.connect;

import io.keyward.gateway.GatewayClient;

/** Makes a client for a profile; the composition root decides which implementation. */
@FunctionalInterface
public interface ClientFactory {
    GatewayClient create(ConnectionProfile profile);
}
