package io.keyward.ui.main;

import io.keyward.gateway.GatewayClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;

import java.util.List;

/**
 * Everything the console shows for one project, loaded together. Confirmation dialogs load a fresh
 * one before they open, so the impact they show is the server's current state, not the table's.
 */
public record Snapshot(String project, List<Environment> environments, List<CryptoKey> keys, List<Jwk> jwks,
                       List<Credential> credentials) {

    public static Snapshot load(GatewayClient client, String project) {
        io.keyward.model.Project p = io.keyward.model.Project.named(project);
        return new Snapshot(project, client.environments().orElseThrow().listEnvironments(p),
                client.keys().orElseThrow().listKeys(p), client.jwks().orElseThrow().listJwks(p),
                client.credentials().orElseThrow().listCredentials(p));
    }
}
