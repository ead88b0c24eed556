package io.keyward.model;

import java.util.List;

/** The deploy/undeploy part of a mutation's answer, one entry per environment. */
public record DeploymentResult(boolean success, String message, List<EnvironmentResult> environmentResults) {
    public DeploymentResult {
        message = message == null ? "" : message;
        environmentResults = environmentResults == null ? List.of() : List.copyOf(environmentResults);
    }

    public List<EnvironmentResult> failures() {
        return environmentResults.stream().filter(r -> !r.success()).toList();
    }
}
