package io.keyward.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The console's command line (the sandbox's own options are parsed by SandboxMain).
 *
 * @param dataDir where profiles, window state and the journal live; null: the OS's conventional place
 */
public record Options(boolean exitAfterStartup, Path screenshotsDir, boolean help, Path dataDir,
                      boolean verifyJournal) {

    static final String USAGE = """
            Usage: java -jar keyward.jar [options]

              (no options)             open the console: the last connection when its secret is remembered,
                                       otherwise the embedded demo sandbox
              --data-dir DIR           keep saved connections, window state and the journal in DIR
                                       (default: $XDG_CONFIG_HOME/keyward, %APPDATA%\\Keyward or
                                       ~/Library/Application Support/Keyward)
              --verify-journal         check the journal's hash chain under the data directory, print
                                       "journal: N entries, chain ok" or the first broken entry, and exit
                                       (status 1 when broken)
              --exit-after-startup     start as usual (under --data-dir when given) and, once the main
                                       window is shown, print startup-ms=<n> (process start to shown)
                                       and shown-epoch-ms=<wall clock then>, and exit
              --screenshots DIR        render the main window and every dialog to PNG files in DIR and exit;
                                       its demo changes are journalled under --data-dir (a temporary
                                       directory when none is given)
              --sandbox-only [...]     run only the embedded sandbox server (see --sandbox-only --help)
              --help                   show this help
            """;

    public static Options parse(String[] args) {
        boolean exit = false;
        boolean help = false;
        boolean verify = false;
        Path shots = null;
        Path data = null;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            switch (a) {
                case "--exit-after-startup" -> exit = true;
                case "--help", "-h" -> help = true;
                case "--verify-journal" -> verify = true;
                case "--screenshots" -> shots = Path.of(value(list, ++i, "--screenshots needs a directory"));
                case "--data-dir" -> data = Path.of(value(list, ++i, "--data-dir needs a directory"));
                default -> throw new IllegalArgumentException("unknown option: " + a);
            }
        }
        return new Options(exit, shots, help, data, verify);
    }

    private static String value(List<String> list, int i, String missing) {
        if (i >= list.size() || list.get(i).startsWith("--")) {
            throw new IllegalArgumentException(missing);
        }
        return list.get(i);
    }
}
