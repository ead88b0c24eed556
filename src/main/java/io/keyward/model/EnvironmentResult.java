package io.keyward.model;

/** One environment's deploy or undeploy outcome after a mutation. */
public record EnvironmentResult(String environmentName, boolean success, String message) {
    public EnvironmentResult {
        environmentName = environmentName == null ? "(unnamed environment)" : environmentName;
        message = message == null ? "" : message;
    }
}
