package io.keyward.session;

import io.keyward.gateway.GatewayClient;
import io.keyward.journal.CheckTarget;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds out whether a change happened from what the journal kept of its target (after a restart the
 * feature's own check is gone): re-reads the target and compares its fields with what they were
 * before and were meant to be after. Blocking: runs off the FX thread.
 */
public final class TargetCheck {

    private TargetCheck() {
    }

    public static OutcomeCheck of(GatewayClient client, CheckTarget t) {
        return () -> {
            Optional<Map<String, String>> now = read(client, t);
            String what = words(t);
            if (t.deletion()) {
                return OutcomeCheck.deletion(now.isPresent(), what);
            }
            if (t.creation()) {
                return now.isPresent() ? new OutcomeCheck.Finding(OutcomeCheck.Verdict.HAPPENED, what + " exists.")
                        : new OutcomeCheck.Finding(OutcomeCheck.Verdict.DID_NOT_HAPPEN, what + " does not exist.");
            }
            if (now.isEmpty()) {
                return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE, what + " is gone.");
            }
            return compare(what, t.before(), t.after(), now.get());
        };
    }

    static OutcomeCheck.Finding compare(String what, Map<String, String> before, Map<String, String> after,
                                        Map<String, String> now) {
        if (after.keySet().stream().anyMatch(k -> !now.containsKey(k))) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CANNOT_TELL, "The server does not report "
                    + String.join(", ", after.keySet()) + " of " + what + ".");
        }
        if (after.entrySet().stream().allMatch(e -> Objects.equals(e.getValue(), now.get(e.getKey())))) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.HAPPENED, what + " has " + fields(after) + ".");
        }
        if (!before.isEmpty() && before.entrySet().stream().allMatch(e -> Objects.equals(e.getValue(), now.get(e.getKey())))) {
            return new OutcomeCheck.Finding(OutcomeCheck.Verdict.DID_NOT_HAPPEN, what + " still has " + fields(before) + ".");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        after.keySet().forEach(k -> seen.put(k, now.get(k)));
        return new OutcomeCheck.Finding(OutcomeCheck.Verdict.CHANGED_OTHERWISE, what + " now has " + fields(seen) + ".");
    }

    private static String fields(Map<String, String> m) {
        return String.join(", ", m.entrySet().stream()
                .map(e -> e.getKey() + " \u201C" + (e.getValue() == null ? "" : e.getValue()) + "\u201D").toList());
    }

    private static String words(CheckTarget t) {
        String name = t.name() != null && !t.name().isBlank() ? "\u201C" + t.name() + "\u201D"
                : t.id() != null ? t.id() : "";
        String kind = switch (t.kind()) {
            case "key" -> "Key";
            case "jwk" -> "JWK";
            case "credential" -> "Credential";
            case "jwt-key" -> "JWT key";
            default -> t.kind();
        };
        return kind + " " + name;
    }

    /** The target's fields as the server has them now; empty when it is not there. */
    static Optional<Map<String, String>> read(GatewayClient client, CheckTarget t) {
        Project project = new Project(t.projectId(), t.project(), "");
        return switch (t.kind()) {
            case "key" -> {
                List<CryptoKey> keys = client.keys().orElseThrow(() -> unsupported(t)).listKeys(project);
                yield keys.stream().filter(k -> matches(t, k.id(), k.name())).findFirst()
                        .map(k -> ordered("name", k.name(), "description", k.description()));
            }
            case "jwk" -> {
                List<Jwk> jwks = client.jwks().orElseThrow(() -> unsupported(t)).listJwks(project);
                yield jwks.stream().filter(j -> matches(t, j.id(), j.name())).findFirst()
                        .map(j -> ordered("name", j.name(), "description", j.description()));
            }
            case "credential" -> {
                List<Credential> all = client.credentials().orElseThrow(() -> unsupported(t)).listCredentials(project);
                yield all.stream().filter(c -> matches(t, c.id(), c.username())).findFirst().map(c -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("username", c.username());
                    if (c.slotsReported()) {
                        for (CredentialSlot slot : CredentialSlot.values()) {
                            String held = c.jwks().nameIn(slot);
                            m.put(slot.name().toLowerCase(java.util.Locale.ROOT), held == null ? "" : held);
                        }
                    }
                    return m;
                });
            }
            case "jwt-key" -> {
                List<JwtKey> keys = client.jwtKeys().orElseThrow(() -> unsupported(t)).listJwtKeys(project, false);
                yield keys.stream().filter(k -> t.id() != null && !t.id().isBlank() ? k.id().equals(t.id())
                        : Objects.equals(k.label(), t.after().getOrDefault("label", t.name()))).findFirst().map(k -> {
                    Map<String, String> m = ordered("label", k.label());
                    if (k.active() != null) {
                        m.put("active", String.valueOf(k.active()));
                    }
                    return m;
                });
            }
            default -> throw new IllegalArgumentException("Keyward cannot re-read a target of kind \u201C" + t.kind() + "\u201D.");
        };
    }

    private static boolean matches(CheckTarget t, String id, String name) {
        if (t.id() != null && !t.id().isBlank() && id != null) {
            return t.id().equals(id);
        }
        return Objects.equals(name, t.name()) || Objects.equals(name, t.after().get("name"));
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static IllegalArgumentException unsupported(CheckTarget t) {
        return new IllegalArgumentException("This connection cannot list the " + t.kind() + "s it would re-read.");
    }
}
