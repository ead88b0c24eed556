package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The management API's JSON shapes of changes and signing in, private to this package so that neither
 * Jackson nor wire naming leaks into the model (list answers are read by {@link ListReader}). Every
 * field is optional: unknown fields are ignored by the mapper and missing ones arrive as null.
 */
final class Wire {
    private Wire() {
    }

    record EnvironmentResultDto(String environmentName, Boolean success, String message) { }

    record DeploymentResultDto(Boolean success, String message, List<EnvironmentResultDto> environmentResults) { }

    record MutationDto(Boolean success, DeploymentResultDto deploymentResult, String message) { }

    record TokenDto(String access_token, String token_type, Long expires_in) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JwkUpdateDto(String name, String description) { }
}
