package io.keyward.gateway;

import io.keyward.model.JwtKey;
import io.keyward.model.JwtKeyUpdate;
import io.keyward.model.NewJwtKey;
import io.keyward.model.Project;

import java.util.List;

/** {@link Capability#JWT_KEYS}: public keys that verify JWTs, each active or not. */
public interface JwtKeysApi {
    /** @param activeOnly ask the server for active keys only */
    List<JwtKey> listJwtKeys(Project project, boolean activeOnly);

    JwtKey getJwtKey(Project project, String keyId);

    /** @return the new key's id; a new key starts active */
    String createJwtKey(Project project, NewJwtKey key);

    /** @return the key as the server has it after the update */
    JwtKey updateJwtKey(Project project, String keyId, JwtKeyUpdate update);

    void deleteJwtKey(Project project, String keyId);
}
