package io.keyward.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The benchmark harness {@code bench/run} starts once it has built the app-image and the test classes.
 * It runs every measurement one after the other on this machine, in one run, each against its floor
 * measured in the same run, then prints one {@code name=value} line per figure and a table, and writes
 * {@code bench/RESULTS.md}. A figure whose probe is missing or fails is "not measured", with why.
 *
 * <p>The probes are separate JVMs started with this JVM's class path (plus {@code --probe-cp}); how each
 * is started is in one method each ({@link #loadProbeCommand}, {@link #bulkProbeCommand},
 * {@link #callProbeCommand}). Options: {@code --root DIR}, {@code --out FILE}, {@code --only
 * startup,call,load,bulk}, {@code --startup-runs N} (7), {@code --load-runs N} (5), {@code --call-runs N}
 * (60), {@code --scale N} (10000), {@code --probe-cp PATH}, {@code --build-seconds S},
 * {@code --display-note TEXT}, {@code --note TEXT} (repeatable).
 */
public final class BenchHarness {

    static final String LOAD_PROBE = "io.keyward.bench.LoadProbe";
    static final String BULK_PROBE = "io.keyward.bench.BulkProbe";
    static final String CALL_PROBE = "io.keyward.bench.CallProbe";

    private static final Duration LAUNCH_LIMIT = Duration.ofSeconds(60);
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);
    private static final Duration BULK_LIMIT = Duration.ofMinutes(3);
    private static final Duration CALL_LIMIT = Duration.ofMinutes(2);

    private final Settings settings;
    private final Path root;
    private final Path work;
    private final Path logs;
    private final Path appImage;
    private final Path javaExe = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String classPath;
    private final Map<String, Reading> readings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private Path secretDir;

    record Settings(Path root, Path out, Set<String> only, int startupRuns, int loadRuns, int callRuns, int scale,
                    String probeCp, long buildSeconds, String displayNote, List<String> notes) {

        static Settings parse(String[] args) {
            Path root = Path.of("").toAbsolutePath();
            Path out = null;
            Set<String> only = new LinkedHashSet<>(List.of("startup", "call", "load", "bulk"));
            int startupRuns = 7;
            int loadRuns = 5;
            int callRuns = 60;
            int scale = 10_000;
            String probeCp = "";
            long buildSeconds = -1;
            String displayNote = null;
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String v = args[++i];
                switch (name) {
                    case "--root" -> root = Path.of(v).toAbsolutePath();
                    case "--out" -> out = Path.of(v).toAbsolutePath();
                    case "--only" -> {
                        only = new LinkedHashSet<>(Arrays.asList(v.split(",")));
                        only.removeIf(String::isBlank);
                        for (String s : only) {
                            if (!List.of("startup", "call", "load", "bulk").contains(s)) {
                                throw new IllegalArgumentException("--only takes startup, call, load, bulk; not " + s);
                            }
                        }
                    }
                    case "--startup-runs" -> startupRuns = atLeast(name, v, 1);
                    case "--load-runs" -> loadRuns = atLeast(name, v, 1);
                    case "--call-runs" -> callRuns = atLeast(name, v, 1);
                    case "--scale" -> scale = atLeast(name, v, 1);
                    case "--probe-cp" -> probeCp = v;
                    case "--build-seconds" -> buildSeconds = atLeast(name, v, 0);
                    case "--display-note" -> displayNote = v;
                    case "--note" -> notes.add(v);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (out == null) {
                out = root.resolve("bench").resolve("RESULTS.md");
            }
            return new Settings(root, out, only, startupRuns, loadRuns, callRuns, scale, probeCp, buildSeconds,
                    displayNote, List.copyOf(notes));
        }

        private static int atLeast(String name, String v, int min) {
            int n;
            try {
                n = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was " + v);
            }
            if (n < min) {
                throw new IllegalArgumentException(name + " must be at least " + min);
            }
            return n;
        }
    }

    BenchHarness(Settings settings) {
        this.settings = settings;
        this.root = settings.root();
        this.work = root.resolve("target").resolve("bench");
        this.logs = work.resolve("logs");
        this.appImage = root.resolve("target").resolve("installer").resolve("dist").resolve("Keyward");
        String cp = System.getProperty("java.class.path");
        this.classPath = settings.probeCp().isBlank() ? cp : cp + File.pathSeparator + settings.probeCp();
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Stopped early (bench/run was interrupted): no probe, sandbox or app outlives the harness.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroyForcibly), "bench-stop-children"));
        new BenchHarness(settings).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'"));
        deleteTree(logs); // no earlier run's log is mistaken for this one's
        Files.createDirectories(logs);
        secretDir = Files.createTempDirectory("keyward-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            if (settings.only().contains("startup")) {
                step("startup", this::startup, "startup-bundle-ms", "startup-bare-ms", "startup-ratio", "startup-ready-ms");
            }
            if (settings.only().contains("call") || settings.only().contains("load")) {
                withScaleSandbox();
            }
            if (settings.only().contains("bulk")) {
                step("bulk", this::bulk, "bulk-seq-ms", "bulk-ms", "bulk-ratio");
            }
        } finally {
            deleteTree(secretDir);
        }
        long seconds = Math.round((System.nanoTime() - started) / 1e9);

        Report report = Report.of(readings);
        String md = report.markdown(intro(date, seconds), machine(loadBefore), Methods.paragraphs(settings),
                allNotes());
        Files.createDirectories(settings.out().getParent());
        Files.writeString(settings.out(), Proc.scrub(md, secrets), StandardCharsets.UTF_8);

        report.lines().forEach(System.out::println);
        System.out.println();
        System.out.print(report.table());
        System.out.println();
        System.out.println("Written to " + shortPath(settings.out().toString()) + "; probe logs in "
                + shortPath(logs.toString()) + ". Measurements took " + duration(seconds) + ".");
    }

    // ------------------------------------------------------------------ steps

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step; if it throws, each of its figures not yet read is "not measured" with the reason. */
    private void step(String what, Step step, String... figures) {
        progress(what + "\u2026");
        try {
            step.run();
        } catch (Exception e) {
            String why = what + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            progress(why);
            for (String f : figures) {
                readings.putIfAbsent(f, Reading.notMeasured(f, why));
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void withScaleSandbox() {
        Sandbox sandbox;
        try {
            progress("starting a sandbox with --scale " + settings.scale() + "\u2026");
            sandbox = Sandbox.start(javaExe, root.resolve("target").resolve("keyward.jar"), secretDir,
                    List.of("--scale", String.valueOf(settings.scale())), logs.resolve("sandbox-scale.log"));
        } catch (Exception e) {
            String why = "the --scale " + settings.scale() + " sandbox did not start: " + e.getMessage();
            for (String f : List.of("call-client-ms", "call-curl-ms", "call-ratio", "raw-ms", "load-ms", "load-ratio",
                    "filter-p95-ms", "max-stall-ms", "rss-mb", "heap-mb")) {
                readings.putIfAbsent(f, Reading.notMeasured(f, why));
            }
            return;
        }
        secrets.add(sandbox.adminToken());
        try (sandbox) {
            if (settings.only().contains("call")) {
                step("call", () -> call(sandbox), "call-client-ms", "call-curl-ms", "call-ratio");
            }
            if (settings.only().contains("load")) {
                step("load", () -> load(sandbox), "raw-ms", "load-ms", "load-ratio", "filter-p95-ms",
                        "max-stall-ms", "rss-mb", "heap-mb");
            }
        }
    }

    // ------------------------------------------------------------------ start-up

    private void startup() throws Exception {
        Path launcher = appImage.resolve("bin").resolve("Keyward");
        Path runtimeJava = appImage.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
        requireDisplay();
        if (!Files.isExecutable(launcher) || !Files.isExecutable(runtimeJava)) {
            throw new IOException("no app-image at " + root.relativize(appImage) + " (bench/run builds it with -Papp-image)");
        }
        Path bare = bareWindowClasses();
        List<Double> bundle = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i <= settings.startupRuns(); i++) {
            boolean warmUp = i == 0;
            Launch b = launch("app-image", List.of(launcher.toString(), "--exit-after-startup", "--data-dir",
                    "%DATA%"), true, log);
            double f = launch("bare window", List.of(runtimeJava.toString(), "-cp", bare.toString(),
                    "io.keyward.bench.BareWindowMain"), false, log).shown();
            progress(String.format(Locale.ROOT, "start-up %s: app-image %.0f ms (whole window %.0f ms), bare window %.0f ms",
                    warmUp ? "warm-up (discarded)" : "run " + i + "/" + settings.startupRuns(), b.shown(), b.ready(), f));
            if (!warmUp) {
                bundle.add(b.shown());
                ready.add(b.ready());
                floor.add(f);
            }
        }
        Files.writeString(logs.resolve("startup.log"), Proc.scrub(log.toString(), secrets), StandardCharsets.UTF_8);
        double mb = Stats.median(bundle);
        double mf = Stats.median(floor);
        readings.put("startup-bundle-ms", Reading.of("startup-bundle-ms", mb));
        readings.put("startup-bare-ms", Reading.of("startup-bare-ms", mf));
        readings.put("startup-ratio", Reading.of("startup-ratio", mb / mf));
        readings.put("startup-ready-ms", Reading.of("startup-ready-ms", Stats.median(ready)));
        notes.add("Start-up runs (ms), app-image: " + joined(bundle) + "; the same runs to the whole window: "
                + joined(ready) + "; bare window: " + joined(floor) + ".");
        if (settings.startupRuns() < 7) {
            notes.add("Only " + settings.startupRuns() + " start-up runs of each; the benchmark asks for at least 7.");
        }
    }

    /** Milliseconds from a process start to its first frame shown and to its whole window laid out. */
    private record Launch(double shown, double ready) {
    }

    /**
     * One process start to its {@code shown-epoch-ms=} line (and, with {@code whole}, to its
     * {@code ready-epoch-ms=} line; without, ready is shown), in a fresh HOME, XDG directories and (for the
     * app) data directory; {@code %DATA%} in the command is that data directory.
     */
    private Launch launch(String what, List<String> command, boolean whole, StringBuilder log) throws Exception {
        Path tmp = Files.createTempDirectory(work, "launch-");
        try {
            List<String> cmd = new ArrayList<>();
            for (String c : command) {
                cmd.add(c.replace("%DATA%", tmp.resolve("data").toString()));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
            Map<String, String> env = pb.environment();
            env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
            env.put("XDG_CONFIG_HOME", Files.createDirectories(tmp.resolve("config")).toString());
            env.put("XDG_DATA_HOME", Files.createDirectories(tmp.resolve("share")).toString());
            env.put("XDG_CACHE_HOME", Files.createDirectories(tmp.resolve("cache")).toString());
            env.put("XDG_STATE_HOME", Files.createDirectories(tmp.resolve("state")).toString());
            Proc.Result r = Proc.run(pb, LAUNCH_LIMIT);
            log.append("$ ").append(Proc.commandLine(cmd)).append("\n# exit ").append(r.exit()).append('\n')
                    .append(r.out()).append(r.err()).append('\n');
            String failed = r.failure(LAUNCH_LIMIT);
            BenchOutput out = BenchOutput.parse(r.out(), what);
            Reading shown = out.reading("shown-epoch-ms");
            Reading ready = whole ? out.reading("ready-epoch-ms") : shown;
            if (failed != null || !shown.measured() || !ready.measured()) {
                throw new IOException(what + ": " + (failed != null ? failed : !shown.measured() ? shown.why() : ready.why()));
            }
            double ms = shown.value() - r.startMillis();
            double readyMs = ready.value() - r.startMillis();
            if (ms <= 0 || ms > LAUNCH_LIMIT.toMillis() || readyMs < ms || readyMs > LAUNCH_LIMIT.toMillis()) {
                throw new IOException(what + ": shown-epoch-ms is " + ms + " ms and ready-epoch-ms " + readyMs
                        + " ms from the start, which cannot be");
            }
            return new Launch(ms, readyMs);
        } finally {
            deleteTree(tmp);
        }
    }

    /** A directory holding only the bare window's classes, copied from this class path. */
    private Path bareWindowClasses() throws IOException {
        Path dir = work.resolve("bare-window");
        deleteTree(dir);
        Path pkg = Files.createDirectories(dir.resolve("io").resolve("keyward").resolve("bench"));
        for (String name : List.of("BareWindow", "BareWindowMain")) {
            String resource = "/io/keyward/bench/" + name + ".class";
            try (var in = BenchHarness.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException(resource + " is not on the class path");
                }
                Files.copy(in, pkg.resolve(name + ".class"));
            }
        }
        return dir;
    }

    // ------------------------------------------------------------------ the probes

    private void call(Sandbox sandbox) throws Exception {
        runProbe(CALL_PROBE, "call", callProbeCommand(sandbox), CALL_LIMIT,
                List.of("call-client-ms", "call-curl-ms", "call-ratio"));
    }

    private void load(Sandbox sandbox) throws Exception {
        requireDisplay();
        runProbe(LOAD_PROBE, "load", loadProbeCommand(sandbox), LOAD_LIMIT,
                List.of("raw-ms", "load-ms", "load-ratio", "filter-p95-ms", "max-stall-ms", "rss-mb", "heap-mb"));
    }

    private void bulk() throws Exception {
        runProbe(BULK_PROBE, "bulk", bulkProbeCommand(), BULK_LIMIT, List.of("bulk-seq-ms", "bulk-ms", "bulk-ratio"));
    }

    /**
     * How LoadProbe is started: the app-image's launcher JVM options that a JDK 17 accepts too (heap, GC,
     * properties), software rendering, the sandbox and its token. It runs on the harness's JDK: the bundle's
     * jlinked runtime has no java.management, which the probe needs for its heap figure; the launcher's AOT
     * cache belongs to the launcher's class path, not the probe's.
     */
    List<String> loadProbeCommand(Sandbox sandbox) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaExe.toString()));
        List<String> passed = new ArrayList<>();
        for (String option : bundleJavaOptions()) {
            if (isPortableOption(option)) {
                passed.add(option);
            }
        }
        cmd.addAll(passed);
        notes.add("LoadProbe ran on the harness's JDK with these of the launcher's JVM options: "
                + (passed.isEmpty() ? "none" : "`" + String.join(" ", passed) + "`") + ".");
        cmd.addAll(List.of("-Dprism.order=sw", "-cp", classPath, LOAD_PROBE,
                "--base", sandbox.baseUrl(), "--token-file", sandbox.tokenFile().toString(),
                "--project", "scale-" + settings.scale(), "--runs", String.valueOf(settings.loadRuns())));
        return cmd;
    }

    /**
     * Options a JDK 17 also accepts (the app-image's runtime may be newer): heap, GC, JIT and system
     * properties; not the AOT cache's, set (-XX:AOTCache=) or switched (-XX:-AOTReplayTraining).
     */
    static boolean isPortableOption(String option) {
        return option.startsWith("-D") || option.startsWith("-Xm") || option.startsWith("-Xss")
                || (option.startsWith("-XX:") && !option.matches("-XX:[+-]?AOT.*"));
    }

    /** How BulkProbe is started: on its own (it starts its own sandbox at 20 ms latency). */
    List<String> bulkProbeCommand() {
        return List.of(javaExe.toString(), "-cp", classPath, BULK_PROBE);
    }

    /** How CallProbe is started: the sandbox and its token, N runs. */
    List<String> callProbeCommand(Sandbox sandbox) {
        return List.of(javaExe.toString(), "-cp", classPath, CALL_PROBE, "--base", sandbox.baseUrl(),
                "--token-file", sandbox.tokenFile().toString(), "--runs", String.valueOf(settings.callRuns()));
    }

    /** Runs a probe class if it is on the class path; reads its figures, or says why they were not measured. */
    private void runProbe(String className, String what, List<String> command, Duration limit, List<String> figures)
            throws Exception {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String where = locate(className, classPath);
        if (where == null) {
            for (String f : figures) {
                readings.put(f, Reading.notMeasured(f, simple + " is not on the class path"));
            }
            progress(simple + " is not on the class path: " + String.join(", ", figures) + " not measured");
            return;
        }
        notes.add(simple + " was loaded from " + shortPath(where) + ".");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Proc.Result r = Proc.run(pb, limit);
        Path log = logs.resolve(what + ".log");
        Proc.log(log, Proc.commandLine(command).replace(classPath, "<class path>"), r, secrets);
        BenchOutput out = BenchOutput.parse(r.out(), simple);
        String failed = r.failure(limit);
        for (String f : figures) {
            // A probe that failed is not believed, even for figures it printed before failing.
            readings.put(f, failed == null ? out.reading(f)
                    : Reading.notMeasured(f, simple + " " + failed + " (see " + shortPath(log.toString()) + ")"));
        }
        progress(simple + (failed == null ? " done" : " " + failed) + "; log in " + shortPath(log.toString()));
    }

    /** The class path entry holding the class (a directory or a jar), or null. */
    static String locate(String className, String classPath) {
        String file = className.replace('.', '/') + ".class";
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(file))) {
                return entry;
            }
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    if (jar.getEntry(file) != null) {
                        return entry;
                    }
                } catch (IOException ignored) {
                    // not a jar after all
                }
            }
        }
        return null;
    }

    /** The JVM options the app-image's launcher starts its JVM with. */
    private List<String> bundleJavaOptions() throws IOException {
        Path cfg = appImage.resolve("lib").resolve("app").resolve("Keyward.cfg");
        if (!Files.isRegularFile(cfg)) {
            notes.add("No " + root.relativize(cfg) + ": LoadProbe ran without the app-image's JVM options.");
            return List.of();
        }
        List<String> options = BundleConfig.javaOptions(Files.readString(cfg), appImage);
        notes.add("The app-image's launcher starts its JVM with: " + (options.isEmpty() ? "no options"
                : "`" + String.join(" ", options).replace(root.toString() + "/", "") + "`") + ".");
        return options;
    }

    private static void requireDisplay() throws IOException {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new IOException("no X display (DISPLAY is not set); bench/run starts Xvfb when it is missing");
        }
    }

    // ------------------------------------------------------------------ the report's facts

    private String intro(String date, long seconds) {
        String build = settings.buildSeconds() >= 0 ? " Building beforehand took " + duration(settings.buildSeconds())
                + "." : "";
        return "Written by `bench/run` on " + date + " at commit " + commit() + ". The measurements took "
                + duration(seconds) + "." + build + " Each ratio is against its floor measured in the same run. "
                + "This is a shared machine: the load average below says how busy it was, and the figures are "
                + "only as steady as it.";
    }

    private Map<String, String> machine(String loadBefore) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("Cores", Runtime.getRuntime().availableProcessors() + " (as the JVM sees them)");
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        m.put("RAM", mem.endsWith(" kB") ? String.format(Locale.ROOT, "%.1f GiB",
                Long.parseLong(mem.replace(" kB", "").strip()) / 1024.0 / 1024.0) : mem);
        m.put("OS", osRelease() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("App runtime (app-image)", runtimeVersion());
        m.put("Harness and probes JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        m.put("Display", settings.displayNote() != null ? settings.displayNote()
                : "DISPLAY=" + System.getenv("DISPLAY"));
        m.put("Load average (1, 5, 15 min)", "before: " + loadBefore + "; after: " + loadAverage());
        return m;
    }

    private List<String> allNotes() {
        List<String> all = new ArrayList<>(settings.notes());
        all.addAll(notes);
        return all;
    }

    private String runtimeVersion() {
        Path runtimeJava = appImage.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
        if (!Files.isExecutable(runtimeJava)) {
            return "no app-image";
        }
        try {
            Proc.Result r = Proc.run(new ProcessBuilder(runtimeJava.toString(), "-version"), Duration.ofSeconds(30));
            return String.join("; ", r.err().strip().lines().toList());
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private String commit() {
        try {
            Proc.Result head = Proc.run(new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"),
                    Duration.ofSeconds(20));
            Proc.Result branch = Proc.run(new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--abbrev-ref",
                    "HEAD"), Duration.ofSeconds(20));
            Proc.Result dirty = Proc.run(new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain",
                    "--untracked-files=no"), Duration.ofSeconds(20));
            String c = "`" + head.out().strip() + "` (branch `" + branch.out().strip() + "`)";
            return dirty.out().isBlank() ? c : c + " with uncommitted changes";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                    return line.substring(colon + 1).strip();
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // not Linux
        }
        return "unknown";
    }

    private static String osRelease() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    // ------------------------------------------------------------------ plumbing

    private String shortPath(String path) {
        String r = root.toString() + "/";
        return path.startsWith(r) ? path.substring(r.length()) : path;
    }

    static String duration(long seconds) {
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    private static String joined(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static void progress(String line) {
        System.err.println("bench: " + line);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind under target/ is harmless
        }
    }
}
