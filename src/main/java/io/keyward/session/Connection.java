package io.keyward.session;

import io.keyward.gateway.Capability;
import io.keyward.gateway.GatewayClient;

import java.util.Objects;
import java.util.Set;

/**
 * The backend the console is connected to: the profile it came from and the client speaking to it.
 * Compared by identity: connecting again, even with the same profile, is a new connection, so an
 * answer loaded through the old one is never taken for the new one's.
 */
public final class Connection {
    private final ConnectionProfile profile;
    private final GatewayClient client;

    public Connection(ConnectionProfile profile, GatewayClient client) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.client = Objects.requireNonNull(client, "client");
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public GatewayClient client() {
        return client;
    }

    public Set<Capability> capabilities() {
        return client.capabilities();
    }

    /** Names the connection and its server, never a secret: for confirmations and results. */
    public String describe() {
        return profile.describe();
    }

    @Override
    public String toString() {
        return "Connection[" + describe() + "]";
    }
}
