package io.keyward.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end (or a time limit), keeping what it printed. */
final class Proc {

    private Proc() {
    }

    /**
     * @param exit     the exit status (-1 after a time-out)
     * @param startMillis {@code System.currentTimeMillis()} just before the process was started
     */
    record Result(int exit, String out, String err, boolean timedOut, long startMillis) {
        /** Why it failed, or null: "timed out after 60 s", "exit status 1: <last line of stderr>". */
        String failure(Duration timeout) {
            if (timedOut) {
                return "timed out after " + timeout.toSeconds() + " s";
            }
            if (exit != 0) {
                String last = err.strip().lines().reduce((a, b) -> b).orElse("");
                return "exit status " + exit + (last.isEmpty() ? "" : ": " + last);
            }
            return null;
        }
    }

    /** Starts {@code builder} and waits; after {@code timeout} it and its children are killed. */
    static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        long startMillis = System.currentTimeMillis();
        Process p = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread o = drain(p.getInputStream(), out);
        Thread e = drain(p.getErrorStream(), err);
        boolean done = false;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (!done) {
                kill(p);
            }
        }
        o.join(5000);
        e.join(5000);
        int exit = done ? p.exitValue() : -1;
        synchronized (out) {
            synchronized (err) {
                return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                        !done, startMillis);
            }
        }
    }

    /** The process and everything it started, at once. */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "bench-drain");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Writes a log with every secret replaced, so no token reaches a file. */
    static void log(Path file, String command, Result r, Collection<String> secrets) throws IOException {
        Files.createDirectories(file.getParent());
        String text = "$ " + command + "\n# exit " + r.exit() + (r.timedOut() ? " (timed out)" : "") + "\n"
                + "# --- stdout\n" + r.out() + "\n# --- stderr\n" + r.err() + "\n";
        Files.writeString(file, scrub(text, secrets), StandardCharsets.UTF_8);
    }

    static String scrub(String text, Collection<String> secrets) {
        String s = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                s = s.replace(secret, "<redacted>");
            }
        }
        return s;
    }

    static String commandLine(List<String> command) {
        return String.join(" ", command);
    }
}
