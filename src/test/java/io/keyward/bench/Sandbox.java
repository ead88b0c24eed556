package io.keyward.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox in its own process ({@code java -jar keyward.jar --sandbox-only --port 0 ...}), signed in
 * with an admin token the harness makes and keeps in an owner-only file, so the token is never on a
 * command line or in a log. The sandbox's stdout (its connection details, tokens included) is read
 * in memory and never written anywhere.
 */
final class Sandbox implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final String baseUrl;
    private final String adminToken;
    private final Path tokenFile;

    private Sandbox(Process process, String baseUrl, String adminToken, Path tokenFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
        this.tokenFile = tokenFile;
    }

    /**
     * @param secrets a directory only the owner may read, for the token file
     * @param options e.g. {@code --scale 10000}, {@code --latency-ms 20}
     * @param log     where the sandbox's stderr goes
     */
    static Sandbox start(Path java, Path jar, Path secrets, List<String> options, Path log)
            throws IOException, InterruptedException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = "bench-" + HexFormat.of().formatHex(random);
        Path tokenFile = Files.createTempFile(secrets, "admin-token", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--sandbox-only",
                "--port", "0", "--admin-token-file", tokenFile.toString()));
        command.addAll(options);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Map<String, String> details = new ConcurrentHashMap<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        details.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                    if (line.startsWith("control-token=")) { // the last of its connection details
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // closed
            }
            ready.complete(null);
        }, "bench-sandbox-out");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Proc.kill(p);
            Files.deleteIfExists(tokenFile);
            throw new IOException("the sandbox did not start within " + START_LIMIT.toSeconds() + " s (see " + log + ")");
        }
        String base = details.get("base-url");
        if (base == null || !p.isAlive()) {
            Proc.kill(p);
            Files.deleteIfExists(tokenFile);
            throw new IOException("the sandbox stopped before it said where it listens (see " + log + ")");
        }
        return new Sandbox(p, base, token, tokenFile);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The owner-only file holding the admin token (its first line). */
    Path tokenFile() {
        return tokenFile;
    }

    /** For scrubbing logs only. */
    String adminToken() {
        return adminToken;
    }

    @Override
    public void close() {
        process.destroy(); // its shutdown hook closes the server
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Proc.kill(process);
            }
        } catch (InterruptedException e) {
            Proc.kill(process);
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException ignored) {
            // in the harness's own secrets directory, which is removed too
        }
    }
}
