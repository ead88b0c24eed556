package io.keyward.ui.results;

import io.keyward.session.ResultEntry;
import io.keyward.session.ResultLog;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.DeploymentResult;
import io.keyward.model.EnvironmentResult;
import io.keyward.model.MutationResult;
import io.keyward.ui.SandboxFixture;
import io.keyward.ui.credentials.CredentialListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsViewModelTest {

    SandboxFixture fx;
    ResultsViewModel results;
    CredentialListViewModel credentials;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        results = fx.main.results();
        credentials = fx.main.credentials();
        fx.connect();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** Removes a filled slot of some credential in the open project: one redeploying mutation. */
    void removeSomeSlot() {
        Credential c = fx.workspace().credentials().stream()
                .filter(x -> x.jwks().validationJwkName() != null).findFirst().orElseThrow();
        credentials.selectedProperty().set(c);
        fx.dialogs.confirmSlotRemoval();
        credentials.removeJwk(CredentialSlot.VALIDATION);
    }

    @Test
    void aCleanMutationSucceedsWithARowPerEnvironment() {
        removeSomeSlot();

        assertEquals(1, results.entries().size());
        ResultEntry e = results.entries().get(0);
        assertEquals(ResultEntry.Outcome.SUCCEEDED, e.outcome());
        assertEquals("Succeeded", e.outcome().label());
        assertEquals(SandboxFixture.NOW, e.time(), "stamped by the console's clock");
        assertEquals(fx.workspace().environmentNames(),
                e.environments().stream().map(ResultEntry.EnvironmentRow::environment).toList());
        assertTrue(e.environments().stream().allMatch(ResultEntry.EnvironmentRow::success));
        assertEquals("Deployment completed successfully", e.message());
    }

    @Test
    void aFailingEnvironmentMakesItCompletedWithDeploymentFailures() {
        fx.faults().setFailingEnvironment("staging");

        removeSomeSlot();

        ResultEntry e = results.entries().get(0);
        assertEquals(ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES, e.outcome());
        assertEquals("Completed with deployment failures", e.outcome().label());
        ResultEntry.EnvironmentRow staging = e.environments().stream()
                .filter(r -> r.environment().equals("staging")).findFirst().orElseThrow();
        assertFalse(staging.success());
        assertTrue(staging.message().contains("staging"), staging.message());
        assertTrue(e.environments().stream().filter(r -> !r.environment().equals("staging"))
                .allMatch(ResultEntry.EnvironmentRow::success));
        assertTrue(e.message().endsWith("(failed: staging)"), e.message());
        assertTrue(e.message().startsWith("Deployment completed with errors: 1 of 3"), e.message());
        assertEquals("", fx.main.notificationProperty().get(), "the change itself happened: no failure banner");
    }

    @Test
    void aMutationRejectedAsForbiddenFails() {
        fx.main.connect(fx.profile(fx.sandbox.readOnlyToken()));
        assertFalse(fx.workspace().credentials().isEmpty(), "the read-only token can read");

        removeSomeSlot();

        ResultEntry e = results.entries().get(0);
        assertEquals(ResultEntry.Outcome.FAILED, e.outcome());
        assertEquals("Failed", e.outcome().label());
        assertTrue(e.message().contains("(HTTP 403)"), e.message());
        assertTrue(e.environments().isEmpty(), "nothing was deployed");
        assertEquals(e.message() + " This connection cannot make changes: they are disabled until you reconnect or "
                + "refresh.", fx.main.notificationProperty().get(), "a readable banner, not only a results row");
        assertTrue(fx.workspace().isReadOnly());
        assertTrue(fx.dialogs.reconnectOffers.isEmpty(), "403 is not a session problem");
    }

    @Test
    void aServerErrorDuringTheMutationFails() {
        fx.dialogs.whileRemoveSlotOpen(d -> fx.faults().setErrorRate(1.0)); // breaks while the dialog is open
        removeSomeSlot();
        fx.faults().reset();

        ResultEntry e = results.entries().get(0);
        assertEquals(ResultEntry.Outcome.FAILED, e.outcome());
        assertTrue(e.message().startsWith("Removing the validation JWK of credential"), e.message());
        assertTrue(e.message().endsWith("An unexpected error occurred (HTTP 500)."), e.message());
    }

    @Test
    void newestFirstAndCopyableAsText() {
        removeSomeSlot();
        fx.faults().setFailingEnvironment("staging");
        removeSomeSlot();

        assertEquals(2, results.entries().size());
        ResultEntry newest = results.entries().get(0);
        ResultEntry oldest = results.entries().get(1);
        assertEquals(ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES, newest.outcome());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, oldest.outcome());

        String text = newest.asText(ZoneOffset.UTC);
        assertTrue(text.startsWith("2025-06-01T09:30:00Z  Remove validation JWK  " + newest.target()
                + "  Completed with deployment failures"), text);
        for (ResultEntry.EnvironmentRow row : newest.environments()) {
            String line = "  " + row.environment() + ": " + (row.success() ? "OK" : "FAILED") + " \u2013 " + row.message();
            assertTrue(text.contains(line), text + "\nshould contain\n" + line);
        }
        assertTrue(text.contains("staging: FAILED"));
        assertEquals(newest.asText(results.zone()) + "\n\n" + oldest.asText(results.zone()),
                results.asText(List.copyOf(results.entries())));
        assertEquals("09:30:00", newest.timeText(results.zone()));
    }

    @Test
    void aMutationWithoutDeploymentResultSaysSo() {
        ResultLog standalone = new ResultLog(Clock.fixed(SandboxFixture.NOW, ZoneOffset.UTC));
        ResultLog.Scope scope = new ResultLog.Scope("Lab (Apinizer, https://lab.example)", "admin", "p", true);
        ResultEntry e = standalone.record(scope, "Delete JWK", "p / j", new MutationResult(true, null));
        assertEquals(ResultEntry.Outcome.SUCCEEDED, e.outcome());
        assertEquals("The server reported no per-environment deployment result.", e.message());

        ResultEntry silentFailure = standalone.record(scope, "Delete JWK", "p / j", new MutationResult(true,
                new DeploymentResult(false, null, List.of(new EnvironmentResult("prod", false, null)))));
        assertEquals(ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES, silentFailure.outcome());
        assertEquals("Deployment failed (failed: prod)", silentFailure.message());
        assertEquals(List.of(silentFailure, e), List.copyOf(standalone.entries()));
    }
}
