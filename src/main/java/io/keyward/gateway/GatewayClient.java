package io.keyward.gateway;

import io.keyward.model.Project;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connected backend, independent of which gateway it is. Every backend lists projects; what else
 * it can do it offers through the optional feature views below, and {@link #capabilities()} is
 * derived from them, so the two can never disagree.
 *
 * <p>Every call blocks on network I/O, so callers run it off the FX thread. Failures are thrown as
 * {@link GatewayException}, whose {@link GatewayException#failure()} tells the kind; messages are
 * plain sentences that never contain a token, a password or key material.
 */
public interface GatewayClient {

    BackendKind kind();

    /** A short, secret-free description of where this client points, for titles and logs. */
    String describe();

    List<Project> listProjects();

    default Optional<EnvironmentsApi> environments() {
        return Optional.empty();
    }

    default Optional<KeysApi> keys() {
        return Optional.empty();
    }

    default Optional<JwksApi> jwks() {
        return Optional.empty();
    }

    default Optional<CredentialsApi> credentials() {
        return Optional.empty();
    }

    default Optional<CredentialJwkSlotsApi> credentialJwkSlots() {
        return Optional.empty();
    }

    default Optional<JwtKeysApi> jwtKeys() {
        return Optional.empty();
    }

    default Set<Capability> capabilities() {
        Set<Capability> set = EnumSet.of(Capability.PROJECTS);
        environments().ifPresent(x -> set.add(Capability.ENVIRONMENTS));
        keys().ifPresent(x -> set.add(Capability.KEYS));
        jwks().ifPresent(x -> set.add(Capability.JWKS));
        credentials().ifPresent(x -> set.add(Capability.CREDENTIALS));
        credentialJwkSlots().ifPresent(x -> set.add(Capability.CREDENTIAL_JWK_SLOTS));
        jwtKeys().ifPresent(x -> set.add(Capability.JWT_KEYS));
        return Set.copyOf(set);
    }

    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }
}
