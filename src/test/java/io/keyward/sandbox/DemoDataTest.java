package io.keyward.sandbox;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo data has every case the console must show; generating it is cheap. */
class DemoDataTest {
    @Test
    void generationIsCheap() {
        DemoData.generate();
        long start = System.nanoTime();
        DemoData.generate();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Typically a few milliseconds once loaded; the bound leaves room for a busy CI machine.
        assertTrue(millis < 500, "demo data took " + millis + " ms");
    }

    @Test
    void everyProjectHasTheVarietyTheConsoleNeeds() {
        List<ProjectData> projects = DemoData.generate();
        assertEquals(List.of("payments", "Partner Gateway", "müşteri-portalı"),
                projects.stream().map(p -> p.info.name()).toList());
        for (ProjectData project : projects) {
            String name = project.info.name();
            assertEquals(List.of("production", "staging", "test"), project.environmentNames(), name);
            assertEquals(Set.of("RSA", "EC", "OKP"),
                    project.keys.values().stream().map(KeyRecord::keyType).collect(Collectors.toSet()), name);
            assertEquals(Set.of("RSA", "EC", "OCT", "OKP"),
                    project.jwks.values().stream().map(JwkRecord::type).collect(Collectors.toSet()), name);
            assertTrue(project.jwks.values().stream().map(JwkRecord::sourceType).collect(Collectors.toSet())
                    .containsAll(Set.of(JwkSource.PUBLIC_KEY, JwkSource.PRIVATE_KEY, JwkSource.GENERATE,
                            JwkSource.URL, JwkSource.CERTIFICATE)), name);
            assertTrue(project.keys.values().stream().anyMatch(key ->
                    project.jwks.values().stream().filter(j -> j.isDerivedFrom(key.id())).count() >= 2), name);
            assertTrue(project.keys.values().stream().map(k -> k.environmentNames().size()).distinct().count() >= 2,
                    "keys on different environment subsets in " + name);
            assertTrue(project.credentials.values().stream()
                    .anyMatch(c -> c.validationJwkId() == null && c.encryptionJwkId() == null), name);
            assertTrue(project.credentials.values().stream()
                    .anyMatch(c -> c.validationJwkId() != null && c.encryptionJwkId() != null), name);
        }
    }

    @Test
    void paymentsHasTheAwkwardNames() {
        ProjectData payments = DemoData.generate().get(0);
        assertTrue(payments.keyNamed("legacy signing+v1").isPresent());
        assertTrue(payments.jwkNamed("ops/rotation 2026").isPresent());
        assertTrue(payments.jwks.values().stream().anyMatch(j -> j.name().contains("%")));
        assertTrue(payments.credentialNamed("partner bot").isPresent());
        assertTrue(payments.credentialNamed("ayşe.yılmaz").isPresent());
        String shared = payments.jwkNamed("api-signing-2026-private").orElseThrow().id();
        assertEquals(2, payments.credentials.values().stream().filter(c -> c.holds(shared)).count());
        assertTrue(payments.credentials.values().stream()
                .anyMatch(c -> (c.validationJwkId() == null) != (c.encryptionJwkId() == null)), "one slot only");
    }

    @Test
    void idsAreNewEveryTime() {
        Set<String> first = ids(DemoData.generate());
        Set<String> second = ids(DemoData.generate());
        assertTrue(first.stream().noneMatch(second::contains));
    }

    private static Set<String> ids(List<ProjectData> projects) {
        Set<String> ids = new HashSet<>();
        for (ProjectData project : projects) {
            ids.add(project.info.id());
            project.keys.keySet().forEach(ids::add);
            project.jwks.keySet().forEach(ids::add);
            project.credentials.keySet().forEach(ids::add);
        }
        return ids;
    }
}
