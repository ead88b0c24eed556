package io.keyward.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Ampersand demo: real RSA public keys, and every case the console must be able to show. */
class AmpersandDemoDataTest {
    @Test
    void everyDemoKeyIsARealRsaPublicKeyOfAtLeast2048Bits() throws Exception {
        Map<String, String> pems = DemoPublicKeys.all();
        assertEquals(10, pems.size());
        Set<BigInteger> moduli = new HashSet<>();
        Set<Integer> sizes = new HashSet<>();
        for (Map.Entry<String, String> entry : pems.entrySet()) {
            String pem = entry.getValue();
            List<String> lines = pem.lines().toList();
            assertEquals("-----BEGIN PUBLIC KEY-----", lines.get(0), entry.getKey());
            assertEquals("-----END PUBLIC KEY-----", lines.get(lines.size() - 1), entry.getKey());
            for (String line : lines.subList(1, lines.size() - 2)) {
                assertEquals(64, line.length(), "openssl's 64-character lines in " + entry.getKey());
            }
            assertTrue(lines.get(lines.size() - 2).length() <= 64);
            byte[] der = Base64.getDecoder().decode(String.join("", lines.subList(1, lines.size() - 1)));
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            int bits = key.getModulus().bitLength();
            assertTrue(bits == 2048 || bits == 3072, entry.getKey() + ": " + bits);
            assertEquals(BigInteger.valueOf(65_537), key.getPublicExponent());
            sizes.add(bits);
            assertTrue(moduli.add(key.getModulus()), "every demo key is a different key: " + entry.getKey());
            assertTrue(RsaPublicKeyPem.check(pem).isEmpty(), "the sandbox's own check accepts " + entry.getKey());
        }
        assertEquals(Set.of(2048, 3072), sizes);
    }

    @Test
    void theResourceHoldsNoPrivateKey() {
        String resource = new String(readResource(), StandardCharsets.UTF_8);
        assertFalse(resource.contains("PRIVATE"), "only public keys are committed");
    }

    @Test
    void projectsCoverTheCasesTheConsoleNeeds() {
        List<AmpersandProjectData> projects = AmpersandDemoData.generate();
        assertTrue(projects.size() >= 3);

        AmpersandProjectData payments = named(projects, "payments-prod");
        assertEquals("Payments", payments.project.appName());
        assertEquals(5, payments.keys.size());
        assertTrue(activeCount(payments) >= 2, "several active");
        assertTrue(activeCount(payments) < payments.keys.size(), "at least one inactive");
        Map<String, Long> labels = payments.keys.values().stream()
                .collect(Collectors.groupingBy(JwtKeyRecord::label, Collectors.counting()));
        assertEquals(2L, labels.get(AmpersandDemoData.SHARED_LABEL), "two keys share a label");

        AmpersandProjectData portal = named(projects, "Kundenportal Zürich");
        assertTrue(portal.project.name().contains(" "));
        assertFalse(portal.project.name().chars().allMatch(c -> c < 128), "non-ASCII letters");
        assertTrue(portal.keys.size() >= 2 && portal.keys.size() <= 3);

        AmpersandProjectData sso = named(projects, "partner-sso");
        assertEquals(1, activeCount(sso), "exactly one active key");

        assertTrue(projects.stream().anyMatch(p -> p.keys.isEmpty()), "a project without keys");
    }

    @Test
    void idsAreUuidsAndTimesArePlausible() {
        Set<String> ids = new HashSet<>();
        Instant now = Instant.now();
        for (AmpersandProjectData data : AmpersandDemoData.generate()) {
            AmpersandProject project = data.project;
            assertTrue(ids.add(project.id()));
            assertEquals(project.id(), UUID.fromString(project.id()).toString());
            assertEquals(AmpersandDemoData.ORG_ID, project.orgId());
            assertFalse(project.createTime().isAfter(project.updateTime()));
            assertTrue(project.updateTime().isBefore(now));
            for (JwtKeyRecord key : data.keys.values()) {
                assertTrue(ids.add(key.id()), "unique id " + key.id());
                assertEquals(key.id(), UUID.fromString(key.id()).toString());
                assertEquals(project.id(), key.projectId());
                assertEquals("RSA", key.algorithm());
                assertFalse(key.createTime().isBefore(project.createTime()), key.label());
                assertFalse(key.createTime().isAfter(key.updateTime()), key.label());
                assertTrue(key.updateTime().isBefore(now), key.label());
            }
        }
    }

    @Test
    void eachGenerationIsFreshButTheSame() {
        List<AmpersandProjectData> first = AmpersandDemoData.generate();
        List<AmpersandProjectData> second = AmpersandDemoData.generate();
        first.get(0).keys.clear();
        assertEquals(5, second.get(0).keys.size(), "no shared mutable state between generations");
        assertEquals(List.copyOf(AmpersandDemoData.generate().get(1).keys.values()),
                List.copyOf(second.get(1).keys.values()), "fixed ids and times: a reset brings back the same keys");
    }

    @Test
    void theKeyFileParserRejectsAmbiguity() {
        assertThrows(IllegalStateException.class, () -> DemoPublicKeys.parse("-----BEGIN PUBLIC KEY-----\n"));
        String one = "name: a\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
        assertThrows(IllegalStateException.class, () -> DemoPublicKeys.parse(one + one));
        assertEquals(Map.of("a", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
                DemoPublicKeys.parse("# comment\r\n\r\n" + one.replace("\n", "\r\n")));
        assertThrows(IllegalStateException.class, () -> DemoPublicKeys.named("no-such-key"));
    }

    private static byte[] readResource() {
        try (InputStream in = DemoPublicKeys.class.getResourceAsStream(DemoPublicKeys.RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AmpersandProjectData named(List<AmpersandProjectData> projects, String name) {
        return projects.stream().filter(p -> p.project.name().equals(name)).findFirst().orElseThrow();
    }

    private static long activeCount(AmpersandProjectData project) {
        return project.keys.values().stream().filter(JwtKeyRecord::active).count();
    }
}
