package io.keyward.gateway;

import io.keyward.model.CredentialSlot;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;

/** {@link Capability#CREDENTIAL_JWK_SLOTS}: putting a JWK into a credential's slot or emptying it. */
public interface CredentialJwkSlotsApi {
    MutationResult setCredentialJwk(Project project, String username, CredentialSlot slot, String jwkName);

    MutationResult removeCredentialJwk(Project project, String username, CredentialSlot slot);
}
