package io.keyward.gateway;

import io.keyward.model.Jwk;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;

import java.util.List;

/** {@link Capability#JWKS}: JSON Web Keys. */
public interface JwksApi {
    /** JWKs without key material. */
    List<Jwk> listJwks(Project project);

    /** One JWK with its public key material (private members are dropped at the client boundary). */
    Jwk getJwk(Project project, String jwkName);

    MutationResult updateJwk(Project project, String jwkName, JwkUpdate update);

    MutationResult deleteJwk(Project project, String jwkName);
}
