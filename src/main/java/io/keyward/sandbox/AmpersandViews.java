package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The /v1 JSON shapes: Project, JWTKey and JWTKeyResponse, member for member as the OpenAPI names them. */
final class AmpersandViews {
    /** Plan features are not modelled; these are what a small plan would plausibly report. */
    private static final boolean BRANDING_REMOVED = false;
    private static final int LOG_RETENTION_DAYS = 7;

    private AmpersandViews() {
    }

    static ArrayNode projects(List<AmpersandProject> projects) {
        ArrayNode array = Json.array();
        projects.forEach(project -> array.add(project(project, false)));
        return array;
    }

    static ObjectNode project(AmpersandProject project, boolean withEntitlements) {
        ObjectNode node = Json.object();
        node.put("id", project.id());
        node.put("name", project.name());
        node.put("appName", project.appName());
        node.put("orgId", project.orgId());
        node.put("createTime", Rfc3339.format(project.createTime()));
        node.put("updateTime", Rfc3339.format(project.updateTime()));
        if (withEntitlements) {
            ObjectNode entitlements = node.putObject("entitlements");
            entitlements.putObject("brandingRemoval").put("value", BRANDING_REMOVED);
            entitlements.putObject("logRetentionDays").put("value", LOG_RETENTION_DAYS);
        }
        return node;
    }

    static ArrayNode keys(List<JwtKeyRecord> keys) {
        ArrayNode array = Json.array();
        keys.forEach(key -> array.add(key(key)));
        return array;
    }

    static ObjectNode key(JwtKeyRecord key) {
        ObjectNode node = Json.object();
        node.put("id", key.id());
        node.put("projectId", key.projectId());
        node.put("label", key.label());
        node.put("algorithm", key.algorithm());
        node.put("publicKeyPem", key.publicKeyPem());
        node.put("active", key.active());
        node.put("createTime", Rfc3339.format(key.createTime()));
        node.put("updateTime", Rfc3339.format(key.updateTime()));
        return node;
    }

    static ObjectNode kid(JwtKeyRecord key) {
        ObjectNode node = Json.object();
        node.put("kid", key.id());
        return node;
    }
}
