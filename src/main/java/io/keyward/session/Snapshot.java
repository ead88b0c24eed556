package io.keyward.session;

import io.keyward.gateway.GatewayClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;

import java.util.List;

/**
 * Everything the console shows for one project, loaded together, through one connection. A list
 * the backend does not offer is empty and never shown. Confirmation dialogs load a fresh one before
 * they open, so the impact they show is the server's current state, not the table's.
 */
public record Snapshot(Connection connection, Project project, List<Environment> environments,
                       List<CryptoKey> keys, List<Jwk> jwks, List<Credential> credentials, List<JwtKey> jwtKeys) {

    public Snapshot {
        environments = List.copyOf(environments);
        keys = List.copyOf(keys);
        jwks = List.copyOf(jwks);
        credentials = List.copyOf(credentials);
        jwtKeys = List.copyOf(jwtKeys);
    }

    public static Snapshot load(Connection connection, Project project) {
        GatewayClient c = connection.client();
        return new Snapshot(connection, project,
                c.environments().map(api -> api.listEnvironments(project)).orElse(List.of()),
                c.keys().map(api -> api.listKeys(project)).orElse(List.of()),
                c.jwks().map(api -> api.listJwks(project)).orElse(List.of()),
                c.credentials().map(api -> api.listCredentials(project)).orElse(List.of()),
                c.jwtKeys().map(api -> api.listJwtKeys(project, false)).orElse(List.of()));
    }

    public GatewayClient client() {
        return connection.client();
    }

    public List<String> environmentNames() {
        return environments.stream().map(Environment::name).toList();
    }
}
