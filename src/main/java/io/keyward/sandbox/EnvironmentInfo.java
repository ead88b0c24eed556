package io.keyward.sandbox;

/** A gateway environment; {@code type} is one of the published PRODUCTION, SANDBOX, TEST. */
record EnvironmentInfo(String id, String name, String description, String type, String accessUrl) {
}
