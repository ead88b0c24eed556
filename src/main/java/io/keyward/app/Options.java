package io.keyward.app;

import java.nio.file.Path;
import java.util.List;

/** The console's command line (the sandbox's own options are parsed by SandboxMain). */
public record Options(boolean exitAfterStartup, Path screenshotsDir, boolean help) {

    static final String USAGE = """
            Usage: java -jar keyward.jar [options]

              (no options)             open the console, connected to the embedded demo sandbox
              --exit-after-startup     print startup-ms=<n> (process start to main window shown) and exit
              --screenshots DIR        render the main window and every dialog to PNG files in DIR and exit
              --sandbox-only [...]     run only the embedded sandbox server (see --sandbox-only --help)
              --help                   show this help
            """;

    public static Options parse(String[] args) {
        boolean exit = false;
        boolean help = false;
        Path shots = null;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            switch (a) {
                case "--exit-after-startup" -> exit = true;
                case "--help", "-h" -> help = true;
                case "--screenshots" -> {
                    if (i + 1 >= list.size()) {
                        throw new IllegalArgumentException("--screenshots needs a directory");
                    }
                    shots = Path.of(list.get(++i));
                }
                default -> throw new IllegalArgumentException("unknown option: " + a);
            }
        }
        return new Options(exit, shots, help);
    }
}
