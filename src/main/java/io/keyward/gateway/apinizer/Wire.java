package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The management API's JSON shapes, private to this package so that neither Jackson nor wire
 * naming leaks into the model. Every field is optional: unknown fields are ignored by the mapper
 * and missing ones arrive as null.
 */
final class Wire {
    private Wire() {
    }

    /** List envelope. Projects answer {@code status: "SUCCESS"}, everything else {@code success: true}. */
    record ListEnvelope(Boolean success, String status, JsonNode resultList, Integer resultCount) {
        boolean reportsFailure() {
            return Boolean.FALSE.equals(success) || (status != null && !"SUCCESS".equalsIgnoreCase(status));
        }
    }

    record ProjectDto(String id, String name, String description) { }

    record EnvironmentDto(String id, String name, String description, String type, String status,
                          String accessUrl, Boolean deployed, Boolean redeployRequired) { }

    /** privateKey is read only as "present or not"; the material itself is never kept. */
    record KeyEnvironmentDto(String environmentName, String publicKey, JsonNode privateKey) { }

    record KeyDto(String id, String name, String description, String projectId, String keyType,
                  List<KeyEnvironmentDto> cryptoKeyInfoEnvironmentList) { }

    record JwkDto(String id, String name, String description, String projectId, String sourceType,
                  String sourceId, String sourceUrl, String type, String kid,
                  Map<String, JsonNode> rsa, Map<String, JsonNode> ec, Map<String, JsonNode> oct,
                  Map<String, JsonNode> okp) { }

    record CredentialDto(String id, String email, String fullName, String description, String username,
                         List<String> roleNameList, Boolean enabled, List<String> ipList, String expireDate) { }

    record EnvironmentResultDto(String environmentName, Boolean success, String message) { }

    record DeploymentResultDto(Boolean success, String message, List<EnvironmentResultDto> environmentResults) { }

    record MutationDto(Boolean success, DeploymentResultDto deploymentResult, String message) { }

    record TokenDto(String access_token, String token_type, Long expires_in) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JwkUpdateDto(String name, String description) { }
}
