package io.keyward.ui.common;

import io.keyward.session.ListState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failed list never reads as empty, and a count is shown only when it is a fact. */
class ListStateTextTest {

    final Instant at = Instant.parse("2026-01-01T10:15:30Z");
    final ListState loaded = ListState.loaded(at);
    final ListState failed = loaded.failed("Loading keys failed: HTTP 502.");

    @Test
    void counts() {
        assertEquals("4 keys", ListStateText.count(loaded, "4 keys", "keys", 4));
        assertEquals("? keys (4 shown, stale)", ListStateText.count(failed, "4 keys", "keys", 4));
        assertEquals("? keys", ListStateText.count(ListState.IDLE.failed("x"), "0 keys", "keys", 0));
        assertEquals("loading\u2026", ListStateText.count(ListState.IDLE.loading(), "0 keys", "keys", 0));
        assertEquals("4 keys, refreshing\u2026", ListStateText.count(loaded.loading(), "4 keys", "keys", 4));
        assertEquals("", ListStateText.count(ListState.IDLE, "0 keys", "keys", 0));
    }

    @Test
    void tabTitles() {
        assertEquals("Keys (4)", ListStateText.tabTitle("Keys", loaded, 4));
        assertEquals("Keys (?)", ListStateText.tabTitle("Keys", failed, 4));
        assertEquals("Keys (\u2026)", ListStateText.tabTitle("Keys", ListState.IDLE.loading(), 0));
        assertEquals("Keys", ListStateText.tabTitle("Keys", ListState.IDLE, 0));
    }

    @Test
    void emptyIsNotFailed() {
        assertEquals("There are no keys in this project.", ListStateText.placeholder(ListState.loaded(at), "keys"));
        assertEquals("The keys could not be loaded (see above).", ListStateText.placeholder(failed, "keys"));
        assertEquals("Loading the keys\u2026", ListStateText.placeholder(ListState.IDLE.loading(), "keys"));
    }

    @Test
    void theFailureSaysWhyAndWhenTheRowsWereLoaded() {
        assertEquals("Could not load the keys: Loading keys failed: HTTP 502. The rows below were loaded at 10:15:30 "
                + "and may be out of date.", ListStateText.failure(failed, "keys", ZoneOffset.UTC));
        assertEquals("Could not load the keys: x", ListStateText.failure(ListState.IDLE.failed("x"), "keys", ZoneOffset.UTC));
        assertEquals("", ListStateText.failure(loaded, "keys", ZoneOffset.UTC));
    }
}
