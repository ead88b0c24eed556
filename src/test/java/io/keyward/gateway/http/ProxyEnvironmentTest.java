package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.NetworkSettings;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.keyward.gateway.http.TlsFixtures.assertNoSecret;
import static io.keyward.gateway.http.TlsFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The system proxy from the environment's variables, with an injected environment. */
class ProxyEnvironmentTest {

    static final Proxy CORP = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128));

    /** A JVM default selector that always names its own proxy, to see when it is asked. */
    static final Proxy JVM = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jvm.proxy", 8080));
    static final ProxySelector JVM_SELECTOR = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            return List.of(JVM);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    };

    static List<Proxy> select(Map<String, String> env, String url) {
        return SystemProxies.from(env).selector(JVM_SELECTOR).select(URI.create(url));
    }

    static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    @Test
    void eachSchemeTakesItsOwnVariable() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://plain.corp:80");
        assertEquals(List.of(CORP), select(env, "https://manager.example.com/apiops"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("plain.corp", 80))),
                select(env, "http://manager.example.com/"));
        // https does not borrow http's proxy: the JVM's default decides, as when nothing is set.
        assertEquals(List.of(JVM), select(Map.of("HTTP_PROXY", "http://plain.corp:80"), "https://manager.example.com/"));
        assertEquals(List.of(JVM), select(Map.of(), "https://manager.example.com/"));
    }

    @Test
    void lowerCaseWinsAndValuesMayLackASchemeOrAPort() {
        Map<String, String> env = Map.of("https_proxy", "proxy.corp:3128", "HTTPS_PROXY", "http://other.corp:1");
        assertEquals(List.of(CORP), select(env, "https://manager.example.com/"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 80))),
                select(Map.of("HTTPS_PROXY", "http://Proxy.Corp/"), "https://manager.example.com/"));
        assertEquals(List.of(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("socks.corp", 1080))),
                select(Map.of("HTTPS_PROXY", "socks5://socks.corp"), "https://manager.example.com/"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("fd00::3", 3128))),
                select(Map.of("HTTPS_PROXY", "http://[fd00::3]:3128"), "https://manager.example.com/"));
    }

    @Test
    void noProxyBypassesByExactNameSuffixPortAddressAndStar() {
        Map<String, String> env = new HashMap<>(Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
                "NO_PROXY", "exact.example, .internal.example,corp.example ,port.example:8443,10.0.0.0/8,192.168.1.7,[fd00::1]"));
        assertEquals(DIRECT, select(env, "https://exact.example/"));
        assertEquals(List.of(CORP), select(env, "https://sub.exact.example.com/"), "not a suffix of exact.example");
        assertEquals(List.of(CORP), select(env, "https://notexact.example/"), "a suffix match is on a dot boundary");
        assertEquals(DIRECT, select(env, "https://a.b.internal.example/"));
        assertEquals(DIRECT, select(env, "https://internal.example/"), ".internal.example covers the domain itself");
        assertEquals(DIRECT, select(env, "https://api.corp.example/"), "corp.example covers names under it");
        assertEquals(DIRECT, select(env, "https://CORP.EXAMPLE./"));
        assertEquals(DIRECT, select(env, "https://port.example:8443/"));
        assertEquals(List.of(CORP), select(env, "https://port.example/"), "only port 8443 is exempt");
        assertEquals(DIRECT, select(env, "https://10.20.30.40/"));
        assertEquals(List.of(CORP), select(env, "https://11.0.0.1/"));
        assertEquals(DIRECT, select(env, "https://192.168.1.7:9443/"));
        assertEquals(DIRECT, select(env, "https://[fd00:0:0:0:0:0:0:1]/"), "an IPv6 address in any spelling");
        assertEquals(List.of(CORP), select(env, "https://manager.example.com/"));

        env.put("no_proxy", "*");
        assertEquals(DIRECT, select(env, "https://manager.example.com/"), "lower case wins, and * exempts all");
        env.put("no_proxy", "*.wild.example");
        assertEquals(DIRECT, select(env, "https://a.wild.example/"));
    }

    @Test
    void thisComputerNeverGoesThroughTheEnvironmentsProxy() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://proxy.corp:3128");
        for (String url : List.of("http://localhost:8080/", "http://127.0.0.1/", "http://127.9.9.9/", "https://[::1]/")) {
            assertEquals(DIRECT, select(env, url), url);
        }
        assertEquals(List.of(CORP), select(env, "http://127.example.com/"), "a name is not an address");
    }

    @Test
    void theSignInInTheVariableIsKeptForTheProxyAndNeverShown() {
        SystemProxies p = SystemProxies.from(Map.of("HTTPS_PROXY", "http://al%40ice:s3cr%3At+x@proxy.corp:3128"));
        ProxyCredentials.Basic basic = p.credentialsFor(InetSocketAddress.createUnresolved("proxy.corp", 3128));
        assertNotNull(basic);
        assertEquals("al@ice", basic.username());
        assertEquals("s3cr:t+x", basic.password().reveal());
        assertNull(p.credentialsFor(InetSocketAddress.createUnresolved("proxy.corp", 8080)));
        assertNull(p.credentialsFor(InetSocketAddress.createUnresolved("other.corp", 3128)));
        String shown = p.forScheme("https").toString() + " " + basic;
        assertFalse(shown.contains("s3cr") || shown.contains("al@ice") || shown.contains("al%40ice"), shown);
        assertEquals("HTTPS_PROXY=http://proxy.corp:3128 (with a username and password)", p.forScheme("https").toString());
    }

    @Test
    void aVariableThatIsNotAnAddressStopsOnlyTheConnectionsItWouldServe() {
        SystemProxies p = SystemProxies.from(Map.of("HTTPS_PROXY", "http://user:pw-9f@proxy.corp:notaport",
                "NO_PROXY", "lab.example"));
        String problem = p.problemFor(URI.create("https://manager.example.com/"));
        assertEquals("The environment variable HTTPS_PROXY is not a proxy address (expected http://host:port), so"
                + " Keyward cannot tell which proxy to use. Correct it, or choose a proxy (or none) in the"
                + " connection's settings.", problem);
        assertFalse(problem.contains("pw-9f"));
        assertNull(p.problemFor(URI.create("https://lab.example/")), "exempt by NO_PROXY");
        assertNull(p.problemFor(URI.create("https://127.0.0.1:8443/")), "this computer");
        assertNull(p.problemFor(URI.create("http://manager.example.com/")), "http has its own variable");
        for (String bad : List.of("ftp://proxy.corp:21", "http://", "http://proxy.corp:0", "http://proxy.corp:70000",
                "http://fd00::1:3128", "http://pro xy:80")) {
            assertNull(SystemProxies.EnvProxy.parse("HTTPS_PROXY", bad), bad);
        }
    }

    @Test
    void theTransportFollowsTheEnvironmentAndSignsInWithItsCredentials() throws Exception {
        MockWebServer proxy = new MockWebServer();
        proxy.start();
        try {
            proxy.enqueue(ProxyAuthenticationTest.challenge());
            proxy.enqueue(new MockResponse().setBody("via env"));
            Map<String, String> env = Map.of("http_proxy", "http://bob:env-pw-4411@" + proxy.getHostName() + ":"
                    + proxy.getPort(), "no_proxy", "other.test");
            HttpTransport t = TlsFixtures.transport(settings(URI.create("http://manager.test/"),
                    NetworkSettings.DEFAULTS.withPlainHttp(true)), env, new java.util.ArrayList<>());
            assertEquals("via env", t.execute("Loading projects",
                    new Request.Builder().url("http://manager.test/v1").build()).body());
            RecordedRequest first = proxy.takeRequest(1, TimeUnit.SECONDS);
            assertEquals("GET http://manager.test/v1 HTTP/1.1", first.getRequestLine());
            assertNull(first.getHeader("Proxy-Authorization"));
            assertEquals(Credentials.basic("bob", "env-pw-4411", StandardCharsets.UTF_8),
                    proxy.takeRequest(1, TimeUnit.SECONDS).getHeader("Proxy-Authorization"));

            // A second refusal names the proxy and keeps the variable's password out of the message.
            proxy.enqueue(ProxyAuthenticationTest.challenge());
            proxy.enqueue(ProxyAuthenticationTest.challenge());
            GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Loading projects",
                    new Request.Builder().url("http://manager.test/v1").build()));
            assertEquals(new Failure.ProxyAuthentication(proxy.getHostName() + ":" + proxy.getPort()), e.failure());
            assertNoSecret(e, "env-pw-4411", "bob");
        } finally {
            proxy.shutdown();
        }
    }

    @Test
    void anUnreadableProxyVariableIsSaidBeforeAnythingIsSent() {
        HttpTransport t = TlsFixtures.transport(settings(URI.create("https://manager.example.com/"),
                NetworkSettings.DEFAULTS), Map.of("HTTPS_PROXY", "http://u:pw-77aa@proxy.corp:x"), new java.util.ArrayList<>());
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Loading projects",
                new Request.Builder().url("https://manager.example.com/apiops/projects").build()));
        assertEquals(new Failure.Misconfigured(Failure.Setting.PROXY), e.failure());
        assertTrue(e.getMessage().startsWith("Loading projects failed, and nothing was sent. The environment variable"
                + " HTTPS_PROXY is not a proxy address"), e.getMessage());
        assertNoSecret(e, "pw-77aa");
    }
}
