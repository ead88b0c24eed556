package io.keyward.ui.main;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.SignInMethod;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.DirectTaskExecutor;
import io.keyward.session.ProfileOptions;
import io.keyward.store.MemorySecretStore;
import io.keyward.store.ProfileStore;
import io.keyward.store.UnavailableSecretStore;
import io.keyward.ui.FakeDialogService;
import io.keyward.ui.connect.ConnectionsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections outlive the console (never their secrets, except in the keychain when "Remember" is on);
 * a remembered one reconnects at start; removing one removes its secret.
 */
class SavedConnectionsTest {

    @TempDir
    Path dir;

    static final String TOKEN = "lab-token-SECRET-0815";
    final MemorySecretStore keychain = new MemorySecretStore();
    final List<ConnectionProfile> connected = new ArrayList<>();

    MainViewModel console(io.keyward.store.SecretStore secrets) {
        GatewayClient empty = io.keyward.session.TestClients.empty(BackendKind.APINIZER, false);
        return new MainViewModel(p -> {
            connected.add(p);
            return empty;
        }, new DirectTaskExecutor(), new FakeDialogService(), Clock.systemUTC(), null, secrets,
                new ProfileStore(dir.resolve("profiles.json"), Clock.systemUTC()));
    }

    ConnectionsViewModel form(MainViewModel main, io.keyward.store.SecretStore secrets) {
        return new ConnectionsViewModel(main.profiles(), null, p -> null, new DirectTaskExecutor(), main::connect, secrets);
    }

    void fill(ConnectionsViewModel vm, String name, boolean remember) {
        vm.newProfile();
        vm.nameProperty().set(name);
        vm.urlProperty().set("https://lab.example");
        vm.secretProperty().set(TOKEN);
        vm.readTimeoutProperty().set("45");
        vm.rememberProperty().set(remember);
    }

    @Test
    void aRememberedConnectionIsSavedWithoutItsSecretAndReconnectsAtTheNextStart() throws Exception {
        MainViewModel first = console(keychain);
        ConnectionsViewModel vm = form(first, keychain);
        assertTrue(vm.rememberAvailableProperty().get());
        fill(vm, "Lab / Müşteri", true);
        vm.connect();
        assertEquals(TOKEN, keychain.get("Lab / Müşteri").orElseThrow().reveal(), "the secret went to the keychain");
        String file = Files.readString(dir.resolve("profiles.json"), StandardCharsets.UTF_8);
        assertTrue(file.contains("Lab / Müşteri"), file);
        assertFalse(file.contains(TOKEN), "no secret in the file");

        // The next start: the profile is back, without its secret until the keychain gives it.
        connected.clear();
        MainViewModel next = console(keychain);
        next.restoreProfiles(new ProfileStore(dir.resolve("profiles.json"), Clock.systemUTC()).load());
        ConnectionProfile restored = next.profiles().stream().filter(p -> p.name().equals("Lab / Müşteri")).findFirst()
                .orElseThrow();
        assertTrue(restored.rememberSecret());
        assertFalse(restored.hasSecret());
        assertEquals(Duration.ofSeconds(45), restored.options().readTimeout());
        boolean[] demo = {false};
        next.reconnectRemembered("Lab / Müşteri", () -> { }, () -> demo[0] = true);
        assertFalse(demo[0], "no fallback to the demo");
        assertEquals(1, connected.size());
        assertEquals(TOKEN, connected.get(0).secret().reveal(), "connected with the keychain's secret");
    }

    @Test
    void withoutRememberNothingGoesToTheKeychainAndTheStartFallsBackToTheDemo() throws Exception {
        MainViewModel first = console(keychain);
        ConnectionsViewModel vm = form(first, keychain);
        fill(vm, "Lab", false);
        vm.connect();
        assertTrue(keychain.get("Lab").isEmpty());
        MainViewModel next = console(keychain);
        next.restoreProfiles(new ProfileStore(dir.resolve("profiles.json"), Clock.systemUTC()).load());
        boolean[] demo = {false};
        next.reconnectRemembered("Lab", () -> { }, () -> demo[0] = true);
        assertTrue(demo[0], "the demo instead (Keyward asks for the secret at connect)");
    }

    @Test
    void removingAConnectionRemovesItsSecret() throws Exception {
        MainViewModel main = console(keychain);
        ConnectionsViewModel vm = form(main, keychain);
        fill(vm, "Lab", true);
        vm.save();
        assertTrue(keychain.get("Lab").isPresent());
        vm.remove();
        assertTrue(keychain.get("Lab").isEmpty(), "the secret went with the profile");
        assertFalse(Files.readString(dir.resolve("profiles.json")).contains("\"Lab\""), "and the profile from the file");
    }

    @Test
    void aSavedProfileWithARememberedSecretFillsTheFormFromTheKeychain() throws Exception {
        keychain.put("Lab", Secret.of(TOKEN));
        MainViewModel main = console(keychain);
        main.profiles().add(new ConnectionProfile("Lab", BackendKind.APINIZER, URI.create("https://lab.example"),
                SignInMethod.PERSONAL_TOKEN, null, null, false, ProfileOptions.DEFAULTS, true));
        ConnectionsViewModel vm = form(main, keychain);
        vm.selectedProperty().set(main.profiles().get(0));
        assertEquals(TOKEN, vm.secretProperty().get());
        assertTrue(vm.rememberProperty().get());
    }

    @Test
    void withoutAKeychainRememberIsDisabledWithTheReason() {
        UnavailableSecretStore none = new UnavailableSecretStore("No keychain is reachable: the Secret Service is not running.");
        ConnectionsViewModel vm = form(console(none), none);
        assertFalse(vm.rememberAvailableProperty().get());
        assertEquals("No keychain is reachable: the Secret Service is not running.", vm.rememberReasonProperty().get());
        fill(vm, "Lab", true);
        assertFalse(vm.save().rememberSecret(), "nothing to remember it in");
    }
}
