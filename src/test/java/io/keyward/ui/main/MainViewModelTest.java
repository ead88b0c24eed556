package io.keyward.ui.main;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.ui.SandboxFixture;
import io.keyward.session.ConnectionProfile;
import io.keyward.ui.connect.ConnectionsViewModel;
import io.keyward.session.ResultEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainViewModelTest {

    static final String REJECTED = "Loading projects failed: Invalid token (HTTP 401).";

    SandboxFixture fx;
    MainViewModel main;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        main = fx.main;
        fx.connect();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    void assertNoSecretVisible() {
        String visible = fx.allVisibleText();
        assertFalse(visible.contains(fx.sandbox.adminToken()), "the admin token leaked:\n" + visible);
        assertFalse(visible.contains(fx.sandbox.readOnlyToken()), "the read-only token leaked:\n" + visible);
        assertFalse(visible.contains(fx.sandbox.password()), "the password leaked:\n" + visible);
    }

    @Test
    void connectShowsWhereItIsConnected() {
        assertEquals("Connected to Demo sandbox (Apinizer, " + fx.sandbox.baseUrl() + ")", main.statusProperty().get());
        assertEquals(SandboxFixture.PROFILE_NAME, main.activeProperty().get().name());
        assertEquals(1, main.profiles().size());
        assertEquals("", main.notificationProperty().get());
        assertFalse(main.busyProperty().get());

        fx.connect();
        assertEquals(1, main.profiles().size(), "reconnecting a profile replaces it");
    }

    @Test
    void a401MidSessionSaysSoAndOffersToReconnectOnce() {
        fx.faults().setRejectTokens(true);

        main.refresh();

        assertEquals(REJECTED, main.notificationProperty().get());
        assertEquals(1, fx.dialogs.reconnectOffers.size());
        String offer = fx.dialogs.reconnectOffers.get(0);
        assertTrue(offer.startsWith(REJECTED), offer);
        assertTrue(offer.contains("The credentials for \u201CDemo sandbox\u201D worked before: they may have expired or been revoked."),
                offer);
        assertEquals("Session rejected by Demo sandbox", main.statusProperty().get());
        assertTrue(fx.dialogs.connectionsDialogs.isEmpty(), "declined: no connections dialog");
        assertFalse(main.projects().projects().isEmpty(), "the last good listing stays, marked stale");
        assertTrue(main.projects().list().state().isStale());
        assertFalse(main.busyProperty().get());
        assertNoSecretVisible();
    }

    @Test
    void acceptingTheOfferOpensTheConnectionsDialogAndReconnects() {
        fx.faults().setRejectTokens(true);
        fx.dialogs.answerReconnect(true);
        fx.dialogs.inConnections(vm -> {
            assertEquals(SandboxFixture.PROFILE_NAME, vm.nameProperty().get(), "opens on the rejected profile");
            fx.faults().setRejectTokens(false); // the admin pastes a fresh token
            vm.secretProperty().set(fx.sandbox.adminToken());
            vm.connect();
        });

        main.refresh();

        assertEquals(1, fx.dialogs.reconnectOffers.size());
        assertEquals(1, fx.dialogs.connectionsDialogs.size());
        ConnectionsViewModel dialog = fx.dialogs.connectionsDialogs.get(0);
        assertTrue(dialog.doneProperty().get());
        assertSame(main.profiles(), dialog.profiles(), "the dialog edits the console's profiles");
        assertEquals("", main.notificationProperty().get(), "reconnecting clears the failure");
        assertTrue(main.statusProperty().get().startsWith("Connected to Demo sandbox"));
        assertFalse(main.projects().projects().isEmpty());
        assertFalse(fx.workspace().keys().isEmpty());
        assertNoSecretVisible();
    }

    @Test
    void aReconnectThatIsRejectedAgainDoesNotAskAgainInsideTheDialog() {
        fx.faults().setRejectTokens(true);
        fx.dialogs.answerReconnect(true);
        fx.dialogs.inConnections(vm -> {
            vm.secretProperty().set("still-wrong");
            vm.connect();
        });

        main.refresh();

        assertEquals(1, fx.dialogs.reconnectOffers.size());
        assertEquals(1, fx.dialogs.connectionsDialogs.size());
        assertEquals(REJECTED, main.notificationProperty().get());
        assertFalse(fx.allVisibleText().contains("still-wrong"));

        main.refresh(); // the dialog is closed now: the next rejection may ask again
        assertEquals(2, fx.dialogs.reconnectOffers.size());
    }

    @Test
    void a401DuringAMutationIsRecordedOffersReconnectAndDoesNotReload() {
        Credential c = fx.workspace().credentials().stream()
                .filter(x -> x.jwks().validationJwkName() != null).findFirst().orElseThrow();
        main.credentials().selectedProperty().set(c);
        fx.dialogs.whileRemoveSlotOpen(d -> fx.faults().setRejectTokens(true));
        fx.dialogs.confirmSlotRemoval();

        main.credentials().removeJwk(CredentialSlot.VALIDATION);

        ResultEntry e = main.results().entries().get(0);
        assertEquals(ResultEntry.Outcome.FAILED, e.outcome());
        assertTrue(e.message().endsWith("Invalid token (HTTP 401)."), e.message());
        assertEquals(1, fx.dialogs.reconnectOffers.size());
        assertEquals(e.message(), main.notificationProperty().get());
        assertFalse(fx.workspace().credentials().isEmpty(), "no reload that would also fail and wipe the tables");
        assertNoSecretVisible();
    }

    @Test
    void otherFailuresOnlySetTheNotification() {
        fx.faults().setErrorRate(1.0);
        main.refresh();
        assertTrue(main.notificationProperty().get().endsWith("(HTTP 500)."));
        assertTrue(fx.dialogs.reconnectOffers.isEmpty());
        assertTrue(main.statusProperty().get().startsWith("Connected to"));

        main.dismissNotification();
        assertEquals("", main.notificationProperty().get());
    }

    @Test
    void openConnectionsStartsOnTheActiveProfile() {
        main.openConnections();
        ConnectionsViewModel vm = fx.dialogs.connectionsDialogs.get(0);
        assertEquals(main.activeProperty().get(), vm.selectedProperty().get());
        assertFalse(vm.canRemoveProperty().get(), "the built-in profile stays");
    }

    @Test
    void connectingWithUsernameAndPasswordWorksAndShowsNoSecret() {
        ConnectionProfile login = new ConnectionProfile("Admin login", BackendKind.APINIZER, fx.sandbox.baseUrl(),
                SignInMethod.USERNAME_PASSWORD, fx.sandbox.username(),
                io.keyward.model.Secret.of(fx.sandbox.password()), false);

        main.connect(login);

        assertEquals(2, main.profiles().size());
        assertFalse(main.projects().projects().isEmpty());
        assertEquals("", main.notificationProperty().get());
        assertNoSecretVisible();
    }

    @Test
    void noSecretAppearsInAnyNotificationOrResult() {
        main.connect(fx.profile(fx.sandbox.readOnlyToken()));
        Credential c = fx.workspace().credentials().stream()
                .filter(x -> x.jwks().validationJwkName() != null).findFirst().orElseThrow();
        main.credentials().selectedProperty().set(c);
        fx.dialogs.confirmSlotRemoval();
        main.credentials().removeJwk(CredentialSlot.VALIDATION); // 403
        fx.faults().setFailingEnvironment("staging");
        fx.connect();
        main.credentials().selectedProperty().set(fx.credential(c.username()));
        main.credentials().removeJwk(CredentialSlot.VALIDATION); // staging fails
        fx.faults().setRejectTokens(true);
        main.refresh(); // 401

        assertEquals(2, main.results().entries().size());
        assertEquals(1, fx.dialogs.reconnectOffers.size());
        assertNoSecretVisible();
        assertFalse(main.profiles().toString().contains(fx.sandbox.adminToken()));
    }

    @Test
    void notNowHoldsUntilTheUserRefreshes() {
        fx.faults().setRejectTokens(true);
        main.refresh();
        assertEquals(1, fx.dialogs.reconnectOffers.size());

        // More calls of the same rejected session fail: declined once means not asked again...
        main.workspace().reload();
        main.failed(new io.keyward.gateway.GatewayException(new io.keyward.gateway.Failure.Unauthorized(), 401,
                "unauthorized_client", "Invalid token", "Loading keys failed: Invalid token (HTTP 401).", null));
        assertEquals(1, fx.dialogs.reconnectOffers.size());

        // ...until the user asks for fresh data again.
        main.refresh();
        assertEquals(2, fx.dialogs.reconnectOffers.size());
    }
}
