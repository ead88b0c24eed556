package io.keyward.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.keyward.store.AtomicFilesTest.mode;
import static io.keyward.store.AtomicFilesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UiStateStoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-02-03T04:05:06Z"), ZoneOffset.ofHours(3));
    static final String ASIDE = "state.json.unreadable-20270203T040506Z";

    static final UiState STATE = new UiState(new UiState.Window(-1920.5, 24, 1280, 800.25, true),
            "Müşteri / prod", "ödeme-servisi \"v2\"", Map.of("main/keys", 0.3125, "jwks ↔ credentials", 0.7));

    @TempDir
    Path tmp;

    private Path file() {
        return tmp.resolve("Keyward").resolve("state.json");
    }

    @Test
    void theStateComesBackExactly() throws IOException {
        new UiStateStore(file(), CLOCK).save(STATE);

        UiStateStore.Loaded loaded = new UiStateStore(file(), CLOCK).load();

        assertNull(loaded.notice());
        assertEquals(STATE, loaded.state());
        assertTrue(Files.readString(file(), StandardCharsets.UTF_8).contains("\"lastConnection\": \"Müşteri / prod\""));
    }

    @Test
    void theEmptyStateComesBackEmpty() throws IOException {
        new UiStateStore(file(), CLOCK).save(STATE);
        new UiStateStore(file(), CLOCK).save(UiState.EMPTY);

        UiStateStore.Loaded loaded = new UiStateStore(file(), CLOCK).load();

        assertNull(loaded.notice());
        assertEquals(UiState.EMPTY, loaded.state());
    }

    @Test
    void theFileHasASchemaVersionAndIsOwnerOnly() throws IOException {
        new UiStateStore(file(), CLOCK).save(STATE);

        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file()));
        assertEquals(UiStateStore.SCHEMA_VERSION, root.get("schemaVersion").intValue());
        assertEquals(1280.0, root.get("window").get("width").doubleValue());
        assertTrue(root.get("window").get("maximized").booleanValue());
        assertEquals(0.7, root.get("dividers").get("jwks ↔ credentials").doubleValue());
        assertEquals(List.of("state.json"), names(file().getParent()));
        if (AtomicFiles.posix(tmp)) {
            assertEquals("rw-------", mode(file()));
            assertEquals("rwx------", mode(file().getParent()));
        }
    }

    @Test
    void aMissingFileIsTheEmptyStateWithoutANotice() {
        UiStateStore.Loaded loaded = new UiStateStore(file(), CLOCK).load();

        assertSame(UiState.EMPTY, loaded.state());
        assertNull(loaded.notice());
    }

    @Test
    void invalidJsonIsMovedAsideWithANoticeAndItsContentKept() throws IOException {
        String broken = "{\"schemaVersion\": 1, \"window\": {\"x\": 1,,}}";
        Files.createDirectories(file().getParent());
        Files.writeString(file(), broken);

        UiStateStore.Loaded loaded = new UiStateStore(file(), CLOCK).load();

        assertEquals(UiState.EMPTY, loaded.state());
        assertNotNull(loaded.notice());
        assertTrue(loaded.notice().contains(file().toString() + " could not be read (it is not valid JSON"),
                loaded.notice());
        assertTrue(loaded.notice().contains("moved to " + file().resolveSibling(ASIDE)), loaded.notice());
        assertTrue(loaded.notice().endsWith("Keyward starts with its default layout."), loaded.notice());
        assertEquals(broken, Files.readString(file().resolveSibling(ASIDE)));
        assertFalse(Files.exists(file()));
    }

    @Test
    void aFileFromANewerKeywardIsRefusedNotOverwritten() throws IOException {
        String newer = "{\"schemaVersion\": 7, \"lastConnection\": \"Lab\"}";
        Files.createDirectories(file().getParent());
        Files.writeString(file(), newer);
        UiStateStore store = new UiStateStore(file(), CLOCK);

        UiStateStore.Loaded loaded = store.load();
        store.save(STATE);

        assertEquals(UiState.EMPTY, loaded.state());
        assertTrue(loaded.notice().contains("written by a newer Keyward"), loaded.notice());
        assertEquals(newer, Files.readString(file().resolveSibling(ASIDE)));
        assertEquals(STATE, new UiStateStore(file(), CLOCK).load().state());
    }

    @Test
    void unknownFieldsAreIgnoredAndAbsentPartsAreEmpty() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"schemaVersion": 1, "theme": "dark", "lastProject": "p",
                 "window": {"x": 1, "y": 2, "width": 3, "height": 4, "screen": "HDMI-1"},
                 "future": [{"a": 1}]}
                """);

        UiStateStore.Loaded loaded = new UiStateStore(file(), CLOCK).load();

        assertNull(loaded.notice());
        assertEquals(new UiState(new UiState.Window(1, 2, 3, 4, false), null, "p", Map.of()), loaded.state());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[]",
            "{\"lastConnection\": \"Lab\"}",
            "{\"schemaVersion\": 1.5}",
            "{\"schemaVersion\": 1, \"window\": [1, 2, 3, 4]}",
            "{\"schemaVersion\": 1, \"window\": {\"x\": 1, \"y\": 2, \"width\": \"wide\", \"height\": 4}}",
            "{\"schemaVersion\": 1, \"window\": {\"x\": 1, \"y\": 2, \"height\": 4}}",
            "{\"schemaVersion\": 1, \"window\": {\"x\": 1e999, \"y\": 2, \"width\": 3, \"height\": 4}}",
            "{\"schemaVersion\": 1, \"window\": {\"x\": 1, \"y\": 2, \"width\": 3, \"height\": 4, \"maximized\": 1}}",
            "{\"schemaVersion\": 1, \"lastConnection\": 42}",
            "{\"schemaVersion\": 1, \"lastProject\": {\"name\": \"p\"}}",
            "{\"schemaVersion\": 1, \"dividers\": [0.5]}",
            "{\"schemaVersion\": 1, \"dividers\": {\"keys\": \"0.5\"}}",
            "{\"schemaVersion\": 1, \"dividers\": {\"keys\": NaN}}",
    })
    void aFileThatCannotBeReadIsMovedAsideAndTheStateIsEmpty(String content) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), content);

        UiStateStore.Loaded loaded = new UiStateStore(file(), CLOCK).load();

        assertEquals(UiState.EMPTY, loaded.state());
        assertNotNull(loaded.notice());
        assertTrue(loaded.notice().contains("moved to " + file().resolveSibling(ASIDE) + " and nothing was overwritten"),
                loaded.notice());
        assertEquals(content, Files.readString(file().resolveSibling(ASIDE)));
        assertFalse(Files.exists(file()));
    }

    @Test
    void numbersJsonCannotHoldAreLeftOutSoTheFileStaysReadable() throws IOException {
        Map<String, Double> dividers = new HashMap<>();
        dividers.put("keys", Double.NaN);
        dividers.put("jwks", 0.4);
        UiState odd = new UiState(new UiState.Window(0, 0, Double.POSITIVE_INFINITY, 600, false), "Lab", null, dividers);

        new UiStateStore(file(), CLOCK).save(odd);
        UiStateStore.Loaded loaded = new UiStateStore(file(), CLOCK).load();

        assertNull(loaded.notice());
        assertEquals(new UiState(null, "Lab", null, Map.of("jwks", 0.4)), loaded.state());
    }

    @Test
    void dividersAreNeverNullAndAnImmutableCopy() {
        assertEquals(Map.of(), new UiState(null, null, null, null).dividers());
        Map<String, Double> source = new HashMap<>(Map.of("a", 0.5));
        UiState state = new UiState(null, null, null, source);
        source.put("b", 0.6);

        assertEquals(Map.of("a", 0.5), state.dividers());
        assertThrows(UnsupportedOperationException.class, () -> state.dividers().put("c", 0.1));
    }

    @Test
    void theSavedWindowIsOwnerOnlyEvenWhenTheOldFileWasNot() throws IOException {
        assumeTrue(AtomicFiles.posix(tmp), "POSIX modes");
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"schemaVersion\": 1}");
        Files.setPosixFilePermissions(file(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));

        new UiStateStore(file(), CLOCK).save(STATE);

        assertEquals("rw-------", mode(file()));
    }
}
