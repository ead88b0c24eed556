package io.keyward.sandbox;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Supplier;

/** The parsed command line of {@link SandboxMain}. */
record CliOptions(boolean help, SandboxOptions sandbox) {
    static final int DEFAULT_PORT = 18080;

    static final String USAGE = """
            Usage: java -jar keyward.jar --sandbox-only [options]
            Starts the Keyward sandbox on 127.0.0.1 and serves until stopped: Apinizer's management API
            under /apiops and Ampersand's JWT-key API under /v1.

              --port N                   TCP port (default %d; 0 picks a free one)
              --admin-token T            full-rights /apiops bearer token (default: random)
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
              --help                     show this text

            Prints base-url, admin-token, read-only-token, username, password, ampersand-base-url and
            ampersand-api-key, one per line. Faults apply to both APIs and can be changed at run time:
            GET/PUT <base-url>/_sandbox/faults.
            """.formatted(DEFAULT_PORT);

    /** @throws IllegalArgumentException with a message fit for the user */
    static CliOptions parse(String[] args) {
        int port = DEFAULT_PORT;
        String adminToken = null;
        String ampersandApiKey = null;
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
                    return new CliOptions(true, null);
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
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if (ampersandApiKey != null && ampersandApiKey.equals(adminToken)) {
            throw new IllegalArgumentException("--ampersand-api-key must differ from --admin-token");
        }
        return new CliOptions(false, new SandboxOptions(port, adminToken, faults, ampersandApiKey));
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
