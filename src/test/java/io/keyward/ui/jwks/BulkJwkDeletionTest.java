package io.keyward.ui.jwks;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwkSourceType;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.session.BulkRunner;
import io.keyward.session.Connection;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.Snapshot;
import io.keyward.ui.common.BulkDeleteDialogViewModel;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Tone;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the bulk JWK confirmation says, from one snapshot: every holder, or "cannot know"; the count gate. */
class BulkJwkDeletionTest {

    static Jwk jwk(String name) {
        return new Jwk("id-" + name, name, "", "p-1", JwkSourceType.GENERATE, null, null, "RSA", "kid-" + name, null);
    }

    static Credential credential(String user, CredentialJwks slots) {
        return new Credential("c-" + user, user, user, null, "", true, null, List.of(), List.of(), slots);
    }

    static Snapshot snapshot(List<Jwk> jwks, List<Credential> credentials) {
        ConnectionProfile p = new ConnectionProfile("Lab", BackendKind.APINIZER, URI.create("https://lab.example"),
                SignInMethod.PERSONAL_TOKEN, null, Secret.of("t"), false);
        // A real client (nothing is sent: the plan only builds its calls), for the JWK calls the plan holds.
        var client = new io.keyward.gateway.apinizer.ApinizerClient(io.keyward.gateway.ConnectionSettings.of(p.url(),
                new io.keyward.gateway.Authentication.PersonalToken(Secret.of("t"))));
        return new Snapshot(new Connection(p, client),
                new Project("p-1", "payments", ""), List.of(new Environment("production", "", "", "", "", true, false)),
                List.of(), jwks, credentials, List.of());
    }

    @Test
    void everySlotHoldingEachJwkIsARowAndTheCountMustBeTyped() {
        List<Jwk> jwks = List.of(jwk("a"), jwk("b"), jwk("c"));
        Snapshot s = snapshot(jwks, List.of(credential("checkout", new CredentialJwks("a", "b")),
                credential("mobile", new CredentialJwks("a", null)), credential("idle", new CredentialJwks(null, null))));
        BulkDeleteDialogViewModel<Boolean> vm = BulkJwkDeletion.confirmation(s, jwks, List.of("gone"));

        assertEquals(List.of(List.of("a", "checkout", "validation"), List.of("a", "mobile", "validation"),
                List.of("b", "checkout", "encryption"), List.of("c", "no credential", "")),
                vm.rows().stream().map(BulkDeleteDialogViewModel.Row::cells).toList());
        assertEquals(List.of(Tone.DANGER, Tone.DANGER, Tone.DANGER, Tone.NORMAL),
                vm.rows().stream().map(BulkDeleteDialogViewModel.Row::tone).toList());
        assertEquals("3 credential slots hold 2 of these JWKs. They are cleared and the credentials redeployed.",
                vm.summary().get(0).text());
        assertEquals("Delete 3 JWKs?", vm.header());
        assertEquals("Type 3 to delete 3 JWKs.", vm.confirmPrompt());
        assertEquals("payments", vm.where().project());
        assertEquals("1 of the selected JWKs is no longer on the server; nothing is sent for it:", vm.missingSentence());

        assertNull(vm.confirmedChoice(), "nothing is confirmed before the count is typed");
        vm.confirm().typedProperty().set("4");
        assertNull(vm.confirmedChoice());
        vm.confirm().typedProperty().set("3");
        assertEquals(Boolean.TRUE, vm.confirmedChoice());

        BulkRunner.Plan plan = BulkJwkDeletion.plan(s, jwks, List.of("gone"), vm);
        assertEquals("Delete 3 JWKs", plan.action());
        assertEquals(3, plan.items().size());
        assertEquals("payments / gone", plan.skipped().get(0).target());
        assertEquals("Delete JWK", plan.items().get(0).change().action());
        assertTrue(plan.items().get(0).change().impact().stream().anyMatch(l -> l.startsWith("checkout")),
                "each item keeps what its own confirmation would have shown: " + plan.items().get(0).change().impact());
        assertTrue(plan.items().get(0).change().check().deletion());
    }

    @Test
    void whenACredentialDoesNotReportItsSlotsEveryJwkSaysCannotKnowNeverNone() {
        List<Jwk> jwks = List.of(jwk("a"), jwk("b"));
        Snapshot s = snapshot(jwks, List.of(credential("checkout", new CredentialJwks("a", null)),
                credential("legacy", null)));
        BulkDeleteDialogViewModel<Boolean> vm = BulkJwkDeletion.confirmation(s, jwks, List.of());

        assertTrue(vm.rows().stream().allMatch(r -> r.tone() == Tone.UNKNOWN && r.cells().get(1).equals("cannot know")),
                vm.rows().toString());
        assertEquals(Tone.UNKNOWN, vm.summary().get(0).tone());
        assertTrue(vm.summary().get(0).text().contains("cannot tell"), vm.summary().get(0).text());
        assertFalse(vm.rows().stream().anyMatch(r -> r.cells().contains("no credential")));
        assertEquals("", vm.missingSentence());
    }
}
