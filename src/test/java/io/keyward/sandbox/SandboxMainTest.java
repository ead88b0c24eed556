package io.keyward.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxMainTest {

    /** A running SandboxMain on its own thread, with what it printed. */
    private static final class Running implements AutoCloseable {
        final LineCapture out = new LineCapture();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CountDownLatch stop = new CountDownLatch(1);
        final AtomicInteger exitCode = new AtomicInteger(-1);
        final AtomicReference<SandboxServer> server = new AtomicReference<>();
        final Thread thread;

        Running(String... args) {
            thread = new Thread(() -> exitCode.set(SandboxMain.run(args, out.stream(),
                    new PrintStream(err, true, StandardCharsets.UTF_8), server::set, stop)), "sandbox-main-test");
            thread.start();
        }

        List<String> awaitLines(int count) throws InterruptedException {
            return out.await(count, 20, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            stop.countDown();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void printsTheConnectionDetailsAndServesUntilStopped() throws Exception {
        URI baseUrl;
        try (Running running = new Running("--sandbox-only", "--port", "0")) {
            List<String> lines = running.awaitLines(8);
            assertEquals(8, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("base-url=http://127\\.0\\.0\\.1:\\d+"), lines.get(0));
            assertTrue(lines.get(1).matches("admin-token=[A-Za-z0-9_-]{43}"), lines.get(1));
            assertTrue(lines.get(2).matches("read-only-token=[A-Za-z0-9_-]{43}"), lines.get(2));
            assertTrue(lines.get(3).startsWith("username="), lines.get(3));
            assertTrue(lines.get(4).matches("password=[A-Za-z0-9_-]{43}"), lines.get(4));
            assertEquals("ampersand-base-url=" + value(lines.get(0)) + "/v1", lines.get(5));
            assertTrue(lines.get(6).matches("ampersand-api-key=[A-Za-z0-9_-]{43}"), lines.get(6));
            assertTrue(lines.get(7).matches("control-token=[A-Za-z0-9_-]{43}"), lines.get(7));

            baseUrl = URI.create(value(lines.get(0)));
            SandboxHttp api = new SandboxHttp(running.server.get());
            assertEquals(baseUrl, api.server.baseUrl());
            assertEquals(200, api.send("GET", "/apiops/projects/", value(lines.get(1)), null).status());
            api.send("DELETE", "/apiops/projects/payments/jwks/idp-signing/", value(lines.get(2)), null)
                    .assertError(403, "forbidden", "You do not have permission to perform this action");
            assertEquals(200, api.postForm("/apiops/auth/token", AuthEndpoints.FORM_TYPE, "grant_type=client_credentials"
                    + "&client_id=" + value(lines.get(3)) + "&client_secret=" + value(lines.get(4))).status());
            URI ampersand = URI.create(value(lines.get(5)));
            assertEquals(ampersand, api.server.ampersandBaseUrl());
            String apiKey = value(lines.get(6));
            assertEquals(200, SandboxHttp.send(java.net.http.HttpRequest.newBuilder(URI.create(ampersand + "/projects"))
                    .header("X-Api-Key", apiKey).build()).status(), "the printed /v1 key opens the printed /v1 URL");
            assertEquals(401, api.send("GET", "/apiops/projects/", apiKey, null).status(), "and nothing else");
            String controlToken = value(lines.get(7));
            assertEquals(controlToken, api.server.controlToken());
            assertTrue(api.raw("GET", "/_sandbox/faults", controlToken).startsWith("HTTP/1.1 200 "),
                    "the printed control token opens /_sandbox");
            assertTrue(api.raw("GET", "/_sandbox/faults", value(lines.get(1))).startsWith("HTTP/1.1 401 "),
                    "the admin token does not");
            assertTrue(running.thread.isAlive(), "serves until told to stop");
            assertEquals(8, running.awaitLines(8).size(), "nothing printed while serving");
        }
        assertThrows(UncheckedIOException.class, () -> SandboxHttp.send(
                java.net.http.HttpRequest.newBuilder(baseUrl.resolve("/apiops/projects/")).build()),
                "the server is closed once run returns");
    }

    @Test
    void optionsReachTheServer() throws Exception {
        try (Running running = new Running("--port=0", "--admin-token", "demo-admin", "--ampersand-api-key=demo-amp",
                "--latency-ms", "0",
                "--fail-environment", "staging", "--error-rate", "0", "--drop-rate=0", "--bad-gateway-rate", "0.0",
                "--rate-limit-rate", "0")) {
            List<String> lines = running.awaitLines(5);
            assertEquals("admin-token=demo-admin", lines.get(1));
            assertEquals("ampersand-api-key=demo-amp", running.awaitLines(7).get(6));
            assertEquals("demo-amp", running.server.get().ampersandApiKey());
            FaultSettings faults = running.server.get().faults();
            assertEquals("staging", faults.getFailingEnvironment());
            SandboxHttp api = new SandboxHttp(running.server.get());
            SandboxHttp.Response response = api.send("DELETE", "/apiops/projects/payments/jwks/idp-signing/",
                    "demo-admin", null);
            assertEquals(200, response.status());
            assertEquals("Undeployment completed with errors: 1 of 3 environments failed",
                    response.json().get("deploymentResult").get("message").asText());
        }
    }

    @Test
    void tokenFilesReachTheServerAndAWarningNamesAFileOthersCanRead(@TempDir Path dir) throws Exception {
        Path adminFile = dir.resolve("admin.token");
        Files.writeString(adminFile, "admin-from-file\n");
        Path controlFile = dir.resolve("control.token");
        Files.writeString(controlFile, "control-from-file\n");
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(adminFile, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(controlFile, PosixFilePermissions.fromString("rw-------"));
        }
        try (Running running = new Running("--port", "0", "--admin-token-file", adminFile.toString(),
                "--control-token-file=" + controlFile)) {
            List<String> lines = running.awaitLines(8);
            assertEquals("admin-token=admin-from-file", lines.get(1));
            assertEquals("control-token=control-from-file", lines.get(7));
            SandboxHttp api = new SandboxHttp(running.server.get());
            assertEquals(200, api.send("GET", "/apiops/projects/", "admin-from-file", null).status());
            assertTrue(api.raw("GET", "/_sandbox/faults", "control-from-file").startsWith("HTTP/1.1 200 "));
            String err = running.err.toString(StandardCharsets.UTF_8);
            if (posix) {
                assertEquals("keyward sandbox: warning: " + adminFile
                        + " can be read by group and others (mode rw-r--r--); chmod 600 it" + System.lineSeparator(), err);
            }
            assertTrue(!err.contains("admin-from-file") && !err.contains("control-from-file"), err);
        }
    }

    @Test
    void badTokenFilesExitWith2(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.token"));
        Path large = Files.write(dir.resolve("large.token"), new byte[5000]);
        Path good = Files.writeString(dir.resolve("good.token"), "good-token");
        for (String[] args : List.of(new String[]{"--admin-token-file", empty.toString()},
                new String[]{"--admin-token-file", large.toString()},
                new String[]{"--admin-token-file", dir.resolve("nope").toString()},
                new String[]{"--admin-token", "x", "--admin-token-file", good.toString()},
                new String[]{"--control-token-file", empty.toString()},
                new String[]{"--control-token-file", good.toString(), "--ampersand-api-key", "good-token"})) {
            Result result = runWith(args);
            assertEquals(2, result.code(), String.join(" ", args));
            assertEquals("", result.out(), String.join(" ", args));
            assertTrue(result.err().startsWith("keyward sandbox: --") || result.err().startsWith("keyward sandbox: give")
                    || result.err().startsWith("keyward sandbox: the control token"), result.err());
        }
        assertTrue(runWith("--admin-token-file", empty.toString()).err().contains(" is empty"));
        assertTrue(runWith("--admin-token-file", large.toString()).err().contains(" is larger than 4096 bytes"));
    }

    @Test
    void faultFlagsApply() throws Exception {
        try (Running running = new Running("--port", "0", "--error-rate", "1", "--latency-ms", "5")) {
            List<String> lines = running.awaitLines(5);
            SandboxHttp api = new SandboxHttp(running.server.get());
            api.send("GET", "/apiops/projects/", value(lines.get(1)), null)
                    .assertError(500, "internal_error", "An unexpected error occurred");
            assertEquals(5, running.server.get().faults().getLatencyMillis());
        }
    }

    @Test
    void theNewFaultFlagsReachTheServerAndApply() throws Exception {
        try (Running running = new Running("--port", "0", "--bad-gateway-every", "2", "--commit-then-drop-next=1",
                "--commit-then-drop-rate", "0.25")) {
            List<String> lines = running.awaitLines(5);
            FaultSettings faults = running.server.get().faults();
            assertEquals(2, faults.getBadGatewayEvery());
            assertEquals(1, faults.getCommitThenDropNext());
            assertEquals(0.25, faults.getCommitThenDropRate());
            faults.setCommitThenDropRate(0);
            SandboxHttp api = new SandboxHttp(running.server.get());
            String token = value(lines.get(1));
            assertEquals(200, api.send("GET", "/apiops/projects/", token, null).status(), "call 1");
            assertEquals(502, api.send("GET", "/apiops/projects/", token, null).status(), "call 2");
            assertEquals("", api.raw("DELETE", "/apiops/projects/payments/jwks/idp-signing/", token), "call 3");
            assertEquals(0, faults.getCommitThenDropNext());
            assertEquals(502, api.send("GET", "/apiops/projects/payments/jwks/", token, null).status(), "call 4");
            assertEquals(null, api.jwkNamed("payments", "idp-signing"), "call 5: the dropped DELETE happened");
        }
        try (Running running = new Running("--port=0", "--commit-then-drop-rate=1", "--bad-gateway-every=0",
                "--commit-then-drop-next", "0")) {
            List<String> lines = running.awaitLines(5);
            assertEquals(1.0, running.server.get().faults().getCommitThenDropRate());
            SandboxHttp api = new SandboxHttp(running.server.get());
            assertEquals(200, api.send("GET", "/apiops/projects/", value(lines.get(1)), null).status());
            assertEquals("", api.raw("DELETE", "/apiops/projects/payments/jwks/idp-signing/", value(lines.get(1))));
        }
    }

    @Test
    void badCommandLinesExitWith2() {
        for (String[] args : List.of(new String[]{"--bogus"}, new String[]{"--port", "abc"},
                new String[]{"--port", "70000"}, new String[]{"--port"}, new String[]{"--error-rate", "1.5"},
                new String[]{"--drop-rate", "-0.1"}, new String[]{"--bad-gateway-rate", "x"},
                new String[]{"--rate-limit-rate", "NaN"}, new String[]{"--latency-ms", "60001"},
                new String[]{"--admin-token", ""}, new String[]{"--sandbox-only=yes"}, new String[]{"extra"},
                new String[]{"--ampersand-api-key", " "}, new String[]{"--ampersand-api-key"},
                new String[]{"--admin-token", "same", "--ampersand-api-key", "same"},
                new String[]{"--commit-then-drop-rate", "1.5"}, new String[]{"--commit-then-drop-rate", "all"},
                new String[]{"--commit-then-drop-rate"}, new String[]{"--commit-then-drop-next", "-1"},
                new String[]{"--commit-then-drop-next", "2.5"}, new String[]{"--commit-then-drop-next", "2147483648"},
                new String[]{"--commit-then-drop-next="}, new String[]{"--bad-gateway-every", "-1"},
                new String[]{"--bad-gateway-every", "abc"}, new String[]{"--bad-gateway-every"},
                new String[]{"--bad-gateway-every", "3", "--bad-gateway-every", "0x10"})) {
            Result result = runWith(args);
            assertEquals(2, result.code(), String.join(" ", args));
            assertEquals("", result.out(), "nothing on stdout for " + String.join(" ", args));
            assertTrue(result.err().startsWith("keyward sandbox: "), result.err());
        }
        assertTrue(runWith("--bogus").err().contains("--bogus"));
        assertTrue(runWith("--bad-gateway-every", "-1").err()
                .contains("--bad-gateway-every must be between 0 and 2147483647, was -1"));
        assertTrue(runWith("--commit-then-drop-next", "x").err().contains("--commit-then-drop-next must be a whole number"));
        assertTrue(runWith("--commit-then-drop-next", "-1").err()
                .contains("--commit-then-drop-next must be between 0 and 2147483647, was -1"));
        assertTrue(runWith("--commit-then-drop-rate", "2").err()
                .contains("--commit-then-drop-rate must be between 0 and 1, was 2"));
    }

    @Test
    void helpPrintsUsage() {
        Result result = runWith("--help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("--fail-environment NAME"), result.out());
        assertTrue(result.out().contains("--rate-limit-rate F"));
        assertTrue(result.out().contains("--commit-then-drop-rate F"), result.out());
        assertTrue(result.out().contains("--commit-then-drop-next N"), result.out());
        assertTrue(result.out().contains("--bad-gateway-every N"), result.out());
        assertTrue(result.out().contains("--ampersand-api-key K"), result.out());
        assertTrue(result.out().contains("ampersand-base-url"), result.out());
        assertTrue(result.out().contains("--admin-token-file FILE"), result.out());
        assertTrue(result.out().contains("control-token"), result.out());
        assertEquals("", result.err());
        assertEquals(0, runWith("--port", "0", "--help").code(), "help wins over everything else");
    }

    @Test
    void portInUseExitsWith1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Result result = runWith("--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, result.code());
            assertTrue(result.err().contains("cannot listen"), result.err());
        }
    }

    private record Result(int code, String out, String err) {
    }

    /** For command lines that return at once (help and errors), so no stop signal is needed. */
    private static Result runWith(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch alreadyStopped = new CountDownLatch(0);
        int code = SandboxMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), server -> { }, alreadyStopped);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1);
    }

    /** Collects printed lines and lets a test wait for them. */
    private static final class LineCapture {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        PrintStream stream() {
            return new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    synchronized (LineCapture.this) {
                        partial.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
                        int newline;
                        while ((newline = partial.indexOf("\n")) >= 0) {
                            lines.add(partial.substring(0, newline).replace("\r", ""));
                            partial.delete(0, newline + 1);
                        }
                        LineCapture.this.notifyAll();
                    }
                }
            }, true, StandardCharsets.UTF_8);
        }

        synchronized List<String> await(int count, long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (lines.size() < count) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "timed out waiting for output, got " + lines);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return List.copyOf(lines);
        }
    }
}
