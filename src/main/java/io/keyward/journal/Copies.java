package io.keyward.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unmodifiable copies that keep insertion order and allow null values (Map.copyOf / List.copyOf do neither). */
final class Copies {

    private Copies() {
    }

    /** null becomes an empty map. */
    static <V> Map<String, V> map(Map<String, V> map) {
        return map == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** null becomes an empty list. */
    static <T> List<T> list(List<T> list) {
        return list == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
