package io.keyward.ui.keys;

import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.Project;
import io.keyward.ui.ManualTaskExecutor;
import io.keyward.ui.SandboxFixture;
import io.keyward.session.Workspace;
import io.keyward.session.ResultEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyListViewModelTest {

    SandboxFixture fx;
    KeyListViewModel vm;
    Workspace ws;
    CryptoKey key;
    List<String> derived;
    /** "username/slot" of every credential slot holding one of the derived JWKs. */
    List<String> holders;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        vm = fx.main.keys();
        ws = fx.workspace();
        fx.connect();
        openProjectWithSharedKey();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** Opens a project holding a key with 2+ derived JWKs, at least one held by a credential. */
    void openProjectWithSharedKey() {
        for (Project p : List.copyOf(fx.main.projects().projects())) {
            fx.open(p.name());
            for (CryptoKey k : ws.keys()) {
                List<String> d = ws.jwks().stream().filter(j -> j.isDerivedFromKey(k.id())).map(Jwk::name).toList();
                List<String> h = holdersOf(new HashSet<>(d));
                if (d.size() >= 2 && !h.isEmpty()) {
                    key = k;
                    derived = d;
                    holders = h;
                    return;
                }
            }
        }
        throw new AssertionError("the demo data has no key with 2+ derived JWKs held by a credential");
    }

    List<String> holdersOf(Set<String> jwkNames) {
        List<String> out = new ArrayList<>();
        for (Credential c : ws.credentials()) {
            for (CredentialSlot s : CredentialSlot.values()) {
                if (jwkNames.contains(c.jwks().nameIn(s))) {
                    out.add(c.username() + "/" + s.label());
                }
            }
        }
        return out;
    }

    List<String> jwkNames() {
        return ws.jwks().stream().map(Jwk::name).toList();
    }

    boolean keyOnServer() {
        return fx.admin().listKeys(ws.project()).stream().anyMatch(k -> k.name().equals(key.name()));
    }

    @Test
    void filterNarrowsByNameTypeOrEnvironmentWithACount() {
        int all = ws.keys().size();
        assertEquals(all + " keys", vm.filter().countProperty().get());

        vm.filter().textProperty().set(key.name().toUpperCase(java.util.Locale.ROOT));
        assertTrue(vm.filter().items().contains(key));
        assertTrue(vm.filter().items().size() < all, "the filter narrows");
        assertEquals(vm.filter().items().size() + " of " + all + " keys", vm.filter().countProperty().get());

        String type = key.keyType();
        vm.filter().textProperty().set(type);
        assertTrue(vm.filter().items().stream().allMatch(k -> k.keyType().equalsIgnoreCase(type)
                || k.name().toLowerCase().contains(type.toLowerCase())
                || k.description().toLowerCase().contains(type.toLowerCase())), "only keys mentioning " + type);
        assertTrue(vm.filter().items().contains(key));

        String env = ws.environmentNames().stream()
                .filter(e -> ws.keys().stream().anyMatch(k -> !k.environmentNames().contains(e)))
                .filter(e -> ws.keys().stream().anyMatch(k -> k.environmentNames().contains(e))).findFirst()
                .orElseThrow(() -> new AssertionError("every key is configured for the same environments"));
        vm.filter().textProperty().set(env);
        assertTrue(vm.filter().items().stream().allMatch(k -> k.environmentNames().contains(env)
                || (k.name() + k.description() + k.keyType()).toLowerCase().contains(env)), "only keys for " + env);
        assertTrue(ws.keys().stream().filter(k -> k.environmentNames().contains(env))
                .allMatch(vm.filter().items()::contains), "every key configured for " + env);

        vm.filter().textProperty().set("zzz-nothing");
        assertEquals("0 of " + all + " keys", vm.filter().countProperty().get());
    }

    @Test
    void detailsNameTypeEnvironmentsAndDerivedJwks() {
        assertEquals("", vm.detailsProperty().get());
        assertFalse(vm.canDeleteProperty().get());

        vm.selectedProperty().set(key);

        String details = vm.detailsProperty().get();
        assertTrue(details.contains("Type: " + key.keyType()), details);
        assertTrue(details.contains("Configured for: " + String.join(", ", key.environmentNames())), details);
        key.environmentNames().forEach(e -> assertTrue(details.contains("  " + e + ": public key"), details));
        assertTrue(details.contains("+ private key (not shown)"), details);
        assertTrue(details.contains("Derived JWKs: " + String.join(", ", derived)), details);
        key.environments().forEach(e -> assertFalse(details.contains(e.publicKey()), "no key material in the details"));
        assertTrue(vm.canDeleteProperty().get());
    }

    @Test
    void detailsSayNoneOrCannotTell() {
        CryptoKey lonely = new CryptoKey("no-such-id", "lonely", null, null, null, List.of());
        ws.keys().add(lonely);
        vm.selectedProperty().set(lonely);
        assertTrue(vm.detailsProperty().get().contains("Type: not reported"));
        assertTrue(vm.detailsProperty().get().contains("Configured for: no environment"));
        assertTrue(vm.detailsProperty().get().endsWith("Derived JWKs: none"), vm.detailsProperty().get());

        CryptoKey noId = new CryptoKey(null, "anonymous", null, null, "RSA", List.of());
        ws.keys().add(noId);
        vm.selectedProperty().set(noId);
        assertTrue(vm.detailsProperty().get().endsWith(
                "Derived JWKs: cannot be determined (the server sent no key id)"), vm.detailsProperty().get());
    }

    @Test
    void deleteOpensTheDialogWithTheServersCurrentImpact() {
        // Behind the console's back: one derived JWK is gone and the table does not know yet.
        String goneMeanwhile = derived.stream().filter(n -> holdersOf(new HashSet<>(List.of(n))).isEmpty()).findFirst()
                .orElse(derived.get(derived.size() - 1));
        fx.admin().deleteJwk(ws.project(), goneMeanwhile);
        assertTrue(jwkNames().contains(goneMeanwhile));
        List<String> expected = derived.stream().filter(n -> !n.equals(goneMeanwhile)).toList();
        List<String> expectedHolders = holdersOf(new HashSet<>(expected));
        List<String> envs = fx.admin().listEnvironments(ws.project()).stream().map(e -> e.name()).toList();

        List<String> seen = new ArrayList<>();
        fx.dialogs.whileDeleteKeyOpen(d -> {
            assertEquals(key.name(), d.key().name());
            assertEquals(DerivedJwkPolicy.KEEP, d.actionProperty().get(), "NULLIFY is preselected");
            assertEquals(expected, d.effects().stream().map(DeleteKeyDialogViewModel.JwkEffect::jwkName).toList());
            d.effects().forEach(e -> assertTrue(e.effect().startsWith("Kept"), e.effect()));
            assertTrue(d.credentialLosses().isEmpty(), "NULLIFY lists no credential losses");
            assertEquals(envs, d.environments());

            d.actionProperty().set(DerivedJwkPolicy.DELETE);
            d.effects().forEach(e -> assertTrue(e.effect().startsWith("Deleted;"), e.effect()));
            assertEquals(expectedHolders.size(), d.credentialLosses().size(), d.credentialLosses().toString());
            for (String h : expectedHolders) {
                String user = h.substring(0, h.indexOf('/'));
                String slot = h.substring(h.indexOf('/') + 1);
                assertTrue(d.credentialLosses().stream().anyMatch(l -> l.startsWith(user + " loses ")
                        && l.contains("from its " + slot + " slot")), d.credentialLosses() + " should name " + h);
            }
            d.actionProperty().set(DerivedJwkPolicy.KEEP);
            seen.add("opened");
        });
        vm.selectedProperty().set(key);

        vm.deleteSelected(); // the dialog is cancelled by default

        assertEquals(List.of("opened"), seen);
        assertEquals(1, fx.dialogs.deleteKeyDialogs.size());
        assertFalse(jwkNames().contains(goneMeanwhile), "the fresh snapshot also refreshed the tables");
    }

    @Test
    void cancelDeletesNothingAndRecordsNothing() {
        vm.selectedProperty().set(key);
        fx.dialogs.cancelKeyDeletion();

        vm.deleteSelected();

        assertEquals(1, fx.dialogs.deleteKeyDialogs.size());
        assertTrue(keyOnServer());
        assertTrue(jwkNames().containsAll(derived));
        assertTrue(fx.main.results().entries().isEmpty());
        assertTrue(fx.consoleClient().mutations().isEmpty(), "no mutating call was sent");
    }

    @Test
    void aWrongTypedNameDeletesNothing() {
        vm.selectedProperty().set(key);
        for (String typed : List.of(key.name().toUpperCase(java.util.Locale.ROOT), key.name() + " ", "", "x")) {
            fx.dialogs.confirmKeyDeletion(DerivedJwkPolicy.DELETE, typed);
            vm.deleteSelected();
        }

        assertEquals(4, fx.dialogs.deleteKeyDialogs.size());
        assertTrue(keyOnServer());
        assertTrue(jwkNames().containsAll(derived));
        assertTrue(fx.main.results().entries().isEmpty());
        assertTrue(fx.consoleClient().mutations().isEmpty());
    }

    @Test
    void confirmDeleteRemovesTheDerivedJwksAndReportsEveryEnvironment() {
        vm.selectedProperty().set(key);
        fx.dialogs.confirmKeyDeletion(DerivedJwkPolicy.DELETE);

        vm.deleteSelected();

        assertFalse(keyOnServer());
        assertFalse(ws.keys().stream().anyMatch(k -> k.name().equals(key.name())));
        derived.forEach(n -> assertFalse(jwkNames().contains(n), n + " should be deleted"));
        assertTrue(holdersOf(new HashSet<>(derived)).isEmpty(), "slots holding them are cleared");
        assertEquals(1, fx.main.results().entries().size());
        ResultEntry entry = fx.main.results().entries().get(0);
        assertEquals("Delete key (delete derived JWKs)", entry.action());
        assertEquals(ws.project().name() + " / " + key.name(), entry.target());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, entry.outcome());
        assertEquals(ws.environmentNames(), entry.environments().stream().map(ResultEntry.EnvironmentRow::environment)
                .toList());
        assertTrue(entry.environments().stream().allMatch(ResultEntry.EnvironmentRow::success));
        assertEquals(List.of(new io.keyward.ui.RecordingClient.Call("deleteKey", ws.project().name(), key.name(),
                DerivedJwkPolicy.DELETE)), fx.consoleClient().mutations());
    }

    @Test
    void confirmNullifyKeepsTheDerivedJwksWithoutTheirLink() {
        List<Credential> credentialsBefore = List.copyOf(ws.credentials());
        vm.selectedProperty().set(key);
        fx.dialogs.confirmKeyDeletion(DerivedJwkPolicy.KEEP);

        vm.deleteSelected();

        assertFalse(keyOnServer());
        for (String n : derived) {
            Jwk kept = fx.jwk(n);
            assertNull(kept.sourceId(), n + " keeps no link to the deleted key");
            assertTrue(kept.sourceType().isKeyDerived(), "its source type stays");
        }
        assertEquals(credentialsBefore, List.copyOf(ws.credentials()), "no credential loses a JWK");
        ResultEntry entry = fx.main.results().entries().get(0);
        assertEquals("Delete key (keep derived JWKs)", entry.action());
        assertEquals(ws.environmentNames().size(), entry.environments().size());
    }

    @Test
    void theDeletedKeyDoesNotStaySelected() {
        vm.selectedProperty().set(key);
        fx.dialogs.confirmKeyDeletion(DerivedJwkPolicy.KEEP);

        vm.deleteSelected();

        assertNull(vm.selectedProperty().get(), "the key no longer exists");
        assertFalse(vm.canDeleteProperty().get());
        assertEquals("", vm.detailsProperty().get());
    }

    @Test
    void aFailedSnapshotBeforeTheDialogOpensNoDialog() {
        vm.selectedProperty().set(key);
        fx.faults().setErrorRate(1.0);
        fx.dialogs.confirmKeyDeletion(DerivedJwkPolicy.DELETE);

        vm.deleteSelected();

        assertTrue(fx.dialogs.deleteKeyDialogs.isEmpty());
        assertTrue(fx.main.notificationProperty().get().contains("HTTP 500"), fx.main.notificationProperty().get());
        fx.faults().reset();
        assertTrue(keyOnServer());
    }

    @Test
    void deleteIsDisabledWhileAMutationRunsAndNeverOverlaps() throws Exception {
        fx.close();
        ManualTaskExecutor runner = new ManualTaskExecutor();
        fx = SandboxFixture.start(runner);
        vm = fx.main.keys();
        ws = fx.workspace();
        fx.connect();
        runner.runAll();
        CryptoKey k = ws.keys().get(0);
        vm.selectedProperty().set(k);
        fx.dialogs.confirmKeyDeletion(DerivedJwkPolicy.KEEP);

        vm.deleteSelected();
        vm.deleteSelected(); // a double click while the snapshot loads
        assertEquals(1, runner.pending().size(), "only one snapshot is loading");
        runner.oldest().complete(); // snapshot -> dialog -> mutation submitted
        assertEquals(1, fx.dialogs.deleteKeyDialogs.size());

        assertTrue(fx.main.mutations().isRunning());
        assertTrue(fx.main.busyProperty().get());
        assertFalse(vm.canDeleteProperty().get());
        vm.deleteSelected();
        assertEquals(1, runner.pending().size(), "no second delete while one runs");

        runner.runAll();
        assertFalse(fx.main.mutations().isRunning());
        assertFalse(fx.main.busyProperty().get());
        assertEquals(1, fx.main.results().entries().size());
        assertNotNull(ws.project());
        assertFalse(ws.keys().stream().anyMatch(x -> x.name().equals(k.name())));
    }
}
