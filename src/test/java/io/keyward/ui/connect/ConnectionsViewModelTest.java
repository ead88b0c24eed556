package io.keyward.ui.connect;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.session.ClientFactory;
import io.keyward.session.ConnectionProfile;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import io.keyward.session.DirectTaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionsViewModelTest {

    SandboxServer sandbox;
    ObservableList<ConnectionProfile> profiles;
    ConnectionProfile builtIn;
    final List<ConnectionProfile> connected = new ArrayList<>();
    final List<ConnectionProfile> clientsMadeFor = new ArrayList<>();
    ConnectionsViewModel vm;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        builtIn = new ConnectionProfile("Demo sandbox", BackendKind.APINIZER, sandbox.baseUrl(),
                SignInMethod.PERSONAL_TOKEN, null,
                Secret.of(sandbox.adminToken()), true);
        profiles = FXCollections.observableArrayList(builtIn);
        ClientFactory factory = profile -> {
            clientsMadeFor.add(profile);
            ConnectionSettings settings = ConnectionSettings.of(profile.url(), profile.authentication());
            return profile.backend() == BackendKind.AMPERSAND ? new io.keyward.gateway.ampersand.AmpersandClient(settings)
                    : new ApinizerClient(settings);
        };
        vm = new ConnectionsViewModel(profiles, builtIn, factory, new DirectTaskExecutor(), connected::add);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    List<String> projectNames() {
        return new ApinizerClient(ConnectionSettings.of(builtIn.url(), builtIn.authentication()))
                .listProjects().stream().map(Project::name).toList();
    }

    void fillNew(String name, String url, String token) {
        vm.newProfile();
        vm.nameProperty().set(name);
        vm.urlProperty().set(url);
        vm.secretProperty().set(token);
    }

    @Test
    void theInitialProfileFillsTheForm() {
        assertSame(builtIn, vm.selectedProperty().get());
        assertEquals("Demo sandbox", vm.nameProperty().get());
        assertEquals(sandbox.baseUrl().toString(), vm.urlProperty().get());
        assertEquals(SignInMethod.PERSONAL_TOKEN, vm.methodProperty().get());
        assertEquals(sandbox.adminToken(), vm.secretProperty().get(), "the token field holds the secret itself");
        assertTrue(vm.builtInProperty().get());
        assertEquals("", vm.warningProperty().get(), "plain HTTP to 127.0.0.1 is not worth a warning");
    }

    @Test
    void formValidationMessages() {
        fillNew("", "https://gw.example.com", "t0k3n");
        assertNull(vm.save());
        assertEquals("Give the connection a name.", vm.formErrorProperty().get());

        vm.nameProperty().set("Prod");
        vm.urlProperty().set("https://exa mple.com");
        assertNull(vm.save());
        assertEquals("The manager URL is not a valid URL.", vm.formErrorProperty().get());

        vm.urlProperty().set("ftp://gw.example.com");
        assertNull(vm.save());
        assertEquals("The manager URL must start with https:// (or http://) and name a host.",
                vm.formErrorProperty().get());

        vm.urlProperty().set("gw.example.com");
        assertNull(vm.save());
        assertEquals("The manager URL must start with https:// (or http://) and name a host.",
                vm.formErrorProperty().get());

        vm.urlProperty().set("https://gw.example.com");
        vm.secretProperty().set("  ");
        assertNull(vm.save());
        assertEquals("Enter the personal API token.", vm.formErrorProperty().get());

        vm.methodProperty().set(SignInMethod.USERNAME_PASSWORD);
        assertNull(vm.save());
        assertEquals("Enter the password.", vm.formErrorProperty().get());

        vm.secretProperty().set("pw");
        assertNull(vm.save());
        assertEquals("Enter the username.", vm.formErrorProperty().get());

        vm.nameProperty().set("Demo sandbox");
        vm.usernameProperty().set("admin");
        assertNull(vm.save());
        assertEquals("Another connection is already called \u201CDemo sandbox\u201D.", vm.formErrorProperty().get());

        vm.nameProperty().set("Prod");
        ConnectionProfile saved = vm.save();
        assertNotNull(saved);
        assertEquals("", vm.formErrorProperty().get());
        assertEquals(URI.create("https://gw.example.com"), saved.url());
        assertEquals(2, profiles.size());
        assertSame(saved, vm.selectedProperty().get());
        assertEquals(1, profiles.indexOf(saved), "appended after the built-in");
        assertTrue(connected.isEmpty(), "saving does not connect");
        assertTrue(clientsMadeFor.isEmpty(), "an invalid or merely saved form never reaches the network");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessAllowedForTheConnection() {
        fillNew("Lab", "http://gw.internal.example:8080", "lab-token");
        assertTrue(vm.warningProperty().get().startsWith("Plain HTTP to gw.internal.example would send the token "
                + "unencrypted"), vm.warningProperty().get());
        vm.connect();
        assertTrue(connected.isEmpty(), "refused");
        assertTrue(vm.formErrorProperty().get().startsWith("Plain HTTP to gw.internal.example"), vm.formErrorProperty().get());
        vm.allowPlainHttpProperty().set(true);
        assertTrue(vm.warningProperty().get().startsWith("Plain HTTP sends the token unencrypted"),
                vm.warningProperty().get());
        vm.connect();
        assertEquals(1, connected.size(), "allowed for this connection");
        assertTrue(connected.get(0).options().network().allowPlainHttp(), "and the profile keeps the choice");
    }

    @Test
    void credentialsOrAQueryInTheAddressAreRefused() {
        fillNew("Lab", "https://admin:hunter2@gw.example/", "lab-token");
        vm.connect();
        assertTrue(vm.formErrorProperty().get().startsWith("The address holds a user name or password"),
                vm.formErrorProperty().get());
        assertFalse(vm.formErrorProperty().get().contains("hunter2"), "never quoted back");
        vm.urlProperty().set("https://gw.example/?token=abc");
        vm.connect();
        assertTrue(vm.formErrorProperty().get().startsWith("The address has a query or fragment"));
        assertTrue(connected.isEmpty());
    }

    @Test
    void plainHttpWarnsForNonLoopbackHostsOnly() {
        vm.urlProperty().set("http://gw.internal.example:8080");
        assertTrue(vm.warningProperty().get().startsWith("Plain HTTP to gw.internal.example"),
                vm.warningProperty().get());
        vm.urlProperty().set("http://10.0.0.7/");
        assertFalse(vm.warningProperty().get().isEmpty());
        vm.urlProperty().set("https://gw.internal.example");
        assertEquals("", vm.warningProperty().get());
        vm.urlProperty().set("http://127.0.0.1:8080");
        assertEquals("", vm.warningProperty().get());
        vm.urlProperty().set("http://localhost:8080");
        assertEquals("", vm.warningProperty().get());
        vm.urlProperty().set("http://[::1]:8080");
        assertEquals("", vm.warningProperty().get());
        vm.urlProperty().set("http://exa mple");
        assertEquals("", vm.warningProperty().get(), "a half-typed URL is the form error's business");
    }

    @Test
    void aHostNameThatMerelyStartsWith127IsNotLoopback() {
        vm.urlProperty().set("http://127.example.com/");
        assertFalse(vm.warningProperty().get().isEmpty(), "DNS may send 127.example.com anywhere");
        vm.urlProperty().set("http://127.0.0.1.attacker.example/");
        assertFalse(vm.warningProperty().get().isEmpty());
    }

    @Test
    void testConnectionListsTheProjects() {
        vm.testConnection();

        assertTrue(vm.testOkProperty().get());
        assertFalse(vm.testingProperty().get());
        String text = vm.testResultProperty().get();
        List<String> names = projectNames();
        assertTrue(names.size() >= 3);
        assertTrue(text.startsWith("Connected. " + names.size() + " projects: "), text);
        names.forEach(n -> assertTrue(text.contains(n), text));
        assertTrue(connected.isEmpty(), "testing does not connect");
    }

    @Test
    void testConnectionWithAWrongTokenShowsThe401Sentence() {
        vm.secretProperty().set("not-the-token");
        vm.testConnection();

        assertFalse(vm.testOkProperty().get());
        assertFalse(vm.testingProperty().get());
        String text = vm.testResultProperty().get();
        // A first attempt's 401 reads as "not accepted, check it", not as a revoked session.
        assertEquals("Loading projects failed: Invalid token (HTTP 401). The server did not accept the personal "
                + "token: check it.", text);
        assertFalse(text.contains("not-the-token"));
    }

    @Test
    void testConnectionToANonRespondingPortSaysSo() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        vm.urlProperty().set("http://127.0.0.1:" + port);
        vm.testConnection();
        assertFalse(vm.testOkProperty().get());
        assertTrue(vm.testResultProperty().get().contains("the connection was refused"), vm.testResultProperty().get());
    }

    @Test
    void usernameAndPasswordSignInThroughTheTokenEndpoint() {
        fillNew("Admin login", sandbox.baseUrl().toString(), "");
        vm.methodProperty().set(SignInMethod.USERNAME_PASSWORD);
        vm.usernameProperty().set(sandbox.username());
        vm.secretProperty().set(sandbox.password());

        vm.testConnection();
        assertTrue(vm.testOkProperty().get(), vm.testResultProperty().get());
        assertTrue(vm.testResultProperty().get().startsWith("Connected. "), vm.testResultProperty().get());

        vm.secretProperty().set("wrong-password");
        vm.testConnection();
        assertFalse(vm.testOkProperty().get());
        // The token endpoint's answer is never quoted: its status, a fixed sentence, and what to check.
        assertEquals("Signing in as \u201C" + sandbox.username() + "\u201D failed: the sign-in was refused (HTTP 401). "
                + "The server did not accept the password for this username: check it.", vm.testResultProperty().get());
        assertFalse(vm.testResultProperty().get().contains("wrong-password"));
    }

    @Test
    void connectSavesCallsBackAndIsDone() {
        fillNew("Second", sandbox.baseUrl().toString(), sandbox.adminToken());
        assertFalse(vm.doneProperty().get());

        vm.connect();

        assertTrue(vm.doneProperty().get());
        assertEquals(1, connected.size());
        ConnectionProfile p = connected.get(0);
        assertEquals("Second", p.name());
        assertEquals(Secret.of(sandbox.adminToken()), p.secret());
        assertFalse(p.builtIn());
        assertTrue(profiles.contains(p));
    }

    @Test
    void connectWithAnInvalidFormDoesNothing() {
        fillNew("", sandbox.baseUrl().toString(), sandbox.adminToken());
        vm.connect();
        assertFalse(vm.doneProperty().get());
        assertTrue(connected.isEmpty());
        assertEquals("Give the connection a name.", vm.formErrorProperty().get());
    }

    @Test
    void editingTheSelectedProfileReplacesIt() {
        vm.secretProperty().set("rotated-token");
        ConnectionProfile saved = vm.save();
        assertEquals(1, profiles.size(), "replaced, not added");
        assertEquals(Secret.of("rotated-token"), profiles.get(0).secret());
        assertTrue(saved.builtIn(), "the built-in profile stays built in");
    }

    @Test
    void theBuiltInProfileCannotBeRemovedButOthersCan() {
        assertFalse(vm.canRemoveProperty().get());
        vm.remove();
        assertEquals(List.of(builtIn), List.copyOf(profiles));

        fillNew("Throwaway", "https://gw.example.com", "t");
        ConnectionProfile extra = vm.save();
        assertTrue(vm.canRemoveProperty().get());
        vm.remove();
        assertFalse(profiles.contains(extra));
        assertSame(builtIn, vm.selectedProperty().get(), "falls back to the remaining profile");
    }

    @Test
    void switchingProfilesClearsTheLastTestResult() {
        vm.secretProperty().set("wrong");
        vm.testConnection();
        assertFalse(vm.testResultProperty().get().isEmpty());

        fillNew("Other", "https://gw.example.com", "t");
        ConnectionProfile other = vm.save();
        vm.selectedProperty().set(builtIn);
        assertEquals("", vm.testResultProperty().get());
        assertEquals(sandbox.adminToken(), vm.secretProperty().get());
        vm.selectedProperty().set(other);
        assertEquals("https://gw.example.com", vm.urlProperty().get());
    }

    @Test
    void choosingAmpersandOffersItsOwnSignInAndAddress() {
        vm.newProfile();
        vm.backendProperty().set(BackendKind.AMPERSAND);
        assertEquals(List.of(SignInMethod.API_KEY), List.copyOf(vm.methods()));
        assertEquals(SignInMethod.API_KEY, vm.methodProperty().get());
        assertEquals("API base URL", vm.urlLabelProperty().get());
        assertEquals("https://api.withampersand.com/v1", vm.urlPromptProperty().get());
        assertEquals("API key", vm.secretLabelProperty().get());
        assertFalse(vm.needsUsernameProperty().get());

        vm.backendProperty().set(BackendKind.APINIZER);
        assertEquals(List.of(SignInMethod.PERSONAL_TOKEN, SignInMethod.USERNAME_PASSWORD), List.copyOf(vm.methods()));
        assertEquals(SignInMethod.PERSONAL_TOKEN, vm.methodProperty().get());
        assertEquals("Manager URL", vm.urlLabelProperty().get());
    }

    @Test
    void anAmpersandProfileTestsAndConnectsWithItsApiKey() {
        fillNew("Ampersand lab", sandbox.ampersandBaseUrl().toString(), "");
        vm.backendProperty().set(BackendKind.AMPERSAND);
        vm.secretProperty().set(sandbox.ampersandApiKey());

        vm.testConnection();
        assertTrue(vm.testOkProperty().get(), vm.testResultProperty().get());
        assertTrue(vm.testResultProperty().get().startsWith("Connected. 4 projects: payments-prod"),
                vm.testResultProperty().get());

        vm.connect();
        ConnectionProfile p = connected.get(0);
        assertEquals(BackendKind.AMPERSAND, p.backend());
        assertEquals(SignInMethod.API_KEY, p.method());
        assertEquals(sandbox.ampersandBaseUrl(), p.url());
        assertTrue(p.authentication() instanceof io.keyward.gateway.Authentication.ApiKey);
        assertFalse(p.toString().contains(sandbox.ampersandApiKey()), "a profile never prints its key");
        assertTrue(vm.doneProperty().get());
    }

    @Test
    void aMissingApiKeyIsNamedAsSuch() {
        fillNew("Ampersand lab", "https://api.withampersand.com/v1", "");
        vm.backendProperty().set(BackendKind.AMPERSAND);
        vm.connect();
        assertEquals("Enter the API key.", vm.formErrorProperty().get());
        assertTrue(connected.isEmpty());
    }

    @Test
    void switchingTheSignInMethodDropsASecretTypedForTheOtherOne() {
        fillNew("Lab", "https://gw.example.com", "a-personal-token");
        vm.methodProperty().set(SignInMethod.USERNAME_PASSWORD);
        assertEquals("", vm.secretProperty().get(), "a token is not a password");
        vm.secretProperty().set("pw");
        vm.backendProperty().set(BackendKind.AMPERSAND);
        assertEquals("", vm.secretProperty().get(), "nor an API key");
    }

    @Test
    void selectingABuiltInAmpersandProfileFillsTheFormWithoutClearingItsKey() {
        ConnectionProfile amp = new ConnectionProfile("Demo sandbox (Ampersand)", BackendKind.AMPERSAND,
                sandbox.ampersandBaseUrl(), SignInMethod.API_KEY, null, Secret.of(sandbox.ampersandApiKey()), true);
        profiles.add(amp);
        vm.selectedProperty().set(amp);
        assertEquals(BackendKind.AMPERSAND, vm.backendProperty().get());
        assertEquals(SignInMethod.API_KEY, vm.methodProperty().get());
        assertEquals(sandbox.ampersandApiKey(), vm.secretProperty().get());
        vm.selectedProperty().set(builtIn);
        assertEquals(BackendKind.APINIZER, vm.backendProperty().get());
        assertEquals(sandbox.adminToken(), vm.secretProperty().get());
    }
}
