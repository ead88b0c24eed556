package io.keyward.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed RSA public keys of the Ampersand demo, read from {@value #RESOURCE} next to this class.
 * Fixed rather than generated: RSA generation at start-up would compete with the console's own start
 * for a 2-core machine's CPU, and the /v1 API only ever shows public keys.
 */
final class DemoPublicKeys {
    static final String RESOURCE = "ampersand-demo-keys.pem";

    private static final Lazy<Map<String, String>> KEYS = new Lazy<>(() -> parse(load()));

    private DemoPublicKeys() {
    }

    /** @return the SPKI PEM, with '\n' line ends and a final newline */
    static String named(String name) {
        String pem = KEYS.get().get(name);
        if (pem == null) {
            throw new IllegalStateException("No demo public key named '" + name + "' in " + RESOURCE);
        }
        return pem;
    }

    static Map<String, String> all() {
        return KEYS.get();
    }

    /** "name: X" starts an entry, the PEM block's lines follow; '#' lines and blank lines are skipped. */
    static Map<String, String> parse(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        String name = null;
        StringBuilder pem = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("name:")) {
                name = line.substring(5).strip();
                pem.setLength(0);
                continue;
            }
            if (name == null) {
                throw new IllegalStateException(RESOURCE + ": PEM line before any 'name:' line");
            }
            pem.append(line.strip()).append('\n');
            if (line.startsWith("-----END ")) {
                if (keys.put(name, pem.toString()) != null) {
                    throw new IllegalStateException(RESOURCE + ": two keys named '" + name + "'");
                }
                name = null;
            }
        }
        return Map.copyOf(keys);
    }

    private static String load() {
        try (InputStream in = DemoPublicKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + DemoPublicKeys.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
