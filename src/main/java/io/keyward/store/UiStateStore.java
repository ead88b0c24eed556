package io.keyward.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.store.VersionedJsonFile.Unreadable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * state.json in the data directory: where the user left off.
 *
 * <pre>{"schemaVersion": 1, "window": {"x": 10.0, "y": 20.0, "width": 1200.0, "height": 800.0,
 *   "maximized": false}, "lastConnection": "Lab", "lastProject": "payments", "dividers": {"keys": 0.3}}</pre>
 *
 * Same rules as {@link ProfileStore}: a schema version, atomic owner-only writes, and a file that cannot
 * be read is moved aside with a notice while Keyward starts from {@link UiState#EMPTY}.
 */
public final class UiStateStore {

    public static final int SCHEMA_VERSION = 1;

    private final VersionedJsonFile file;

    public UiStateStore(Path file, Clock clock) {
        this.file = new VersionedJsonFile(file, clock, SCHEMA_VERSION, "The window layout and last place saved",
                "Keyward starts with its default layout.");
    }

    /** @param notice null, or a sentence for the user when the file could not be read and was moved aside. */
    public record Loaded(UiState state, String notice) { }

    /** Never throws. */
    public synchronized Loaded load() {
        try {
            ObjectNode root = file.read();
            return new Loaded(root == null ? UiState.EMPTY : state(root), null);
        } catch (Unreadable e) {
            return new Loaded(UiState.EMPTY, file.setAside(e.getMessage()));
        } catch (RuntimeException e) {
            return new Loaded(UiState.EMPTY, file.setAside(VersionedJsonFile.describe(e)));
        }
    }

    /**
     * Numbers that JSON cannot hold (NaN, infinities) are left out rather than written: a window with one
     * is not saved and such a divider is dropped, so this store never writes a file it would refuse to read.
     */
    public synchronized void save(UiState state) throws IOException {
        ObjectNode root = file.newRoot();
        UiState.Window w = state.window();
        if (w != null && Double.isFinite(w.x()) && Double.isFinite(w.y()) && Double.isFinite(w.width())
                && Double.isFinite(w.height())) {
            ObjectNode window = root.putObject("window");
            window.put("x", w.x());
            window.put("y", w.y());
            window.put("width", w.width());
            window.put("height", w.height());
            window.put("maximized", w.maximized());
        } else {
            root.putNull("window");
        }
        root.put("lastConnection", state.lastConnection());
        root.put("lastProject", state.lastProject());
        ObjectNode dividers = root.putObject("dividers");
        new TreeMap<>(state.dividers()).forEach((name, position) -> {
            if (Double.isFinite(position)) {
                dividers.put(name, position);
            }
        });
        file.write(root);
    }

    private static UiState state(ObjectNode root) throws Unreadable {
        UiState.Window window = null;
        if (JsonFields.given(root, "window")) {
            JsonNode w = root.get("window");
            if (!w.isObject()) {
                throw new Unreadable("its \"window\" is not an object");
            }
            String where = "its window";
            window = new UiState.Window(JsonFields.finite(w, "x", where), JsonFields.finite(w, "y", where),
                    JsonFields.finite(w, "width", where), JsonFields.finite(w, "height", where),
                    JsonFields.bool(w, "maximized", where, false));
        }
        Map<String, Double> dividers = new HashMap<>();
        if (JsonFields.given(root, "dividers")) {
            JsonNode d = root.get("dividers");
            if (!d.isObject()) {
                throw new Unreadable("its \"dividers\" is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!JsonFields.isFinite(e.getValue())) {
                    throw new Unreadable("its divider \"" + e.getKey() + "\" is not a number");
                }
                dividers.put(e.getKey(), e.getValue().doubleValue());
            }
        }
        return new UiState(window, JsonFields.text(root, "lastConnection", "it"),
                JsonFields.text(root, "lastProject", "it"), dividers);
    }
}
