package io.keyward.roundtrip;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.journal.CheckTarget;
import io.keyward.model.CredentialSlot;
import io.keyward.model.Credential;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.Jwk;
import io.keyward.model.JwkUpdate;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import io.keyward.session.OutcomeCheck;
import io.keyward.session.TargetCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the journal keeps of a change's target is enough to tell, after a restart, whether the change
 * happened: checked over HTTP against the sandbox, before and after the change is made.
 */
class TargetCheckRoundTripTest {

    SandboxServer sandbox;
    ApinizerClient client;
    final Project payments = Project.named("payments");

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        client = new ApinizerClient(ConnectionSettings.of(sandbox.baseUrl(),
                new Authentication.PersonalToken(Secret.of(sandbox.adminToken()))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    OutcomeCheck.Verdict verdict(CheckTarget t) throws Exception {
        return TargetCheck.of(client, t).check().verdict();
    }

    @Test
    void aKeyDeletionIsFoundNotToHaveHappenedThenToHaveHappened() throws Exception {
        CheckTarget t = new CheckTarget("key", "payments", null, "webhook-ed25519", null, true, false, Map.of(), Map.of());
        assertEquals(OutcomeCheck.Verdict.DID_NOT_HAPPEN, verdict(t));
        client.deleteKey(payments, "webhook-ed25519", DerivedJwkPolicy.KEEP);
        assertEquals(OutcomeCheck.Verdict.HAPPENED, verdict(t));
    }

    @Test
    void aJwkDescriptionIsComparedWithBeforeAndAfter() throws Exception {
        Jwk jwk = client.listJwks(payments).get(0);
        CheckTarget t = new CheckTarget("jwk", "payments", null, jwk.name(), jwk.id(), false, false,
                Map.of("description", jwk.description()), Map.of("description", "Rotated by ops, see runbook"));
        assertEquals(OutcomeCheck.Verdict.DID_NOT_HAPPEN, verdict(t));
        client.updateJwk(payments, jwk.name(), new JwkUpdate(null, "Rotated by ops, see runbook"));
        assertEquals(OutcomeCheck.Verdict.HAPPENED, verdict(t));
        client.updateJwk(payments, jwk.name(), new JwkUpdate(null, "someone else's text"));
        assertEquals(OutcomeCheck.Verdict.CHANGED_OTHERWISE, verdict(t));
    }

    @Test
    void aCredentialSlotIsReadBack() throws Exception {
        Credential c = client.listCredentials(payments).stream().filter(x -> x.slotsReported()
                && x.jwks().nameIn(CredentialSlot.VALIDATION) != null).findFirst().orElseThrow();
        String held = c.jwks().nameIn(CredentialSlot.VALIDATION);
        CheckTarget t = new CheckTarget("credential", "payments", null, c.username(), c.id(), false, false,
                Map.of("validation", held), Map.of("validation", ""));
        assertEquals(OutcomeCheck.Verdict.DID_NOT_HAPPEN, verdict(t));
        client.removeCredentialJwk(payments, c.username(), CredentialSlot.VALIDATION);
        assertEquals(OutcomeCheck.Verdict.HAPPENED, verdict(t));
    }
}
