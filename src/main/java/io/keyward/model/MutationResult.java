package io.keyward.model;

/**
 * A mutating call's answer. The operation's own success is kept apart from its deployment so that
 * "deleted, but undeploy failed in staging" is representable. {@code deployment} is null when the
 * server sent no deployment result (or has no environments); {@code note} is what the server said
 * worth keeping, e.g. the id of a created key ("" when nothing).
 */
public record MutationResult(boolean success, DeploymentResult deployment, String note) {

    public enum Outcome { SUCCEEDED, COMPLETED_WITH_DEPLOYMENT_FAILURES, FAILED }

    public MutationResult {
        note = note == null ? "" : note;
    }

    public MutationResult(boolean success, DeploymentResult deployment) {
        this(success, deployment, "");
    }

    /** Done, on a backend that reports no deployments. */
    public static MutationResult done(String note) {
        return new MutationResult(true, null, note);
    }

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
