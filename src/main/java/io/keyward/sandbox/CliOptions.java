package io.keyward.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parsed command line of {@link SandboxMain}.
 *
 * @param warnings things the user should fix that do not stop the sandbox (a token file others can
 *                 read), each one line for stderr
 */
record CliOptions(boolean help, SandboxOptions sandbox, List<String> warnings) {
    static final int DEFAULT_PORT = 18080;
    /** A token file larger than this is surely the wrong file. */
    static final int MAX_TOKEN_FILE_BYTES = 4096;

    static final String USAGE = """
            Usage: java -jar keyward.jar --sandbox-only [options]
            Starts the Keyward sandbox on 127.0.0.1 and serves until stopped: Apinizer's management API
            under /apiops and Ampersand's JWT-key API under /v1.

              --port N                   TCP port (default %d; 0 picks a free one)
              --admin-token T            full-rights /apiops bearer token (default: random)
              --admin-token-file FILE    read the admin token from the first line of FILE, so it does
                                         not show in the process list (not with --admin-token)
              --control-token-file FILE  read the /_sandbox control token from the first line of FILE
                                         (default: random)
              --ampersand-api-key K      the /v1 API key (default: random)
              --latency-ms N             delay before every API answer, 0..60000 ms
              --fail-environment NAME    /apiops deployments to this environment report failure
              --failing-path TEXT        answer HTTP 500 to API calls whose raw path contains TEXT
              --error-rate F             fraction 0..1 of requests answered 500
              --drop-rate F              fraction 0..1 of connections closed without an answer
              --commit-then-drop-rate F  fraction 0..1 of changes carried out, then closed without an answer
              --commit-then-drop-next N  the next N changes carried out, then closed without an answer
              --bad-gateway-rate F       fraction 0..1 of requests answered 502 with an HTML page
              --bad-gateway-every N      every Nth API call answered 502 with that page (0 = off)
              --rate-limit-rate F        fraction 0..1 of requests answered 429
              --scale N                  add a project scale-N with N keys, N JWKs and 5N credentials
                                         under /apiops and N JWT keys under /v1 (1..%d; 0 = off)
              --help                     show this text

            Prints base-url, admin-token, read-only-token, username, password, ampersand-base-url,
            ampersand-api-key and control-token, one per line; the password and every token not given
            are new on each run. Faults apply to both APIs and can be changed at run time:
            GET/PUT <base-url>/_sandbox/faults with "Authorization: Bearer <control-token>".
            Requests must name the server in Host (127.0.0.1:PORT, localhost:PORT or [::1]:PORT),
            answers never allow CORS, and a client gets %d seconds to send its request.
            """.formatted(DEFAULT_PORT, SandboxOptions.MAX_SCALE, SandboxOptions.DEFAULT_REQUEST_READ_LIMIT.toSeconds());

    CliOptions {
        warnings = List.copyOf(warnings);
    }

    /** @throws IllegalArgumentException with a message fit for the user */
    static CliOptions parse(String[] args) {
        int port = DEFAULT_PORT;
        String adminToken = null;
        String adminTokenFile = null;
        String controlTokenFile = null;
        String ampersandApiKey = null;
        int scale = 0;
        FaultSettings faults = new FaultSettings();
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String arg = rest.poll();
            int eq = arg.indexOf('=');
            boolean inline = arg.startsWith("--") && eq > 0;
            String name = inline ? arg.substring(0, eq) : arg;
            Supplier<String> value = () -> {
                if (inline) {
                    return arg.substring(eq + 1);
                }
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                return rest.poll();
            };
            switch (name) {
                case "--help", "-h" -> {
                    return new CliOptions(true, null, List.of());
                }
                case "--sandbox-only" -> {
                    // The launcher's own switch for choosing this mode; nothing to do here.
                    if (inline) {
                        throw new IllegalArgumentException("--sandbox-only takes no value");
                    }
                }
                case "--port" -> port = (int) wholeNumber(name, value.get(), 0, 65_535);
                case "--admin-token" -> {
                    adminToken = value.get();
                    if (adminToken.isBlank()) {
                        throw new IllegalArgumentException("--admin-token must not be empty");
                    }
                }
                case "--admin-token-file" -> adminTokenFile = fileName(name, value.get());
                case "--control-token-file" -> controlTokenFile = fileName(name, value.get());
                case "--ampersand-api-key" -> {
                    ampersandApiKey = value.get();
                    if (ampersandApiKey.isBlank()) {
                        throw new IllegalArgumentException("--ampersand-api-key must not be empty");
                    }
                }
                case "--latency-ms" ->
                        faults.setLatencyMillis(wholeNumber(name, value.get(), 0, FaultSettings.MAX_LATENCY_MILLIS));
                case "--fail-environment" -> faults.setFailingEnvironment(value.get());
                case "--failing-path" -> faults.setFailingPath(value.get());
                case "--error-rate" -> faults.setErrorRate(fraction(name, value.get()));
                case "--drop-rate" -> faults.setDropRate(fraction(name, value.get()));
                case "--commit-then-drop-rate" -> faults.setCommitThenDropRate(fraction(name, value.get()));
                case "--commit-then-drop-next" -> faults.setCommitThenDropNext(
                        (int) wholeNumber(name, value.get(), 0, FaultSettings.MAX_COUNT));
                case "--bad-gateway-rate" -> faults.setBadGatewayRate(fraction(name, value.get()));
                case "--bad-gateway-every" -> faults.setBadGatewayEvery(
                        (int) wholeNumber(name, value.get(), 0, FaultSettings.MAX_COUNT));
                case "--rate-limit-rate" -> faults.setRateLimitRate(fraction(name, value.get()));
                case "--scale" -> scale = (int) wholeNumber(name, value.get(), 0, SandboxOptions.MAX_SCALE);
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if (adminToken != null && adminTokenFile != null) {
            throw new IllegalArgumentException("give --admin-token or --admin-token-file, not both");
        }
        List<String> warnings = new ArrayList<>();
        if (adminTokenFile != null) {
            adminToken = readTokenFile("--admin-token-file", adminTokenFile, warnings);
        }
        String controlToken = controlTokenFile == null ? null
                : readTokenFile("--control-token-file", controlTokenFile, warnings);
        if (ampersandApiKey != null && ampersandApiKey.equals(adminToken)) {
            throw new IllegalArgumentException("--ampersand-api-key must differ from the admin token");
        }
        if (controlToken != null && (controlToken.equals(adminToken) || controlToken.equals(ampersandApiKey))) {
            throw new IllegalArgumentException("the control token must differ from the admin token and the Ampersand API key");
        }
        return new CliOptions(false, new SandboxOptions(port, adminToken, faults, ampersandApiKey, controlToken, null, scale),
                warnings);
    }

    private static String fileName(String name, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " needs a file name");
        }
        return text;
    }

    /**
     * The token on the first line of a file, without surrounding white space (and a byte order mark).
     * Refuses an empty file and one larger than {@link #MAX_TOKEN_FILE_BYTES}; on POSIX systems, adds
     * a warning if the group or others may read it.
     */
    static String readTokenFile(String name, String fileName, List<String> warnings) {
        Path file;
        try {
            file = Path.of(fileName);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(name + ": not a file name: " + fileName);
        }
        byte[] bytes;
        // Read at most one byte more than allowed, so a huge file (or an endless one such as /dev/zero) is never loaded.
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_TOKEN_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read " + fileName + " (" + describe(e) + ")");
        }
        if (bytes.length > MAX_TOKEN_FILE_BYTES) {
            throw new IllegalArgumentException(name + ": " + fileName + " is larger than " + MAX_TOKEN_FILE_BYTES
                    + " bytes; it should hold just the token");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + ": " + fileName + " is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String token = text.lines().findFirst().orElse("").strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + fileName + " is empty; its first line must be the token");
        }
        if (!SandboxOptions.isSendable(token)) {
            throw new IllegalArgumentException(name + ": the token in " + fileName
                    + " must be printable ASCII without spaces");
        }
        String exposure = exposure(file);
        if (exposure != null) {
            warnings.add("warning: " + fileName + " can be read by " + exposure + "; chmod 600 it");
        }
        return token;
    }

    /** @return who besides the owner may read the file ("group", "others", "group and others"), or null */
    private static String exposure(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return null; // not POSIX (Windows): ACLs, not modes, and no simple rule to check
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            return null;
        }
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ);
        if (!group && !others) {
            return null;
        }
        String who = group && others ? "group and others" : group ? "its group" : "others";
        return who + " (mode " + PosixFilePermissions.toString(permissions) + ")";
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long wholeNumber(String name, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static double fraction(String name, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1, was '" + text + "'");
        }
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + text);
        }
        return value;
    }
}
