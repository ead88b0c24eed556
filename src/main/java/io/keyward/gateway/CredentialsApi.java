package io.keyward.gateway;

import io.keyward.model.Credential;
import io.keyward.model.Project;

import java.util.List;

/** {@link Capability#CREDENTIALS}: API credentials, with their JWK slots where the server reports them. */
public interface CredentialsApi {
    List<Credential> listCredentials(Project project);
}
