package io.keyward.gateway;

import io.keyward.model.Secret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkSettingsTest {

    static final String PEM = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

    @Test
    void theDefaultsTrustTheRuntimeOnlyAndFollowTheSystemProxy() {
        NetworkSettings d = NetworkSettings.DEFAULTS;
        assertEquals(List.of(), d.caCertificatesPem());
        assertFalse(d.useOsTrustStore());
        assertNull(d.clientCertificate());
        assertNull(d.clientCertificatePassword());
        assertSame(ProxyChoice.SYSTEM, d.proxy());
        assertFalse(d.allowPlainHttp());
        assertEquals(d, new NetworkSettings(null, false, null, null, null, false));
    }

    @Test
    void itIsImmutable() {
        List<String> pems = new ArrayList<>(List.of(PEM));
        NetworkSettings n = NetworkSettings.DEFAULTS.withCaCertificates(pems);
        pems.add("changed later");
        assertEquals(List.of(PEM), n.caCertificatesPem());
        assertThrows(UnsupportedOperationException.class, () -> n.caCertificatesPem().add(PEM));
        assertEquals(List.of(), NetworkSettings.DEFAULTS.caCertificatesPem(), "withers make new values");
    }

    @Test
    void withersChangeOneThingEach() {
        Path p12 = Path.of("client.p12");
        NetworkSettings n = NetworkSettings.DEFAULTS.withOsTrustStore(true).withClientCertificate(p12, Secret.of("pw"))
                .withProxy(ProxyChoice.NONE).withPlainHttp(true).trustingAlso(PEM);
        assertTrue(n.useOsTrustStore());
        assertEquals(p12, n.clientCertificate());
        assertEquals("pw", n.clientCertificatePassword().reveal());
        assertSame(ProxyChoice.NONE, n.proxy());
        assertTrue(n.allowPlainHttp());
        assertEquals(List.of(PEM), n.caCertificatesPem());
        assertSame(n, n.trustingAlso("  " + PEM + "\n"), "a CA already trusted is not added twice");
        assertNull(n.withClientCertificate(null, Secret.of("pw")).clientCertificatePassword(),
                "no password without a file");
    }

    @Test
    void noSecretInToString() {
        NetworkSettings n = NetworkSettings.DEFAULTS.withClientCertificate(Path.of("c.p12"), Secret.of("p12-pw-1"))
                .withProxy(ProxyChoice.manual("proxy.corp", 3128, "alice", Secret.of("proxy-pw-2")));
        String s = n + " " + n.proxy();
        assertFalse(s.contains("p12-pw-1") || s.contains("proxy-pw-2") || s.contains("alice"), s);
        assertTrue(s.contains("proxy.corp:3128"), s);
        ConnectionSettings c = ConnectionSettings.of(URI.create("https://m.example.com"),
                new Authentication.ApiKey(Secret.of("api-key-3"))).withNetwork(n);
        assertFalse(c.toString().contains("p12-pw-1") || c.toString().contains("proxy-pw-2")
                || c.toString().contains("api-key-3"), c.toString());
    }

    @Test
    void aManualProxyIsAHostAndAPort() {
        ProxyChoice.Manual m = new ProxyChoice.Manual(" proxy.corp ", 3128, " ", Secret.of("ignored"));
        assertEquals("proxy.corp", m.host());
        assertFalse(m.hasCredentials(), "a blank username means no sign-in");
        assertNull(m.password());
        assertEquals("[fd00::1]:8080", new ProxyChoice.Manual("fd00::1", 8080, null, null).address());
        for (String host : List.of("", "http://proxy.corp", "proxy.corp/path", "user@proxy.corp", "pro xy")) {
            assertThrows(IllegalArgumentException.class, () -> new ProxyChoice.Manual(host, 3128, null, null), host);
        }
        assertThrows(IllegalArgumentException.class, () -> new ProxyChoice.Manual("proxy.corp", 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ProxyChoice.Manual("proxy.corp", 65536, null, null));
    }

    @Test
    void connectionSettingsCarryTheNetworkThroughEveryWither() {
        NetworkSettings n = NetworkSettings.DEFAULTS.withPlainHttp(true);
        ConnectionSettings c = ConnectionSettings.of(URI.create("http://m.example.com"),
                new Authentication.ApiKey(Secret.of("k"))).withNetwork(n);
        assertSame(NetworkSettings.DEFAULTS, ConnectionSettings.of(URI.create("https://m.example.com"),
                new Authentication.ApiKey(Secret.of("k"))).network());
        ConnectionSettings changed = c.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withMutationTimeout(Duration.ofSeconds(4)).withReadRetries(0).withMaxRetryWait(Duration.ofSeconds(5))
                .withMaxResponseBytes(1024).withObserver(CallObserver.NONE);
        assertSame(n, changed.network());
        assertSame(NetworkSettings.DEFAULTS, c.withNetwork(null).network());
        ConnectionSettings old = new ConnectionSettings(URI.create("https://m.example.com"),
                new Authentication.ApiKey(Secret.of("k")), null, null, null, null, 1, null, 0, null);
        assertSame(NetworkSettings.DEFAULTS, old.network(), "the constructor without network settings still works");
    }

    @Test
    void theOsStoreIsOfferedOnWindowsAndMacOsOnly() {
        assertEquals("Windows-ROOT", NetworkSettings.osTrustStoreType("Windows 11"));
        assertEquals("KeychainStore", NetworkSettings.osTrustStoreType("Mac OS X"));
        assertNull(NetworkSettings.osTrustStoreType("Linux"));
        assertEquals("Only Windows and macOS have a certificate store Keyward can read; on Linux, add your company's"
                + " CA to the connection's trusted CAs instead.", NetworkSettings.osTrustStoreUnavailableReason("Linux"));
        String here = System.getProperty("os.name");
        String reason = NetworkSettings.osTrustStoreUnavailableReason();
        if (NetworkSettings.osTrustStoreType(here) == null) {
            assertNotNull(reason, here);
        } else {
            assertNull(reason, "this runtime has " + NetworkSettings.osTrustStoreType(here));
        }
    }
}
