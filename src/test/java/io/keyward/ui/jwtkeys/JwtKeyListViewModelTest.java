package io.keyward.ui.jwtkeys;

import io.keyward.crypto.PublicKeyPem;
import io.keyward.crypto.RsaKeyGeneration;
import io.keyward.gateway.Capability;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import io.keyward.session.ResultEntry;
import io.keyward.session.Workspace;
import io.keyward.ui.SandboxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWT keys tab against the sandbox's Ampersand API, with dialogs answered through their ViewModels. */
class JwtKeyListViewModelTest {

    SandboxFixture fx;
    JwtKeyListViewModel vm;
    Workspace ws;
    AmpersandClient server;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        vm = fx.main.jwtKeys();
        ws = fx.workspace();
        server = fx.ampersand();
        fx.connectAmpersand();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    Project project(String name) {
        return server.listProjects().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    void open(String name) {
        fx.main.projects().selectedProperty().set(fx.main.projects().projects().stream()
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow());
    }

    JwtKey shown(String id) {
        return ws.jwtKeys().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    ResultEntry lastResult() {
        return fx.main.results().entries().get(0);
    }

    @Test
    void anAmpersandConnectionShowsJwtKeysAndNothingElse() {
        assertEquals(Set.of(Capability.PROJECTS, Capability.JWT_KEYS), ws.capabilitiesProperty().get());
        assertEquals(List.of("payments-prod", "Kundenportal Z\u00fcrich", "partner-sso", "analytics-staging"),
                fx.main.projects().projects().stream().map(Project::name).toList());
        assertEquals("payments-prod", ws.project().name());
        assertEquals(server.listJwtKeys(project("payments-prod"), false), List.copyOf(ws.jwtKeys()));
        assertTrue(ws.keys().isEmpty() && ws.jwks().isEmpty() && ws.credentials().isEmpty() && ws.environments().isEmpty());

        open("Kundenportal Z\u00fcrich");
        assertEquals(server.listJwtKeys(project("Kundenportal Z\u00fcrich"), false), List.copyOf(ws.jwtKeys()));
    }

    @Test
    void activeOnlyNarrowsTheRowsAndTheCountSaysSo() {
        int all = ws.jwtKeys().size();
        long active = ws.jwtKeys().stream().filter(JwtKey::isActive).count();
        assertTrue(active < all, "the demo has inactive keys");
        vm.activeOnlyProperty().set(true);
        assertEquals(active, vm.filter().items().size());
        assertTrue(vm.filter().items().stream().allMatch(JwtKey::isActive));
        assertEquals(active + " of " + all + " JWT keys", vm.filter().countProperty().get());
        vm.filter().textProperty().set("webhooks");
        assertTrue(vm.filter().items().stream().allMatch(k -> k.isActive() && k.label().contains("webhooks")));
    }

    @Test
    void detailsShowTheThumbprintSizeAndPem() throws Exception {
        JwtKey k = ws.jwtKeys().get(0);
        vm.selectedProperty().set(k);
        var info = PublicKeyPem.parse(k.publicKeyPem());
        String details = vm.detailsProperty().get();
        assertTrue(details.contains("Id: " + k.id()), details);
        assertTrue(details.contains("Thumbprint (RFC 7638, SHA-256): " + info.thumbprint()), details);
        assertTrue(details.contains("RSA, " + info.bits() + " bits"), details);
        assertEquals(info.thumbprint(), vm.thumbprint(k));
        assertEquals(info.thumbprint(), vm.selectedThumbprint());
        assertEquals(k.publicKeyPem().strip(), vm.pemProperty().get());
    }

    @Test
    void createSendsThePublicKeyAndRecordsOneRowForTheProject() {
        RsaKeyGeneration pair = RsaKeyGeneration.generate(2048);
        pair.discardPrivateKey();
        fx.dialogs.answer(CreateJwtKeyDialogViewModel.class, d -> {
            d.labelProperty().set("signing 2026/\u00fc");
            d.pemProperty().set(pair.spkiPem());
            d.create();
            return d.doneProperty().get() ? Optional.of(Boolean.TRUE) : Optional.empty();
        });

        vm.create();

        JwtKey created = server.listJwtKeys(project("payments-prod"), false).stream()
                .filter(k -> k.label().equals("signing 2026/\u00fc")).findFirst().orElseThrow();
        assertTrue(created.isActive(), "a new key starts active");
        assertEquals(pair.publicKey().key().getModulus(), modulus(created));
        assertEquals(created, shown(created.id()), "the table was reloaded");
        ResultEntry e = lastResult();
        assertEquals("Create JWT key", e.action());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, e.outcome());
        assertEquals("Created; id " + created.id(), e.message());
        assertEquals(List.of(new ResultEntry.EnvironmentRow("Project payments-prod", true, e.message())), e.environments());
        assertEquals("Demo sandbox (Ampersand) (" + fx.sandbox.ampersandBaseUrl() + ")", e.connection());
    }

    static java.math.BigInteger modulus(JwtKey k) {
        try {
            return PublicKeyPem.parse(k.publicKeyPem()).key().getModulus();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void deactivatingOneOfSeveralActiveKeysNeedsNoTyping() {
        JwtKey k = ws.jwtKeys().stream().filter(JwtKey::isActive).findFirst().orElseThrow();
        vm.selectedProperty().set(k);
        assertEquals("Deactivate\u2026", vm.toggleTextProperty().get());
        fx.dialogs.answer(JwtKeyActivationDialogViewModel.class, d -> {
            assertFalse(d.activating());
            assertFalse(d.needsTyping());
            assertEquals("", d.warning());
            assertTrue(d.consequences().get(0).contains("stop verifying"), d.consequences().toString());
            assertTrue(d.where().line().contains("Demo sandbox (Ampersand)") && d.where().project().equals("payments-prod"), d.where().line());
            return d.canConfirm() ? Optional.of(Boolean.TRUE) : Optional.empty();
        });

        vm.toggleActive();

        assertEquals(Boolean.FALSE, server.getJwtKey(project("payments-prod"), k.id()).active());
        assertEquals(Boolean.FALSE, shown(k.id()).active());
        assertEquals("Deactivate JWT key", lastResult().action());
        assertEquals("The server reports it inactive.", lastResult().message());
        assertEquals("Activate\u2026", vm.toggleTextProperty().get(), "the selection followed the reload");
    }

    @Test
    void deactivatingTheLastActiveKeyWarnsAndNeedsItsLabelTyped() {
        open("partner-sso");
        JwtKey last = ws.jwtKeys().stream().filter(JwtKey::isActive).findFirst().orElseThrow();
        vm.selectedProperty().set(last);
        fx.dialogs.answer(JwtKeyActivationDialogViewModel.class, d -> {
            assertTrue(d.warning().contains("last active key"), d.warning());
            assertTrue(d.needsTyping());
            assertFalse(d.canConfirm(), "nothing typed yet");
            d.confirm().typedProperty().set(last.label().toUpperCase());
            assertFalse(d.canConfirm(), "case matters");
            d.confirm().typedProperty().set(last.label());
            return d.canConfirm() ? Optional.of(Boolean.TRUE) : Optional.empty();
        });

        vm.toggleActive();

        assertEquals(Boolean.FALSE, server.getJwtKey(project("partner-sso"), last.id()).active());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, lastResult().outcome());
    }

    @Test
    void cancellingChangesNothing() {
        JwtKey k = ws.jwtKeys().stream().filter(JwtKey::isActive).findFirst().orElseThrow();
        vm.selectedProperty().set(k);
        fx.dialogs.answer(JwtKeyActivationDialogViewModel.class, d -> Optional.empty());
        fx.dialogs.answer(DeleteJwtKeyDialogViewModel.class, d -> Optional.empty());
        vm.toggleActive();
        vm.delete();
        assertEquals(k, server.getJwtKey(project("payments-prod"), k.id()));
        assertTrue(fx.main.results().entries().isEmpty());
    }

    @Test
    void deletingAKeyWhoseLabelRepeatsAsksForItsId() {
        JwtKey twin = ws.jwtKeys().stream().filter(k -> ws.jwtKeys().stream()
                .filter(o -> o.label().equals(k.label())).count() > 1).findFirst().orElseThrow();
        vm.selectedProperty().set(twin);
        fx.dialogs.answer(DeleteJwtKeyDialogViewModel.class, d -> {
            assertEquals("key id", d.confirmWhat());
            assertEquals(twin.id(), d.confirm().name());
            d.confirm().typedProperty().set(twin.label());
            assertFalse(d.confirm().matches(), "the shared label does not identify it");
            d.confirm().typedProperty().set(twin.id());
            return d.confirm().matches() ? Optional.of(Boolean.TRUE) : Optional.empty();
        });

        vm.delete();

        assertTrue(server.listJwtKeys(project("payments-prod"), false).stream().noneMatch(k -> k.id().equals(twin.id())));
        assertTrue(ws.jwtKeys().stream().noneMatch(k -> k.id().equals(twin.id())));
        assertEquals("Delete JWT key", lastResult().action());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, lastResult().outcome());
    }

    @Test
    void deletingTheLastActiveKeySaysSo() {
        open("partner-sso");
        JwtKey last = ws.jwtKeys().stream().filter(JwtKey::isActive).findFirst().orElseThrow();
        vm.selectedProperty().set(last);
        fx.dialogs.answer(DeleteJwtKeyDialogViewModel.class, d -> {
            assertTrue(d.severe());
            assertTrue(d.activeSentence().contains("LAST active key"), d.activeSentence());
            assertEquals("key label", d.confirmWhat());
            return Optional.empty();
        });
        vm.delete();
        assertEquals(1, fx.dialogs.shown(DeleteJwtKeyDialogViewModel.class).size());
    }

    @Test
    void aKeyDeletedElsewhereWhileTheDialogIsOpenFailsWithTheServersRemedyAndRequestId() {
        JwtKey k = ws.jwtKeys().get(0);
        vm.selectedProperty().set(k);
        fx.dialogs.answer(DeleteJwtKeyDialogViewModel.class, d -> {
            server.deleteJwtKey(project("payments-prod"), k.id()); // a colleague was faster
            d.confirm().typedProperty().set(d.confirm().name());
            return Optional.of(Boolean.TRUE);
        });

        vm.delete();

        ResultEntry e = lastResult();
        assertEquals(ResultEntry.Outcome.FAILED, e.outcome());
        assertTrue(e.message().contains("(HTTP 404)"), e.message());
        assertTrue(e.details().stream().anyMatch(l -> l.startsWith("Remedy: ")), e.details().toString());
        assertTrue(e.details().stream().anyMatch(l -> l.startsWith("Request id: ")), e.details().toString());
        assertTrue(e.requestId() != null && !e.requestId().isBlank());
        assertTrue(e.asText(fx.main.results().zone()).contains(e.requestId()), "the copied text quotes the request id");
        assertEquals(List.of(new ResultEntry.EnvironmentRow("Project payments-prod", false, e.message())),
                e.environments());
        assertEquals(e.message(), fx.main.notificationProperty().get());
    }

    @Test
    void aKeyGoneBeforeTheConfirmationLoadsIsReportedNotConfirmed() {
        JwtKey k = ws.jwtKeys().get(0);
        vm.selectedProperty().set(k);
        server.deleteJwtKey(project("payments-prod"), k.id());
        vm.delete();
        assertTrue(fx.dialogs.shown(DeleteJwtKeyDialogViewModel.class).isEmpty());
        assertTrue(fx.main.notificationProperty().get().contains("no longer exists"),
                fx.main.notificationProperty().get());
        assertTrue(ws.jwtKeys().stream().noneMatch(x -> x.id().equals(k.id())), "the list was refreshed");
    }

    @Test
    void renameChangesOnlyTheLabel() {
        JwtKey k = ws.jwtKeys().get(0);
        vm.selectedProperty().set(k);
        fx.dialogs.answer(RenameJwtKeyDialogViewModel.class, d -> {
            d.labelProperty().set("  ");
            assertEquals("A JWT key needs a label.", d.labelErrorProperty().get());
            assertFalse(d.canSaveProperty().get());
            d.labelProperty().set("renamed-key");
            d.save();
            return d.doneProperty().get() ? Optional.of(Boolean.TRUE) : Optional.empty();
        });

        vm.rename();

        JwtKey after = server.getJwtKey(project("payments-prod"), k.id());
        assertEquals("renamed-key", after.label());
        assertEquals(k.active(), after.active());
        assertEquals(k.publicKeyPem(), after.publicKeyPem());
        assertEquals("renamed-key", shown(k.id()).label());
        assertTrue(lastResult().target().endsWith("\u2192 renamed-key"), lastResult().target());
    }

    @Test
    void aWrongApiKeyOffersToReconnect() {
        fx.main.connect(fx.ampersandProfile("not-the-key"));
        assertEquals(1, fx.dialogs.reconnectOffers.size());
        assertTrue(fx.main.notificationProperty().get().contains("(HTTP 401)"), fx.main.notificationProperty().get());
        assertFalse(fx.main.notificationProperty().get().contains("not-the-key"));
        assertFalse(fx.allVisibleText().contains(fx.sandbox.ampersandApiKey()));
    }
}
