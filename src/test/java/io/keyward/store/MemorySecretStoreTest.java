package io.keyward.store;

import io.keyward.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemorySecretStoreTest {

    @Test
    void storesReplacesAndDeletes() {
        MemorySecretStore store = new MemorySecretStore();
        assertNull(store.unavailableReason());
        assertEquals(Optional.empty(), store.get("Lab / Müşteri"));

        store.put("Lab / Müşteri", Secret.of("first"));
        assertEquals("first", store.get("Lab / Müşteri").orElseThrow().reveal());
        store.put("Lab / Müşteri", Secret.of("second"));
        assertEquals("second", store.get("Lab / Müşteri").orElseThrow().reveal());
        assertEquals(Optional.empty(), store.get("lab / müşteri"), "names are exact, case included");

        store.delete("Lab / Müşteri");
        assertEquals(Optional.empty(), store.get("Lab / Müşteri"));
        store.delete("Lab / Müşteri"); // not there: not an error
        store.delete("never stored");
    }

    @Test
    void profilesKeepTheirOwnSecrets() {
        MemorySecretStore store = new MemorySecretStore();
        store.put("a", Secret.of("1"));
        store.put("b", Secret.of("2"));
        store.delete("a");
        assertEquals(Optional.empty(), store.get("a"));
        assertEquals("2", store.get("b").orElseThrow().reveal());
    }

    @Test
    void aNameIsNeeded() {
        MemorySecretStore store = new MemorySecretStore();
        assertThrows(NullPointerException.class, () -> store.put(null, Secret.of("x")));
        assertThrows(NullPointerException.class, () -> store.put("a", null));
        assertThrows(IllegalArgumentException.class, () -> store.get(" "));
        assertThrows(IllegalArgumentException.class, () -> store.delete(""));
    }

    @Test
    void manyThreadsAtOnce() throws Exception {
        MemorySecretStore store = new MemorySecretStore();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String name = "p" + thread + "-" + i;
                        store.put(name, Secret.of(name));
                        if (i % 2 == 0) {
                            store.delete(name);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 500; i++) {
                String name = "p" + t + "-" + i;
                assertEquals(i % 2 == 0 ? Optional.empty() : Optional.of(Secret.of(name)), store.get(name));
            }
        }
        assertTrue(store.toString().contains("1000"), store.toString());
    }
}
