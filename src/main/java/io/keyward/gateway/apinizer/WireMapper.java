package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.gateway.http.Redactor;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CryptoKey;
import io.keyward.model.DeploymentResult;
import io.keyward.model.Environment;
import io.keyward.model.EnvironmentResult;
import io.keyward.model.Jwk;
import io.keyward.model.JwkMaterial;
import io.keyward.model.JwkSourceType;
import io.keyward.model.KeyEnvironment;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wire DTOs to model records. Pure functions; the one place that knows both shapes. */
final class WireMapper {

    /** JWK parameters that are public per RFC 7518/8037; every other member is treated as secret. */
    private static final Map<String, Set<String>> PUBLIC_PARAMS = Map.of(
            "rsa", Set.of("n", "e"),
            "ec", Set.of("crv", "x", "y"),
            "okp", Set.of("crv", "x"),
            "oct", Set.of());

    private WireMapper() {
    }

    static Project project(Wire.ProjectDto dto) {
        return new Project(dto.id(), dto.name(), dto.description());
    }

    static Environment environment(Wire.EnvironmentDto dto) {
        return new Environment(dto.name(), dto.description(), dto.type(), dto.status(), dto.accessUrl(),
                dto.deployed(), dto.redeployRequired());
    }

    static CryptoKey key(Wire.KeyDto dto) {
        List<KeyEnvironment> envs = dto.cryptoKeyInfoEnvironmentList() == null ? List.of()
                : dto.cryptoKeyInfoEnvironmentList().stream()
                .filter(e -> e != null && e.environmentName() != null)
                .map(e -> new KeyEnvironment(e.environmentName(), e.publicKey(), isPresent(e.privateKey())))
                .toList();
        return new CryptoKey(dto.id(), dto.name(), dto.description(), dto.projectId(), dto.keyType(), envs);
    }

    static Jwk jwk(Wire.JwkDto dto) {
        return new Jwk(dto.id(), dto.name(), dto.description(), dto.projectId(),
                JwkSourceType.parse(dto.sourceType()), dto.sourceId(), dto.sourceUrl(), dto.type(), dto.kid(),
                material(dto));
    }

    /** Null when the server sent no material (the list endpoint). */
    private static JwkMaterial material(Wire.JwkDto dto) {
        Map<String, String> publicParams = new HashMap<>();
        Set<String> privateNames = new HashSet<>();
        boolean any = collect("rsa", dto.rsa(), publicParams, privateNames)
                | collect("ec", dto.ec(), publicParams, privateNames)
                | collect("oct", dto.oct(), publicParams, privateNames)
                | collect("okp", dto.okp(), publicParams, privateNames);
        return any ? new JwkMaterial(publicParams, privateNames) : null;
    }

    private static boolean collect(String kind, Map<String, JsonNode> members, Map<String, String> publicParams,
                                   Set<String> privateNames) {
        if (members == null || members.isEmpty()) {
            return false;
        }
        Set<String> publicNames = PUBLIC_PARAMS.get(kind);
        members.forEach((name, value) -> {
            if (!isPresent(value)) {
                return;
            }
            if (publicNames.contains(name)) {
                publicParams.put(name, value.asText());
            } else {
                privateNames.add(name);
            }
        });
        return true;
    }

    static Credential credential(Wire.CredentialDto dto, JsonNode raw) {
        // The published API does not report slot contents; only a server that sends the fields
        // (even as null) tells us what the slots hold. Absent fields mean "unknown", not "empty".
        CredentialJwks jwks = null;
        if (raw.has("validationJwkName") || raw.has("encryptionJwkName")) {
            jwks = new CredentialJwks(text(raw.get("validationJwkName")), text(raw.get("encryptionJwkName")));
        }
        return new Credential(dto.id(), dto.username(), dto.fullName(), dto.email(), dto.description(),
                !Boolean.FALSE.equals(dto.enabled()), instant(dto.expireDate()), dto.roleNameList(), dto.ipList(),
                jwks);
    }

    /** The deployment's messages are server text shown in the results: scrubbed like a failure's. */
    static MutationResult mutation(Wire.MutationDto dto, Redactor redactor) {
        DeploymentResult deployment = null;
        if (dto.deploymentResult() != null) {
            Wire.DeploymentResultDto d = dto.deploymentResult();
            List<EnvironmentResult> envs = d.environmentResults() == null ? List.of()
                    : d.environmentResults().stream()
                    .filter(e -> e != null)
                    .map(e -> new EnvironmentResult(e.environmentName(), Boolean.TRUE.equals(e.success()),
                            redactor.scrub(e.message())))
                    .toList();
            deployment = new DeploymentResult(!Boolean.FALSE.equals(d.success()), redactor.scrub(d.message()), envs);
        }
        // A 200 without "success" is taken at its status code's word.
        return new MutationResult(!Boolean.FALSE.equals(dto.success()), deployment);
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null; // an unreadable expiry is shown as "not set" rather than failing the list
            }
        }
    }

    private static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isEmpty());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
