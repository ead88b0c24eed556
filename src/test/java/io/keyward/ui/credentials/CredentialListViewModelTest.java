package io.keyward.ui.credentials;

import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CredentialSlot;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.ui.SandboxFixture;
import io.keyward.session.Workspace;
import io.keyward.session.ResultEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialListViewModelTest {

    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    SandboxFixture fx;
    CredentialListViewModel vm;
    Workspace ws;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        connect();
    }

    void connect() {
        vm = fx.main.credentials();
        ws = fx.workspace();
        fx.connect();
        openProjectWith(c -> c.jwks().validationJwkName() != null && c.jwks().encryptionJwkName() != null
                && !c.ipList().isEmpty() && c.expireDate() != null);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    void openProjectWith(Predicate<Credential> wanted) {
        for (Project p : List.copyOf(fx.main.projects().projects())) {
            fx.open(p.name());
            if (ws.credentials().stream().anyMatch(wanted)) {
                return;
            }
        }
        throw new AssertionError("no project has the credential the test needs");
    }

    Credential find(Predicate<Credential> wanted) {
        return ws.credentials().stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("no such credential in " + ws.project()));
    }

    Credential full() {
        return find(c -> c.jwks().validationJwkName() != null && c.jwks().encryptionJwkName() != null
                && !c.ipList().isEmpty() && c.expireDate() != null);
    }

    Credential validationOnly() {
        return find(c -> c.jwks().validationJwkName() != null && c.jwks().encryptionJwkName() == null);
    }

    @Test
    void detailsShowEverythingAboutTheCredential() {
        Credential c = full();
        vm.selectedProperty().set(c);

        String d = vm.detailsProperty().get();
        assertTrue(d.startsWith("Username: " + c.username() + "\n"), d);
        assertTrue(d.contains("Full name: " + c.fullName() + "\n"), d);
        assertTrue(d.contains("Email: " + c.email() + "\n"), d);
        assertTrue(d.contains("Enabled: " + (c.enabled() ? "yes" : "no") + "\n"), d);
        assertTrue(d.contains("Expires: " + MINUTES.format(c.expireDate()) + "\n"), d);
        assertTrue(d.contains("Roles: " + String.join(", ", c.roles()) + "\n"), d);
        assertTrue(d.contains("Allowed IPs: " + String.join(", ", c.ipList()) + "\n"), d);
        assertTrue(d.contains("Validation JWK: " + c.jwks().validationJwkName() + "\n"), d);
        assertTrue(d.contains("Encryption JWK: " + c.jwks().encryptionJwkName()), d);
        assertTrue(d.endsWith("Description: " + c.description()), d);
        assertTrue(vm.canSetProperty().get());
        assertTrue(vm.canRemove(CredentialSlot.VALIDATION) && vm.canRemove(CredentialSlot.ENCRYPTION));
    }

    @Test
    void detailsOfACredentialWithoutExpiryIpsOrJwks() {
        openProjectWith(c -> c.expireDate() == null && c.ipList().isEmpty() && c.jwks().validationJwkName() == null);
        Credential bare = find(c -> c.expireDate() == null && c.ipList().isEmpty()
                && c.jwks().validationJwkName() == null);
        vm.selectedProperty().set(bare);

        String d = vm.detailsProperty().get();
        assertTrue(d.contains("Expires: never\n"), d);
        assertTrue(d.contains("Allowed IPs: any (no restriction)\n"), d);
        assertTrue(d.contains("Validation JWK: \u2014\n"), d);
        assertFalse(vm.canRemove(CredentialSlot.VALIDATION), "the server reports the slot empty");
    }

    @Test
    void aDisabledCredentialSaysSo() {
        openProjectWith(c -> !c.enabled());
        vm.selectedProperty().set(find(c -> !c.enabled()));
        assertTrue(vm.detailsProperty().get().contains("Enabled: no\n"));
    }

    @Test
    void expiryIsJudgedByTheConsolesClockNotTheWallClock() throws Exception {
        List<Credential> all = fx.main.projects().projects().stream()
                .flatMap(p -> fx.admin().listCredentials(Project.named(p.name())).stream())
                .filter(c -> c.expireDate() != null).toList();
        Instant earliest = all.stream().map(Credential::expireDate).min(Comparator.naturalOrder()).orElseThrow();
        Instant latest = all.stream().map(Credential::expireDate).max(Comparator.naturalOrder()).orElseThrow();

        for (Credential c : all) {
            assertEquals(MINUTES.format(c.expireDate()), vm.expiry(c), "nothing has expired before " + earliest);
        }

        fx.close();
        fx = SandboxFixture.start(Clock.fixed(latest.plusSeconds(86_400), ZoneOffset.UTC));
        connect();
        for (Credential c : all) {
            assertEquals(MINUTES.format(c.expireDate()) + " (expired)", vm.expiry(c), "everything has expired");
        }
    }

    @Test
    void removingTheValidationJwkEmptiesTheSlotInTheDetails() {
        Credential c = full();
        String held = c.jwks().validationJwkName();
        vm.selectedProperty().set(c);
        fx.dialogs.whileRemoveSlotOpen(d -> {
            assertEquals(c.username(), d.username());
            assertEquals(CredentialSlot.VALIDATION, d.slot());
            assertTrue(d.jwkSentence().contains("\u201C" + held + "\u201D from the validation slot"), d.jwkSentence());
            assertTrue(d.stopsWorking().contains("JWT signature validation and token signing"));
            assertEquals(ws.environmentNames(), d.environments());
            assertTrue(d.canConfirm());
        });
        fx.dialogs.confirmSlotRemoval();

        vm.removeJwk(CredentialSlot.VALIDATION);

        Credential after = fx.credential(c.username());
        assertNull(after.jwks().validationJwkName());
        assertEquals(c.jwks().encryptionJwkName(), after.jwks().encryptionJwkName(), "the other slot is untouched");
        assertTrue(ws.jwks().stream().anyMatch(j -> j.name().equals(held)), "the JWK itself is kept");
        String d = vm.detailsProperty().get();
        assertTrue(d.contains("Validation JWK: \u2014\n"), d);
        assertFalse(vm.canRemove(CredentialSlot.VALIDATION), "nothing left to remove");
        assertTrue(vm.canRemove(CredentialSlot.ENCRYPTION));
        ResultEntry entry = fx.main.results().entries().get(0);
        assertEquals("Remove validation JWK", entry.action());
        assertEquals(ws.project().name() + " / " + c.username(), entry.target());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, entry.outcome());
    }

    @Test
    void cancellingTheRemovalChangesNothing() {
        Credential c = full();
        vm.selectedProperty().set(c);

        vm.removeJwk(CredentialSlot.ENCRYPTION);

        assertEquals(1, fx.dialogs.removeSlotDialogs.size());
        assertEquals(c, fx.credential(c.username()));
        assertTrue(fx.main.results().entries().isEmpty());
        assertTrue(fx.consoleClient().mutations().isEmpty());
    }

    @Test
    void anEmptySlotCannotBeRemovedAndOpensNoDialog() {
        Credential c = validationOnly();
        vm.selectedProperty().set(c);
        fx.dialogs.confirmSlotRemoval();

        assertFalse(vm.canRemove(CredentialSlot.ENCRYPTION));
        vm.removeJwk(CredentialSlot.ENCRYPTION);

        assertTrue(fx.dialogs.removeSlotDialogs.isEmpty());
        assertTrue(fx.consoleClient().mutations().isEmpty());
    }

    @Test
    void setJwkThroughTheChooser() {
        Credential c = validationOnly();
        Jwk choice = ws.jwks().stream().filter(j -> !j.name().equals(c.jwks().validationJwkName())).findFirst()
                .orElseThrow();
        vm.selectedProperty().set(c);
        fx.dialogs.whileChooseJwkOpen(d -> {
            assertEquals(c, d.credential());
            assertEquals(CredentialSlot.ENCRYPTION, d.slot());
            assertEquals(ws.jwks().size(), d.candidates().size());
            d.selectedProperty().set(choice);
            assertTrue(d.summaryProperty().get().contains("The slot is empty now."), d.summaryProperty().get());
            d.selectedProperty().set(null);
        });
        fx.dialogs.chooseJwk(choice.name());

        vm.setJwk(CredentialSlot.ENCRYPTION);

        assertEquals(choice.name(), fx.credential(c.username()).jwks().encryptionJwkName());
        assertTrue(vm.detailsProperty().get().contains("Encryption JWK: " + choice.name()), vm.detailsProperty().get());
        assertTrue(vm.canRemove(CredentialSlot.ENCRYPTION));
        ResultEntry entry = fx.main.results().entries().get(0);
        assertEquals("Set encryption JWK", entry.action());
        assertEquals(ws.project().name() + " / " + c.username() + " \u2190 " + choice.name(), entry.target());
    }

    @Test
    void choosingTheJwkAlreadyInTheSlotChangesNothing() {
        Credential c = full();
        vm.selectedProperty().set(c);
        fx.dialogs.chooseJwk(c.jwks().validationJwkName());

        vm.setJwk(CredentialSlot.VALIDATION);

        assertEquals(1, fx.dialogs.chooseJwkDialogs.size());
        assertTrue(fx.consoleClient().mutations().isEmpty());
        assertTrue(fx.main.results().entries().isEmpty());
    }

    @Test
    void filterFindsCredentialsByTheJwkTheyHold() {
        Credential c = full();
        String jwk = c.jwks().encryptionJwkName();
        vm.filter().textProperty().set(jwk);
        assertTrue(vm.filter().items().contains(c));
        assertTrue(vm.filter().items().stream().allMatch(x -> Objects.equals(jwk, x.jwks().encryptionJwkName())
                || Objects.equals(jwk, x.jwks().validationJwkName())
                || (x.description() + x.fullName() + x.email() + x.username()).toLowerCase().contains(jwk.toLowerCase())));
        int all = ws.credentials().size();
        assertEquals(vm.filter().items().size() + " of " + all + " credentials", vm.filter().countProperty().get());
    }

    @Test
    void aCredentialWhoseSlotsAreNotReportedIsUnknownNotEmpty() {
        Credential silent = new Credential("x", "legacy-client", "Legacy", null, null, true, null, null, null, null);
        assertEquals("unknown", CredentialListViewModel.slot(silent, CredentialSlot.VALIDATION));
        ws.credentials().add(silent);
        vm.selectedProperty().set(silent);

        String d = vm.detailsProperty().get();
        assertTrue(d.contains("Validation and encryption JWKs: not reported by this server"), d);
        assertFalse(d.contains("Validation JWK: \u2014"), d);
        assertTrue(vm.canRemove(CredentialSlot.VALIDATION), "unknown is not empty: removal stays possible");

        // It exists only in this client-side list: both slot actions reload the server's state first,
        // find it gone, say so, and open no dialog. (Unknown-slot wording: the dialog VM tests.)
        vm.removeJwk(CredentialSlot.ENCRYPTION);
        assertTrue(fx.dialogs.removeSlotDialogs.isEmpty());
        assertEquals("Credential \u201Clegacy-client\u201D no longer exists on the server; the lists were refreshed.",
                fx.main.notificationProperty().get());
        assertFalse(ws.credentials().contains(silent), "the lists show the server's state again");

        ws.credentials().add(silent);
        vm.selectedProperty().set(silent);
        vm.setJwk(CredentialSlot.VALIDATION);
        assertTrue(fx.dialogs.chooseJwkDialogs.isEmpty());
        assertTrue(fx.consoleClient().mutations().isEmpty(), "nothing was sent");
    }

    @Test
    void slotTextForDisplay() {
        Credential c = new Credential("x", "u", null, null, null, true, null, null, null,
                new CredentialJwks("a", null));
        assertEquals("a", CredentialListViewModel.slot(c, CredentialSlot.VALIDATION));
        assertEquals("\u2014", CredentialListViewModel.slot(c, CredentialSlot.ENCRYPTION));
    }
}
