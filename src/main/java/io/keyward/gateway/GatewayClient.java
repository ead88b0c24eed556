package io.keyward.gateway;

import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwkDeleteAction;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.model.TokenGrant;

import java.util.List;

/**
 * What the console needs from a gateway's management API. Every method blocks on network I/O, so
 * callers run it off the FX thread. Failures are thrown as {@link GatewayException} whose
 * {@link GatewayException#failure()} tells the kind; messages are plain sentences that never
 * contain the token.
 */
public interface GatewayClient {

    /** Exchanges a username and password for a personal API token. Needs no prior authentication. */
    TokenGrant createToken(String username, Secret password);

    List<Project> listProjects();

    List<Environment> listEnvironments(String projectName);

    List<CryptoKey> listKeys(String projectName);

    CryptoKey getKey(String projectName, String keyName);

    /** Deletes a key; {@code action} says what happens to the JWKs derived from it. */
    MutationResult deleteKey(String projectName, String keyName, JwkDeleteAction action);

    /** JWKs without key material. */
    List<Jwk> listJwks(String projectName);

    /** One JWK with its (public) key material. */
    Jwk getJwk(String projectName, String jwkName);

    MutationResult updateJwk(String projectName, String jwkName, JwkUpdate update);

    MutationResult deleteJwk(String projectName, String jwkName);

    List<Credential> listCredentials(String projectName);

    MutationResult setCredentialJwk(String projectName, String username, CredentialSlot slot, String jwkName);

    MutationResult removeCredentialJwk(String projectName, String username, CredentialSlot slot);

    /** A short, token-free description of where this client points, for titles and logs. */
    String describe();
}
