package io.keyward.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlPolicyTest {

    static String check(String url, boolean allowPlainHttp) {
        return UrlPolicy.check(URI.create(url), allowPlainHttp);
    }

    @Test
    void httpsAddressesAreFine() {
        for (String url : List.of("https://manager.example.com", "https://manager.example.com/", "https://10.0.0.7:8443/apiops",
                "https://[fd00::1]/v1", "HTTPS://Manager.Example.COM/a%20b/")) {
            assertNull(check(url, false), url);
        }
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedUnlessAllowed() {
        assertEquals("Plain HTTP to manager.example.com would send the token unencrypted. Use https://, or tick"
                + " \u201CAllow unencrypted HTTP\u201D for this connection.", check("http://manager.example.com/", false));
        assertNull(check("http://manager.example.com/", true));
        for (String url : List.of("http://10.0.0.7/", "http://127.example.com/", "http://127.0.0.1.attacker.example/",
                "http://localhost.attacker.example/", "http://[fd00::1]/", "http://0.0.0.0/")) {
            String refusal = check(url, false);
            assertNotNull(refusal, url);
            assertTrue(refusal.startsWith("Plain HTTP to "), refusal);
            assertNull(check(url, true), url);
        }
        // Not IPv4 addresses (java.net.URI finds no host in them at all): refused either way.
        for (String url : List.of("http://256.0.0.1/", "http://127.1/")) {
            assertNotNull(check(url, false), url);
        }
    }

    @Test
    void plainHttpToThisComputerIsFine() {
        for (String url : List.of("http://localhost/", "http://LOCALHOST:8080/apiops", "http://localhost./",
                "http://sandbox.localhost:1234/", "http://127.0.0.1:18080/", "http://127.255.1.2/", "http://[::1]:8080/",
                "http://[0:0:0:0:0:0:0:1]/")) {
            assertNull(check(url, false), url);
        }
        assertTrue(UrlPolicy.isLoopback("127.0.0.1"));
        assertFalse(UrlPolicy.isLoopback("128.0.0.1"));
        assertFalse(UrlPolicy.isLoopback("::2"));
        assertFalse(UrlPolicy.isLoopback(null));
    }

    @Test
    void credentialsInTheAddressAreRefusedAndNotRepeated() {
        String refusal = check("https://admin:hunter2-secret@manager.example.com/", true);
        assertEquals("The address contains a user name or password (before \u201C@\u201D). Remove it: Keyward signs in"
                + " with the connection's own credentials, and an address is shown and saved in plain text.", refusal);
        assertFalse(refusal.contains("hunter2") || refusal.contains("admin"));
        assertNotNull(check("https://token@manager.example.com/", false));
        assertNotNull(check("http://u:p@localhost/", true));
    }

    @Test
    void aQueryOrAFragmentIsRefusedAndNotRepeated() {
        String query = check("https://manager.example.com/apiops?apikey=qs-secret-1", false);
        assertEquals("The address must not have a query (the part from \u201C?\u201D). Enter the base address only;"
                + " Keyward adds the paths and parameters itself.", query);
        assertNotNull(check("https://manager.example.com/?", false), "an empty query too");
        String fragment = check("https://manager.example.com/#frag-secret", false);
        assertEquals("The address must not have a fragment (the part from \u201C#\u201D). Enter the base address only.",
                fragment);
        assertFalse(query.contains("qs-secret-1") || fragment.contains("frag-secret"));
    }

    @Test
    void onlyHttpAndHttpsWithAHost() {
        assertEquals("The address must start with https:// (or http://).", check("ftp://manager.example.com/", true));
        assertEquals("The address must start with https:// (or http://).", check("manager.example.com/apiops", true));
        assertEquals("The address must start with https:// (or http://).", check("file:///etc/passwd", true));
        assertEquals("The address must name a host, e.g. https://manager.example.com.", check("https:///apiops", true));
        assertEquals("The address is empty.", UrlPolicy.check(null, true));
    }
}
