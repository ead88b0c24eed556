package io.keyward.session;

import io.keyward.journal.CheckTarget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change as the journal records it before it is sent: what it does ({@code action}) to what
 * ({@code target}), its parameters (e.g. what happens to derived JWKs), the impact the confirmation
 * showed, and how to re-read its target to find out later whether it happened.
 *
 * @param check null where the target cannot be re-read after a restart
 */
public record Change(String action, String target, Map<String, String> parameters, List<String> impact,
                     CheckTarget check) {

    public Change {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        impact = impact == null ? List.of() : List.copyOf(impact);
    }

    public static Change of(String action, String target) {
        return new Change(action, target, Map.of(), List.of(), null);
    }

    public Change withParameter(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new Change(action, target, more, impact, check);
    }

    public Change withImpact(List<String> lines) {
        return new Change(action, target, parameters, lines, check);
    }

    public Change checking(CheckTarget target) {
        return new Change(action, this.target, parameters, impact, target);
    }
}
