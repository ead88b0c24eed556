package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.KeyPair;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** The published response shapes, field by field. */
final class Views {
    /** Always three fraction digits and a 'Z', e.g. 2027-03-31T23:59:59.000Z, as the reference shows. */
    private static final DateTimeFormatter EXPIRE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Keys travel as standard base64 of their DER (X.509 / PKCS#8); JWK members use base64url. */
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private Views() {
    }

    /** Projects answer with "status":"SUCCESS" where everything else says "success":true. */
    static ObjectNode projects(List<ProjectInfo> projects) {
        ObjectNode body = Json.object();
        body.put("status", "SUCCESS");
        ArrayNode list = body.putArray("resultList");
        for (ProjectInfo project : projects) {
            ObjectNode node = list.addObject();
            node.put("id", project.id());
            node.put("name", project.name());
            node.put("description", project.description());
        }
        body.put("resultCount", projects.size());
        return body;
    }

    static ObjectNode environments(List<EnvironmentInfo> environments) {
        ObjectNode body = resultList(environments, environment -> {
            ObjectNode node = Json.object();
            node.put("id", environment.id());
            node.put("name", environment.name());
            node.put("description", environment.description());
            node.put("type", environment.type());
            node.put("status", "PUBLISHED");
            node.put("accessUrl", environment.accessUrl());
            node.put("deployed", true);
            node.put("redeployRequired", false);
            return node;
        });
        body.put("resultCount", environments.size());
        return body;
    }

    static ObjectNode keys(List<KeyRecord> keys) {
        return resultList(keys, Views::key);
    }

    private static ObjectNode key(KeyRecord key) {
        ObjectNode node = Json.object();
        node.put("id", key.id());
        node.put("name", key.name());
        node.put("description", key.description());
        node.put("projectId", key.projectId());
        node.put("keyType", key.keyType());
        KeyPair pair = key.pair().get();
        String publicKey = BASE64.encodeToString(pair.getPublic().getEncoded());
        String privateKey = BASE64.encodeToString(pair.getPrivate().getEncoded());
        ArrayNode environments = node.putArray("cryptoKeyInfoEnvironmentList");
        for (String environmentName : key.environmentNames()) {
            ObjectNode entry = environments.addObject();
            entry.put("environmentName", environmentName);
            entry.put("publicKey", publicKey);
            entry.put("privateKey", privateKey);
        }
        return node;
    }

    /** The list leaves key material out, as the published list does. */
    static ObjectNode jwkList(List<JwkRecord> jwks) {
        return resultList(jwks, Views::jwkSummary);
    }

    static ObjectNode jwkWithMaterial(JwkRecord jwk) {
        return resultList(List.of(jwk), j -> {
            ObjectNode node = jwkSummary(j);
            JwkParams params = j.material().get();
            ObjectNode material = node.putObject(params.member());
            params.values().forEach(material::put);
            return node;
        });
    }

    private static ObjectNode jwkSummary(JwkRecord jwk) {
        ObjectNode node = Json.object();
        node.put("id", jwk.id());
        node.put("name", jwk.name());
        node.put("description", jwk.description());
        node.put("projectId", jwk.projectId());
        node.put("sourceType", jwk.sourceType().name());
        node.put("sourceId", jwk.sourceId());
        node.put("sourceUrl", jwk.sourceUrl());
        node.put("type", jwk.type());
        node.put("kid", jwk.kid().get());
        return node;
    }

    /** validationJwkName and encryptionJwkName are the sandbox's own additions to the published shape. */
    static ObjectNode credentials(List<SandboxStore.CredentialView> credentials) {
        return resultList(credentials, view -> {
            CredentialRecord credential = view.credential();
            ObjectNode node = Json.object();
            node.put("id", credential.id());
            node.put("email", credential.email());
            node.put("fullName", credential.fullName());
            node.put("description", credential.description());
            node.put("username", credential.username());
            node.putNull("password");
            node.set("roleNameList", Json.strings(credential.roleNameList()));
            node.put("enabled", credential.enabled());
            node.set("ipList", Json.strings(credential.ipList()));
            node.put("expireDate", credential.expireDate() == null ? null : EXPIRE_DATE.format(credential.expireDate()));
            node.put("validationJwkName", view.validationJwkName());
            node.put("encryptionJwkName", view.encryptionJwkName());
            return node;
        });
    }

    private static <T> ObjectNode resultList(List<T> items, Function<T, ObjectNode> view) {
        ObjectNode body = Json.object();
        body.put("success", true);
        ArrayNode list = body.putArray("resultList");
        items.forEach(item -> list.add(view.apply(item)));
        return body;
    }
}
