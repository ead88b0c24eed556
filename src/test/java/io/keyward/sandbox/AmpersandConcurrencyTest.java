package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads create, patch and delete /v1 keys at once. Afterwards every 2xx must show in the final
 * state and every refusal must be the right one: no lost or duplicated key, one winner per contended
 * delete, and the last patch applied (by updateTime) is the state that remains.
 */
class AmpersandConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CREATES = 8;
    private static final String PAYMENTS = "/projects/payments-prod/jwt-keys/";
    private static final String SSO_KEYS = "/projects/partner-sso/jwt-keys";
    private static final String SSO = SSO_KEYS + "/";
    private static final String PATCHED = "56927b59-f9e1-44e9-9f66-35dcc2f594cc";
    /** Every thread tries to delete each of these; exactly one may succeed per key. */
    private static final List<String> CONTENDED = List.of("8b30645b-fbbb-4b20-be55-f99954317ce0",
            "ce887cc5-7a32-4697-bfc0-94d8ff9fa8ae", "9c7d2d03-3b62-4196-87cb-6587530f78c8");

    private record Patch(String label, Instant updateTime) {
    }

    private SandboxHttp api;

    @BeforeEach
    void start() {
        api = SandboxHttp.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @RepeatedTest(2)
    void parallelCreatesPatchesAndDeletesLoseNothing() throws Exception {
        String pem = api.quote(TestPems.rsa2048Public());
        int ssoBefore = api.jwtKeys("partner-sso").size();
        Map<String, String> createdLabelByKid = new ConcurrentHashMap<>();
        Set<String> deletedOwn = ConcurrentHashMap.newKeySet();
        Map<String, List<Integer>> deleteStatuses = new ConcurrentHashMap<>();
        List<Patch> patches = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<String> own = new ArrayList<>();
                    for (int i = 0; i < CREATES; i++) {
                        String label = "t" + thread + "-k" + i;
                        SandboxHttp.Response created = api.v1("POST", SSO_KEYS,
                                "{\"label\":\"" + label + "\",\"algorithm\":\"RS256\",\"publicKeyPem\":" + pem + "}");
                        check(created.status() == 201, "create", created, problems);
                        String kid = created.json().get("kid").asText();
                        check(createdLabelByKid.put(kid, label) == null, "duplicate kid " + kid, created, problems);
                        own.add(kid);

                        String patchLabel = "t" + thread + "-p" + i;
                        SandboxHttp.Response patched = api.v1("PATCH", SSO + PATCHED,
                                "{\"updateMask\":[\"label\"],\"jwtKey\":{\"label\":\"" + patchLabel + "\"}}");
                        check(patched.status() == 200, "patch", patched, problems);
                        check(patched.json().get("label").asText().equals(patchLabel), "patch answer", patched, problems);
                        patches.add(new Patch(patchLabel, Instant.parse(patched.json().get("updateTime").asText())));

                        String target = CONTENDED.get((thread + i) % CONTENDED.size());
                        SandboxHttp.Response deleted = api.v1("DELETE", PAYMENTS + target, null);
                        check(deleted.status() == 204 || deleted.status() == 404, "contended delete", deleted, problems);
                        deleteStatuses.computeIfAbsent(target, k -> new CopyOnWriteArrayList<>()).add(deleted.status());

                        JsonNode snapshot = api.jwtKeys("partner-sso");
                        List<String> ids = SandboxHttp.texts(snapshot, "id");
                        check(ids.size() == new HashSet<>(ids).size(), "duplicate id in a list", null, problems);
                    }
                    for (int i = 0; i < own.size(); i += 2) {
                        SandboxHttp.Response deleted = api.v1("DELETE", SSO + own.get(i), null);
                        check(deleted.status() == 204, "own delete", deleted, problems);
                        deletedOwn.add(own.get(i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), problems);

        // Creates: every kid distinct, every surviving one listed with its own label, every deleted one gone.
        assertEquals(THREADS * CREATES, createdLabelByKid.size());
        JsonNode sso = api.jwtKeys("partner-sso");
        assertEquals(ssoBefore + THREADS * CREATES - deletedOwn.size(), sso.size());
        for (Map.Entry<String, String> created : createdLabelByKid.entrySet()) {
            JsonNode listed = SandboxHttp.findBy(sso, "id", created.getKey());
            if (deletedOwn.contains(created.getKey())) {
                assertNull(listed, created.toString());
            } else {
                assertNotNull(listed, created.toString());
                assertEquals(created.getValue(), listed.get("label").asText());
                assertTrue(listed.get("active").asBoolean());
            }
        }

        // Patches: each got its own updateTime, and the one applied last is what remains.
        assertEquals(THREADS * CREATES, patches.size());
        assertEquals(patches.size(), patches.stream().map(Patch::updateTime).distinct().count());
        Patch last = patches.stream().max(Comparator.comparing(Patch::updateTime)).orElseThrow();
        JsonNode patched = api.v1Get(SSO + PATCHED).json();
        assertEquals(last.label(), patched.get("label").asText());
        assertEquals(last.updateTime(), Instant.parse(patched.get("updateTime").asText()));

        // Contended deletes: exactly one 204 per key, and the key is gone.
        JsonNode payments = api.jwtKeys("payments-prod");
        for (String target : CONTENDED) {
            List<Integer> statuses = deleteStatuses.get(target);
            assertEquals(1, statuses.stream().filter(s -> s == 204).count(), target + ": " + statuses);
            assertNull(SandboxHttp.findBy(payments, "id", target));
        }
        assertEquals(5 - CONTENDED.size(), payments.size());
    }

    private static void check(boolean ok, String what, SandboxHttp.Response response, List<String> problems) {
        if (!ok) {
            problems.add(what + (response == null ? "" : ": " + response.status() + " " + response.body()));
        }
    }
}
