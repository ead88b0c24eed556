package io.keyward.sandbox;

import java.time.Instant;

/** An Ampersand project as GET /v1/projects shows it. */
record AmpersandProject(String id, String name, String appName, String orgId, Instant createTime,
                        Instant updateTime) {
}
