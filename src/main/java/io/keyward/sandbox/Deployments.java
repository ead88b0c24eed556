package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The {@code deploymentResult} every mutation answers with. The mutation itself has already happened
 * when this is built, so the top-level "success" is always true; only the per-environment
 * (un)deployment can fail, and only the environment named by the failingEnvironment fault does.
 */
final class Deployments {
    enum Kind {
        DEPLOY("Deployment", "Deployed"),
        UNDEPLOY("Undeployment", "Undeployed");

        private final String noun;
        private final String pastTense;

        Kind(String noun, String pastTense) {
            this.noun = noun;
            this.pastTense = pastTense;
        }
    }

    private Deployments() {
    }

    static ObjectNode mutationResult(Kind kind, List<String> environmentNames, String failingEnvironment) {
        ObjectNode body = Json.object();
        body.put("success", true);
        ObjectNode result = body.putObject("deploymentResult");
        ArrayNode environmentResults = Json.array();
        int failed = 0;
        for (String environment : environmentNames) {
            boolean fails = environment.equals(failingEnvironment);
            ObjectNode entry = environmentResults.addObject();
            entry.put("environmentName", environment);
            entry.put("success", !fails);
            entry.put("message", fails
                    ? kind.noun + " failed on " + environment + ": gateway did not acknowledge within 30 s (sandbox fault)"
                    : kind.pastTense + " successfully");
            failed += fails ? 1 : 0;
        }
        result.put("success", failed == 0);
        result.put("message", failed == 0
                ? kind.noun + " completed successfully"
                : kind.noun + " completed with errors: " + failed + " of " + environmentNames.size()
                + " environments failed");
        result.set("environmentResults", environmentResults);
        return body;
    }
}
