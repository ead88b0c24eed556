package io.keyward.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a jpackage app-image's {@code lib/app/<Name>.cfg} says about the JVM its launcher starts. */
final class BundleConfig {

    private BundleConfig() {
    }

    /**
     * The {@code java-options} of the {@code [JavaOptions]} section, in order, with the launcher's
     * {@code $APPDIR}, {@code $BINDIR} and {@code $ROOTDIR} put in.
     *
     * @param root the app-image's directory (holds {@code bin/} and {@code lib/})
     */
    static List<String> javaOptions(String cfg, Path root) {
        List<String> options = new ArrayList<>();
        String section = "";
        for (String raw : cfg.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line;
            } else if (section.equals("[JavaOptions]") && line.startsWith("java-options=")) {
                String value = line.substring("java-options=".length());
                if (!value.isEmpty()) {
                    options.add(value.replace("$APPDIR", root.resolve("lib").resolve("app").toString())
                            .replace("$BINDIR", root.resolve("bin").toString())
                            .replace("$ROOTDIR", root.toString()));
                }
            }
        }
        return options;
    }
}
