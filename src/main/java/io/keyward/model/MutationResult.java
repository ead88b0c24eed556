package io.keyward.model;

/**
 * A mutating call's answer. The operation's own success is kept apart from its deployment so that
 * "deleted, but undeploy failed in staging" is representable. {@code deployment} is null when the
 * server sent no deployment result.
 */
public record MutationResult(boolean success, DeploymentResult deployment) {

    public enum Outcome { SUCCEEDED, COMPLETED_WITH_DEPLOYMENT_FAILURES, FAILED }

    public Outcome outcome() {
        if (!success) {
            return Outcome.FAILED;
        }
        if (deployment != null && (!deployment.success() || !deployment.failures().isEmpty())) {
            return Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES;
        }
        return Outcome.SUCCEEDED;
    }
}
