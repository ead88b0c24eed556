package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.keyward.sandbox.SandboxHttp.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads delete and rename the same and different JWKs at once. Afterwards every successful
 * request must show in the final state and every failed one must have failed for the right reason:
 * nothing lost, nothing applied twice, no duplicate names, no slot pointing at a deleted JWK.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final String JWKS = "/apiops/projects/payments/jwks/";
    /** Every thread goes for each of these; only the first request to reach each can win. */
    private static final List<String> CONTENDED = List.of("api-signing-2026-private", "token-encryption-ec",
            "ops/rotation 2026", "rollout 10% canary", "webhook-ed25519");

    private record Outcome(int thread, String target, String action, String newName, int status, String body) {
        boolean ok() {
            return status == 200;
        }
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

    @RepeatedTest(3)
    void parallelDeletesAndRenamesLoseNothing() throws Exception {
        Map<String, String> idByName = new HashMap<>();
        for (JsonNode jwk : api.list("payments", "jwks")) {
            idByName.put(jwk.get("name").asText(), jwk.get("id").asText());
        }
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        List<String> snapshotProblems = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    runThread(thread, outcomes, snapshotProblems);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(), snapshotProblems, "every list read during the run must be consistent");
        for (Outcome outcome : outcomes) {
            assertTrue(outcome.status() == 200 || outcome.status() == 400, outcome.toString());
        }

        JsonNode finalList = api.list("payments", "jwks");
        Map<String, String> finalNameById = new HashMap<>();
        for (JsonNode jwk : finalList) {
            String previous = finalNameById.put(jwk.get("id").asText(), jwk.get("name").asText());
            assertNull(previous, "duplicate id " + jwk.get("id"));
        }
        assertEquals(finalList.size(), new HashSet<>(SandboxHttp.texts(finalList, "name")).size(), "duplicate names");

        // Contended JWKs: exactly one winner each, and the final state is what that winner did.
        Map<String, String> expectedNameByOriginal = new HashMap<>();
        int deleted = 0;
        for (String target : CONTENDED) {
            List<Outcome> forTarget = outcomes.stream().filter(o -> o.target().equals(target)).toList();
            assertEquals(THREADS, forTarget.size());
            List<Outcome> winners = forTarget.stream().filter(Outcome::ok).toList();
            assertEquals(1, winners.size(), target + ": " + forTarget);
            Outcome winner = winners.get(0);
            for (Outcome loser : forTarget) {
                if (loser != winner) {
                    String expected = loser.action().equals("delete")
                            ? "JWK (name: " + target + ") is not found!"
                            : "JWK (name: " + target + ") is not found! Try create operation.";
                    assertEquals(expected, api.json(loser.body()).get("error_description").asText(), loser.toString());
                }
            }
            String id = idByName.get(target);
            if (winner.action().equals("delete")) {
                assertNull(finalNameById.get(id), target + " was deleted");
                expectedNameByOriginal.put(target, null);
                deleted++;
            } else {
                assertEquals(winner.newName(), finalNameById.get(id), target + " was renamed");
                expectedNameByOriginal.put(target, winner.newName());
            }
        }

        // Distinct JWKs: each had one request of its own, which must have worked.
        assertNull(finalNameById.get(idByName.get("api-signing-2026-public")));
        deleted++;
        assertEquals("legacy-renamed", finalNameById.get(idByName.get("legacy-signing-v1")));
        assertEquals("described by thread 4",
                SandboxHttp.findBy(finalList, "name", "card-vault-mtls").get("description").asText());

        // Two different JWKs renamed to one name: exactly one got it, the other kept its own.
        List<Outcome> clash = outcomes.stream().filter(o -> "shared-name".equals(o.newName())).toList();
        assertEquals(2, clash.size());
        assertEquals(1, clash.stream().filter(Outcome::ok).count(), clash.toString());
        Outcome clashLoser = clash.stream().filter(o -> !o.ok()).findFirst().orElseThrow();
        assertEquals("JWK (name: shared-name) is already exist!",
                api.json(clashLoser.body()).get("error_description").asText());
        assertEquals(clashLoser.target(), finalNameById.get(idByName.get(clashLoser.target())));

        assertEquals(idByName.size() - deleted, finalList.size(), "JWK count");

        // Slots follow renames, empty on deletes, and never name a JWK that does not exist.
        Set<String> finalNames = new HashSet<>(finalNameById.values());
        JsonNode credentials = api.list("payments", "credentials");
        for (JsonNode credential : credentials) {
            for (String slot : List.of("validationJwkName", "encryptionJwkName")) {
                JsonNode name = credential.get(slot);
                assertTrue(name.isNull() || finalNames.contains(name.asText()), credential.toString());
            }
        }
        assertSlot(credentials, "checkout-service", "validationJwkName", expectedNameByOriginal.get("api-signing-2026-private"));
        assertSlot(credentials, "partner bot", "validationJwkName", expectedNameByOriginal.get("api-signing-2026-private"));
        assertSlot(credentials, "checkout-service", "encryptionJwkName", expectedNameByOriginal.get("token-encryption-ec"));
        assertSlot(credentials, "ayşe.yılmaz", "validationJwkName", expectedNameByOriginal.get("ops/rotation 2026"));
        assertSlot(credentials, "mobile-app", "encryptionJwkName", expectedNameByOriginal.get("rollout 10% canary"));
        assertSlot(credentials, "mobile-app", "validationJwkName", "legacy-renamed");
    }

    /** Threads 0 and 1 delete the contended JWKs, the others rename them; each also has one distinct job. */
    private void runThread(int thread, List<Outcome> outcomes, List<String> snapshotProblems) {
        List<String> targets = new ArrayList<>(CONTENDED);
        Collections.shuffle(targets, new Random(thread * 31L + System.nanoTime()));
        boolean deleter = thread < 2;
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            if (deleter) {
                outcomes.add(outcome(thread, target, "delete", null, api.delete(JWKS + seg(target) + "/")));
            } else {
                String newName = target + "#" + thread;
                outcomes.add(outcome(thread, target, "rename", newName, rename(target, newName)));
            }
            if (i == 1) {
                distinctJob(thread, outcomes);
            }
            checkSnapshot(snapshotProblems);
        }
    }

    private void distinctJob(int thread, List<Outcome> outcomes) {
        switch (thread) {
            case 0 -> outcomes.add(outcome(thread, "api-signing-2026-public", "delete", null,
                    api.delete(JWKS + "api-signing-2026-public/")));
            case 1 -> outcomes.add(outcome(thread, "legacy-signing-v1", "rename", "legacy-renamed",
                    rename("legacy-signing-v1", "legacy-renamed")));
            case 2 -> outcomes.add(outcome(thread, "token-encryption-ec-public", "rename", "shared-name",
                    rename("token-encryption-ec-public", "shared-name")));
            case 3 -> outcomes.add(outcome(thread, "idp-signing", "rename", "shared-name",
                    rename("idp-signing", "shared-name")));
            case 4 -> outcomes.add(outcome(thread, "card-vault-mtls", "describe", null,
                    api.put(JWKS + "card-vault-mtls/", "{\"description\":\"described by thread 4\"}")));
            default -> {
                // Threads 5-7 only contend, and read lists between their requests.
            }
        }
    }

    private SandboxHttp.Response rename(String target, String newName) {
        return api.put(JWKS + seg(target) + "/", "{\"name\":" + api.quote(newName) + "}");
    }

    private void checkSnapshot(List<String> problems) {
        SandboxHttp.Response response = api.get(JWKS);
        if (response.status() != 200) {
            problems.add("list answered " + response.status());
            return;
        }
        JsonNode list = response.json().get("resultList");
        List<String> ids = SandboxHttp.texts(list, "id");
        List<String> names = SandboxHttp.texts(list, "name");
        if (new HashSet<>(ids).size() != ids.size() || new HashSet<>(names).size() != names.size()) {
            problems.add("duplicates in " + names);
        }
    }

    private static Outcome outcome(int thread, String target, String action, String newName, SandboxHttp.Response response) {
        return new Outcome(thread, target, action, newName, response.status(), response.body());
    }

    private static void assertSlot(JsonNode credentials, String username, String slot, String expected) {
        JsonNode credential = SandboxHttp.findBy(credentials, "username", username);
        assertNotNull(credential, username);
        JsonNode actual = credential.get(slot);
        if (expected == null) {
            assertTrue(actual.isNull(), username + " " + slot + " should be empty: " + actual);
        } else {
            assertEquals(expected, actual.asText(), username + " " + slot);
        }
    }
}
