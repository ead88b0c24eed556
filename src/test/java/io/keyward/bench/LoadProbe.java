package io.keyward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.app.AppContext;
import io.keyward.app.KeywardApp;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.model.Secret;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.ListState;
import io.keyward.session.ResourceList;
import io.keyward.session.Workspace;
import io.keyward.store.MemorySecretStore;
import io.keyward.ui.common.FxDialogService;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how the console copes with one large project, from outside, in a real window.
 *
 * <p><b>Method.</b> The probe builds the real console the way the application does ({@code AppContext}
 * plus {@code KeywardApp.install}, a temporary data directory, secrets in memory), shows it in a real
 * window (JavaFX glass on the X display in {@code DISPLAY}; no Monocle), and connects it, as an ordinary
 * connection profile signed in with a personal token, to an Apinizer-compatible server started
 * separately (the sandbox with {@code --scale 10000}: 10,000 keys, 10,000 JWKs and 50,000
 * credentials in project {@code scale-10000}). The Credentials tab is selected. Then:
 * <ol>
 *   <li><b>raw-ms</b>: the floor. A plain JDK {@code HttpClient} GETs the project's keys, JWKs and
 *       credentials lists one after the other and parses each body with Jackson's {@code readTree}
 *       (no Keyward code involved); the median over the runs.</li>
 *   <li><b>load-ms</b>: the project is opened the way a user opens it, by a mouse click on its row in
 *       the projects list (pressed, released, clicked, fired at the row on the FX thread; not through the
 *       X server, whose round trips the robot would wait for on the FX thread). The clock starts just
 *       before the click and stops in the first pulse, after its layout, in which all three lists are
 *       loaded with every row the server sent, their tables hold those rows, and the shown table
 *       (Credentials) has laid out its first row with the first item. Between runs another project is
 *       opened (and waited for), so each run is a full open. Median over the runs; raw and load runs
 *       alternate, so both see the same machine. {@code load-ratio} = load-ms / raw-ms.</li>
 *   <li><b>max-stall-ms</b>: during every measured open an {@code AnimationTimer} keeps pulses coming
 *       and records the longest gap between two consecutive pulses (the longest the window was frozen);
 *       the maximum over the runs. 16.7 ms is a perfectly smooth run. The gaps over 50 ms and the
 *       garbage collections meanwhile are listed on stderr.</li>
 *   <li><b>filter-p95-ms</b>: with the project's 50,000 credentials showing, characters are typed one at a
 *       time into the Credentials filter as real key events (pressed, typed, released; BACK_SPACE for
 *       deleting) fired at the focused field on the FX thread: the given text is typed (narrowing) and
 *       then deleted character by character (widening), once unmeasured (warming up, as the loads are)
 *       and then for the given number of cycles. Each keystroke is fired at the start of a pulse (from
 *       an {@code AnimationTimer}), its clock started just before; it stops in a post-layout pulse
 *       listener once the table has laid out its first row with the first filtered item (normally the
 *       same pulse). So the figure is the work a keystroke causes up to its rows being laid out for the
 *       next frame, without the up-to-16.7 ms wait for the pulse timer that any input has; the 95th
 *       percentile over the measured keystrokes. Each keystroke's FX-thread CPU time is listed on stderr
 *       too: on a busy machine the wall time is that plus the time the thread waited for a CPU.</li>
 *   <li><b>heap-mb</b>, <b>rss-mb</b>: afterwards (the project open, the filter empty again, all rows
 *       in the tables), {@code System.gc()} twice, then the heap in use ({@code MemoryMXBean}) and the
 *       process's resident set ({@code VmRSS} from {@code /proc/self/status}), in MiB.</li>
 * </ol>
 * One unmeasured warm-up run of raw and load comes first; before each raw fetch and each open the heap
 * is collected ({@code System.gc()}), so neither measurement pays for the other's garbage. RSS depends
 * on the JVM's options: run the probe with the options the installed bundle uses
 * ({@code installer/build.xml}'s {@code --java-options}; the probe says on stderr when one is missing)
 * plus whatever extra options are being tried.
 *
 * <p>Prints exactly {@code raw-ms=}, {@code load-ms=}, {@code load-ratio=}, {@code max-stall-ms=},
 * {@code filter-p95-ms=}, {@code heap-mb=} and {@code rss-mb=} lines on stdout; everything else goes
 * to stderr. Exit status 0 when every figure was measured.
 *
 * <pre>
 * java -Xshare:auto -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5 -XX:MaxGCPauseMillis=50 \
 *   -XX:MarkStackSize=262144 [extra] -Dprism.order=sw -cp 'target/test-classes:target/classes:target/lib/*' \
 *   io.keyward.bench.LoadProbe --base http://127.0.0.1:PORT --token-file FILE --project scale-10000 --runs 5
 * </pre>
 * Options: {@code --base URL} (the manager's address), {@code --token-file FILE} (a personal token
 * with read rights, first line; the sandbox's {@code --admin-token-file}), {@code --project NAME},
 * {@code --other NAME} (the project opened between runs; default: the first other one listed),
 * {@code --runs N} (default 5), {@code --warmup N} (default 1), {@code --type TEXT} (typed into the
 * filter; default {@code user-0123}), {@code --cycles N} (default 3), {@code --filter-warmup N}
 * (unmeasured typing cycles first; default 1), {@code --build-xml FILE} (where the bundle's options
 * are read; default {@code installer/build.xml}), {@code --hold S} (stay alive S seconds after
 * printing, e.g. for {@code jcmd}). Diagnostics: {@code -Dloadprobe.sampleStalls=true} prints where the FX
 * thread and the renderer were during each run's long pulse gaps; {@code -Djavafx.pulseLogger=true} shows
 * what each slow pulse spent its time on.
 */
public final class LoadProbe {

    private static final long TIMEOUT_MS = 180_000;

    private final Options options;
    private final String token;
    private final HttpClient rawHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper rawJson = new ObjectMapper();

    private Stage stage;
    private Scene scene;
    private AppContext context;
    private int expectedKeys;
    private int expectedJwks;
    private int expectedCredentials;
    /** Called after every pulse's layout; set and read on the FX thread only. */
    private Runnable afterLayout;
    /** Called at the start of every pulse; FX thread only. */
    private Runnable atPulse;
    private volatile long lastPulse;
    private long maxGap;
    private volatile boolean recordingGaps;
    private final Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();
    /** Gaps over 50 ms during the current open: when they began and how long they were (for stderr). */
    private final List<String> longGaps = new ArrayList<>();

    private LoadProbe(Options options, String token) {
        this.options = options;
        this.token = token;
    }

    public static void main(String[] args) {
        int status = 1;
        LoadProbe probe = null;
        try {
            Options options = Options.parse(args);
            checkJvmOptions(options.buildXml());
            String token = Files.readAllLines(options.tokenFile(), StandardCharsets.UTF_8).stream().findFirst()
                    .orElse("").strip();
            if (token.isEmpty()) {
                throw new IllegalArgumentException("the token file's first line is empty");
            }
            probe = new LoadProbe(options, token);
            probe.run();
            status = 0;
        } catch (IllegalArgumentException e) {
            System.err.println("load-probe: " + e.getMessage());
            status = 2;
        } catch (Throwable t) {
            System.err.println("load-probe: failed");
            t.printStackTrace();
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
        System.exit(status);
    }

    private void run() throws Exception {
        String other = options.other() != null ? options.other() : otherProject();
        log("other project: " + other);
        countRows();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        // What Launcher sets before the console's toolkit starts, so the probe's window renders as the console's.
        io.keyward.app.Launcher.toolkitDefaults();
        log("prism.disableRegionCaching=" + System.getProperty("prism.disableRegionCaching"));
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        fx(() -> {
            buildConsole(other);
            return null;
        });
        waitFor("the projects list and " + other, () -> projectsListed() && isOpen(other) && allLoaded(-1));
        fx(() -> {
            for (Tab t : ((javafx.scene.control.TabPane) scene.lookup(".tab-pane")).getTabs()) {
                if ("credentials-tab".equals(t.getId())) {
                    t.getTabPane().getSelectionModel().select(t);
                }
            }
            return null;
        });

        System.gc();
        Thread.sleep(300);
        System.gc();
        log("before opening " + options.project() + ": heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                .getUsed() / (1024 * 1024) + " MB, RSS " + rssBytes() / (1024 * 1024) + " MB");

        watchGarbageCollections();
        List<Long> raws = new ArrayList<>();
        List<Long> loads = new ArrayList<>();
        long stall = 0;
        for (int i = -options.warmup(); i < options.runs(); i++) {
            // Each measurement starts from a collected heap, so neither pays for the other's garbage.
            settle();
            long raw = rawOnce();
            settle();
            long[] load = openAndMeasure(options.project());
            String tag = i < 0 ? "warm-up" : "run " + (i + 1);
            log(String.format(Locale.ROOT, "%s: raw %d ms, load %d ms, longest pulse gap %d ms", tag,
                    raw / 1_000_000, load[0] / 1_000_000, load[1] / 1_000_000));
            if (i >= 0) {
                raws.add(raw);
                loads.add(load[0]);
                stall = Math.max(stall, load[1]);
            }
            if (i < options.runs() - 1) {
                open(other);
            }
        }
        double rawMs = median(raws) / 1e6;
        double loadMs = median(loads) / 1e6;

        List<Long> keystrokes = typeIntoFilter();
        double p95 = percentile(keystrokes, 0.95) / 1e6;

        System.gc();
        Thread.sleep(300);
        System.gc();
        Thread.sleep(300);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = rssBytes();
        fx(() -> {
            // The rows must still be there: a measurement of an emptied console would flatter it.
            if (context.main().workspace().credentials().size() != expectedCredentials) {
                throw new IllegalStateException("the credentials were no longer loaded when memory was read");
            }
            return null;
        });

        System.out.printf(Locale.ROOT, "raw-ms=%.0f%n", rawMs);
        System.out.printf(Locale.ROOT, "load-ms=%.0f%n", loadMs);
        System.out.printf(Locale.ROOT, "load-ratio=%.2f%n", loadMs / rawMs);
        System.out.printf(Locale.ROOT, "max-stall-ms=%.0f%n", stall / 1e6);
        System.out.printf(Locale.ROOT, "filter-p95-ms=%.1f%n", p95);
        System.out.printf(Locale.ROOT, "heap-mb=%d%n", heap / (1024 * 1024));
        System.out.printf(Locale.ROOT, "rss-mb=%d%n", rss / (1024 * 1024));
        System.out.flush();
        if (options.holdSeconds() > 0) {
            log("holding for " + options.holdSeconds() + " s (pid " + ProcessHandle.current().pid() + ")");
            Thread.sleep(options.holdSeconds() * 1000L);
        }
    }

    // ------------------------------------------------------------------ the console

    private void buildConsole(String other) {
        stage = new Stage();
        context = new AppContext(new FxDialogService(() -> stage), Clock.systemDefaultZone(), null,
                new MemorySecretStore());
        KeywardApp.install(stage, context);
        scene = stage.getScene();
        scene.addPostLayoutPulseListener(() -> {
            if (afterLayout != null) {
                afterLayout.run();
            }
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (recordingGaps && lastPulse != 0) {
                    maxGap = Math.max(maxGap, t - lastPulse);
                    if (t - lastPulse > 50_000_000L) {
                        longGaps.add(java.time.LocalTime.now().minusNanos(t - lastPulse) + "+" + (t - lastPulse) / 1_000_000);
                    }
                }
                lastPulse = t;
                if (atPulse != null) {
                    atPulse.run();
                }
            }
        }.start();
        if (Boolean.getBoolean("loadprobe.sampleStalls")) {
            sampleStalls(Thread.currentThread());
        }
        stage.show();
        context.main().projects().preferProject(other);
        context.main().connect(new ConnectionProfile("Load probe", BackendKind.APINIZER, URI.create(options.base()),
                SignInMethod.PERSONAL_TOKEN, null, Secret.of(token), false));
    }

    /**
     * Diagnostics ({@code -Dloadprobe.sampleStalls=true}): while an open is measured and no pulse has come for
     * 35 ms, the FX thread's and the renderer's stacks every 3 ms; the most frequent are printed after each run.
     */
    private void sampleStalls(Thread fxThread) {
        Thread sampler = new Thread(() -> {
            Thread renderer = null;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
                long last = lastPulse;
                if (!recordingGaps || last == 0 || System.nanoTime() - last < 35_000_000L) {
                    continue;
                }
                if (renderer == null) {
                    renderer = Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
                }
                for (Thread t : renderer == null ? List.of(fxThread) : List.of(fxThread, renderer)) {
                    StringBuilder b = new StringBuilder(t.getName()).append(' ').append(t.getState());
                    StackTraceElement[] stack = t.getStackTrace();
                    for (int i = 0; i < Math.min(stack.length, 16); i++) {
                        b.append("\n    ").append(stack[i]);
                    }
                    samples.merge(b.toString(), 1, Integer::sum);
                }
            }
        }, "load-probe-stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private boolean projectsListed() {
        return context.main().projects().list().state().status() == ListState.Status.LOADED;
    }

    private boolean isOpen(String project) {
        var p = context.main().workspace().project();
        return p != null && p.name().equals(project);
    }

    /** Every list of the open project is loaded; with {@code since} >= 0, by a load that ended after it. */
    private boolean allLoaded(long sinceMillis) {
        Workspace w = context.main().workspace();
        for (ResourceList<?> l : List.of(w.environmentList(), w.keyList(), w.jwkList(), w.credentialList())) {
            ListState s = l.state();
            if (s.status() != ListState.Status.LOADED) {
                return false;
            }
            if (sinceMillis >= 0 && s.loadedAt().toEpochMilli() < sinceMillis) {
                return false;
            }
        }
        return true;
    }

    /** The big project's rows are in all three tables, and the shown one has laid out its first row. */
    private boolean bigProjectShown() {
        Workspace w = context.main().workspace();
        if (w.keys().size() != expectedKeys || w.jwks().size() != expectedJwks
                || w.credentials().size() != expectedCredentials) {
            return false;
        }
        if (table("keys").getItems().size() != expectedKeys || table("jwks").getItems().size() != expectedJwks) {
            return false;
        }
        TableView<?> credentials = table("credentials");
        return credentials.getItems().size() == expectedCredentials && firstRowShown(credentials);
    }

    private TableView<?> table(String prefix) {
        return (TableView<?>) scene.lookup("#" + prefix + "-table");
    }

    /** The table has laid out a row for index 0 holding its first item (or has no items). */
    private static boolean firstRowShown(TableView<?> table) {
        if (table.getItems().isEmpty()) {
            return true;
        }
        Object first = table.getItems().get(0);
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.isVisible() && row.getIndex() == 0) {
                return row.getItem() == first;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ opening a project

    /** Opens {@code project} by clicking it and waits until its lists are loaded (not measured). */
    private void open(String project) throws Exception {
        long since = System.currentTimeMillis();
        fx(() -> {
            click(project);
            return null;
        });
        waitFor(project, () -> isOpen(project) && allLoaded(since));
    }

    /** @return the time to the first frame with the rows, and the longest gap between pulses meanwhile (ns) */
    private long[] openAndMeasure(String project) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long sinceMillis = System.currentTimeMillis();
        long[] start = new long[1];
        fx(() -> {
            maxGap = 0;
            lastPulse = 0;
            longGaps.clear();
            synchronized (gcPauses) {
                gcPauses.clear();
            }
            recordingGaps = true;
            afterLayout = () -> {
                long end = System.nanoTime();
                if (isOpen(project) && allLoaded(sinceMillis) && bigProjectShown()) {
                    afterLayout = null;
                    recordingGaps = false;
                    done.complete(end - start[0]);
                }
            };
            start[0] = System.nanoTime();
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            click(project);
            clickHandled = String.format(Locale.ROOT, "%.1f ms (FX-thread CPU %.1f ms)",
                    (System.nanoTime() - start[0]) / 1e6,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e6);
            return null;
        });
        long elapsed;
        try {
            elapsed = done.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("opening " + project + " did not show its rows within "
                    + TIMEOUT_MS / 1000 + " s (" + fx(this::describeState) + ")");
        }
        long gap = fx(() -> maxGap);
        log("the click was handled in " + clickHandled + "; pulse gaps over 50 ms (start+ms): "
                + fx(() -> String.join(" ", longGaps)));
        samples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                .forEach(e -> log("stall sample x" + e.getValue() + ": " + e.getKey()));
        samples.clear();
        synchronized (gcPauses) {
            log("GC pauses meanwhile (start+ms): " + String.join(" ", gcPauses));
            gcPauses.clear();
        }
        return new long[] {elapsed, gap};
    }

    private String describeState() {
        Workspace w = context.main().workspace();
        return "project " + (w.project() == null ? null : w.project().name()) + ", keys " + w.keyList().state().status()
                + " " + w.keys().size() + ", JWKs " + w.jwkList().state().status() + " " + w.jwks().size()
                + ", credentials " + w.credentialList().state().status() + " " + w.credentials().size();
    }

    /**
     * A mouse click (pressed, released, clicked) on the project's row in the projects list, fired at the
     * row as the window would deliver it. Not through the X server: the JavaFX robot waits for the X
     * server on the FX thread, which would count as the console's own stall.
     */
    private void click(String project) {
        javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) scene.lookup("#projects");
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> cell && !cell.isEmpty() && cell.getItem() instanceof io.keyward.model.Project p
                    && p.name().equals(project)) {
                Bounds local = cell.getBoundsInLocal();
                double x = local.getMinX() + Math.min(40, local.getWidth() / 2);
                double y = local.getCenterY();
                javafx.geometry.Point2D sceneAt = cell.localToScene(x, y);
                javafx.geometry.Point2D screenAt = cell.localToScreen(x, y);
                for (javafx.event.EventType<MouseEvent> type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
                        MouseEvent.MOUSE_CLICKED)) {
                    Event.fireEvent(cell, new MouseEvent(type, sceneAt.getX(), sceneAt.getY(), screenAt.getX(),
                            screenAt.getY(), MouseButton.PRIMARY, 1, false, false, false, false,
                            type != MouseEvent.MOUSE_RELEASED && type != MouseEvent.MOUSE_CLICKED, false, false, true,
                            false, true, null));
                }
                return;
            }
        }
        throw new IllegalStateException("project " + project + " is not shown in the projects list");
    }

    // ------------------------------------------------------------------ typing into the filter

    /** @return each keystroke's time to its rows being laid out (ns) */
    private List<Long> typeIntoFilter() throws Exception {
        List<String> keys = new ArrayList<>();
        int unmeasured = options.filterWarmup() * 2 * options.type().length();
        for (int c = 0; c < options.filterWarmup() + options.cycles(); c++) {
            for (char ch : options.type().toCharArray()) {
                keys.add(String.valueOf(ch));
            }
            for (int i = 0; i < options.type().length(); i++) {
                keys.add(null); // BACK_SPACE
            }
        }
        CompletableFuture<List<Long>> done = new CompletableFuture<>();
        fx(() -> {
            TextField field = (TextField) scene.lookup("#credentials-filter");
            TableView<?> table = table("credentials");
            field.requestFocus();
            field.setText("");
            List<Long> times = new ArrayList<>();
            List<Long> handling = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            long[] cpuStart = {0};
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<String> sizes = new ArrayList<>();
            int[] next = {0};
            int[] settle = {3};
            long[] start = {0};
            String[] expectedText = {""};
            atPulse = () -> {
                if (start[0] != 0 || settle[0]-- > 0) {
                    return;
                }
                if (next[0] == keys.size()) {
                    atPulse = null;
                    afterLayout = null;
                    log("rows after each keystroke: " + String.join(" ", sizes));
                    log("ms per keystroke: " + String.join(" ", times.stream()
                            .map(t -> String.format(Locale.ROOT, "%.1f", t / 1e6)).toList()));
                    log("of which handling the key events: " + String.join(" ", handling.stream()
                            .map(t -> String.format(Locale.ROOT, "%.1f", t / 1e6)).toList()));
                    log("FX-thread CPU ms per keystroke (what a busy machine cannot inflate): " + String.join(" ",
                            cpu.stream().map(t -> String.format(Locale.ROOT, "%.1f", t / 1e6)).toList())
                            + String.format(Locale.ROOT, " (p95 %.1f)", percentile(cpu, 0.95) / 1e6));
                    done.complete(times);
                    return;
                }
                String key = keys.get(next[0]++);
                expectedText[0] = key == null ? expectedText[0].substring(0, expectedText[0].length() - 1)
                        : expectedText[0] + key;
                cpuStart[0] = threads.getCurrentThreadCpuTime();
                start[0] = System.nanoTime();
                type(field, key);
                handling.add(System.nanoTime() - start[0]);
            };
            afterLayout = () -> {
                long end = System.nanoTime();
                if (start[0] == 0) {
                    return;
                }
                if (!field.getText().equals(expectedText[0])) {
                    done.completeExceptionally(new IllegalStateException("the filter reads \u201C" + field.getText()
                            + "\u201D, not \u201C" + expectedText[0] + "\u201D"));
                    atPulse = null;
                    afterLayout = null;
                    return;
                }
                if (firstRowShown(table)) {
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    if (next[0] > unmeasured) {
                        cpu.add(cpuNow - cpuStart[0]);
                        times.add(end - start[0]);
                        sizes.add(String.valueOf(table.getItems().size()));
                    } else {
                        handling.remove(handling.size() - 1);
                    }
                    start[0] = 0;
                    settle[0] = 2;
                }
            };
            return null;
        });
        List<Long> times = done.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        String left = fx(() -> ((TextField) scene.lookup("#credentials-filter")).getText());
        if (!left.isEmpty()) {
            throw new IllegalStateException("the filter was left reading \u201C" + left + "\u201D");
        }
        return times;
    }

    /** Pressed, typed, released, as a keyboard sends them; {@code key} null is BACK_SPACE. */
    private static void type(TextField field, String key) {
        if (key == null) {
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.BACK_SPACE,
                    false, false, false, false));
            Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.BACK_SPACE,
                    false, false, false, false));
            return;
        }
        KeyCode code = KeyCode.getKeyCode(key.toUpperCase(Locale.ROOT));
        code = code == null ? KeyCode.UNDEFINED : code;
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, key, code,
                false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, key, "", KeyCode.UNDEFINED, false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, key, code,
                false, false, false, false));
    }

    // ------------------------------------------------------------------ the raw floor

    private JsonNode rawGet(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.base().replaceAll("/+$", "") + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120)).GET().build();
        HttpResponse<InputStream> response = rawHttp.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return rawJson.readTree(body);
        }
    }

    private String listPath(String collection) {
        return "/apiops/projects/" + URLEncoder.encode(options.project(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/" + collection + "/";
    }

    /** The three lists, fetched and parsed into trees one after the other (ns). */
    private long rawOnce() throws Exception {
        long start = System.nanoTime();
        int rows = 0;
        for (String c : List.of("keys", "jwks", "credentials")) {
            rows += rawGet(listPath(c)).path("resultList").size();
        }
        long elapsed = System.nanoTime() - start;
        if (rows != expectedKeys + expectedJwks + expectedCredentials) {
            throw new IllegalStateException("the raw lists changed size: " + rows + " rows");
        }
        return elapsed;
    }

    private void countRows() throws Exception {
        expectedKeys = rawGet(listPath("keys")).path("resultList").size();
        expectedJwks = rawGet(listPath("jwks")).path("resultList").size();
        expectedCredentials = rawGet(listPath("credentials")).path("resultList").size();
        log("project " + options.project() + ": " + expectedKeys + " keys, " + expectedJwks + " JWKs, "
                + expectedCredentials + " credentials");
        if (expectedCredentials == 0) {
            throw new IllegalArgumentException("project " + options.project() + " has no credentials");
        }
    }

    private String otherProject() throws Exception {
        for (JsonNode p : rawGet("/apiops/projects/").path("resultList")) {
            String name = p.path("name").asText("");
            if (!name.isEmpty() && !name.equals(options.project())) {
                return name;
            }
        }
        throw new IllegalArgumentException("the server has no project besides " + options.project());
    }

    // ------------------------------------------------------------------ plumbing

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private void waitFor(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited in vain for " + what + " (" + fx(this::describeState) + ")");
            }
            Thread.sleep(20);
        }
    }

    /** How long the click that opened the project took to handle (stderr only). */
    private volatile String clickHandled = "";

    /** Garbage collections (stderr only), to tell a collector's pause from the FX thread's own work. */
    private final List<String> gcPauses = new ArrayList<>();

    private void watchGarbageCollections() {
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (!"com.sun.management.gc.notification".equals(n.getType())) {
                        return;
                    }
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
                    long ms = info.getGcInfo().getDuration();
                    long startedAgo = ManagementFactory.getRuntimeMXBean().getUptime() - info.getGcInfo().getStartTime();
                    synchronized (gcPauses) {
                        gcPauses.add(java.time.LocalTime.now().minusNanos(startedAgo * 1_000_000) + "+" + ms
                                + "(" + info.getGcCause() + ")");
                    }
                }, null, null);
            }
        }
    }

    /** A full collection and a moment's quiet before a measurement. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.trim().split("\\s+");
                return Long.parseLong(parts[1]) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    /** Warns (stderr) when the JVM lacks an option the installed bundle starts with. */
    private static void checkJvmOptions(Path buildXml) {
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        log("JVM options: " + String.join(" ", running));
        if (!Files.isRegularFile(buildXml)) {
            log("no " + buildXml + ": cannot check the bundle's JVM options");
            return;
        }
        try {
            Matcher m = Pattern.compile("value=\"--java-options\"\\s*/>\\s*<arg value=\"([^\"]*)\"")
                    .matcher(Files.readString(buildXml));
            while (m.find()) {
                for (String option : m.group(1).trim().split("\\s+")) {
                    if (!option.isEmpty() && !running.contains(option)) {
                        log("WARNING: the bundle starts with " + option + " (" + buildXml
                                + "); this JVM was not: rss-mb may not be the bundle's");
                    }
                }
            }
        } catch (IOException e) {
            log("cannot read " + buildXml + ": " + e.getMessage());
        }
    }

    private static void log(String line) {
        System.err.println("load-probe: " + line);
    }

    private void close() {
        try {
            if (context != null) {
                fx(() -> {
                    stage.hide();
                    context.close();
                    return null;
                });
            }
        } catch (Exception e) {
            log("closing: " + e);
        }
        Platform.exit();
    }

    record Options(String base, Path tokenFile, String project, String other, int runs, int warmup, String type,
                   int cycles, int filterWarmup, Path buildXml, int holdSeconds) {

        static Options parse(String[] args) {
            String base = null;
            Path tokenFile = null;
            String project = "scale-10000";
            String other = null;
            int runs = 5;
            int warmup = 1;
            String type = "user-0123";
            int cycles = 3;
            int filterWarmup = 1;
            Path buildXml = Path.of("installer/build.xml");
            int holdSeconds = 0;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--base" -> base = value;
                    case "--token-file" -> tokenFile = Path.of(value);
                    case "--project" -> project = value;
                    case "--other" -> other = value;
                    case "--runs" -> runs = positive(name, value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--type" -> type = value;
                    case "--cycles" -> cycles = positive(name, value);
                    case "--filter-warmup" -> filterWarmup = Math.max(0, Integer.parseInt(value));
                    case "--build-xml" -> buildXml = Path.of(value);
                    case "--hold" -> holdSeconds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name + "; options: "
                            + Arrays.asList("--base", "--token-file", "--project", "--other", "--runs", "--warmup",
                            "--type", "--cycles", "--filter-warmup", "--build-xml", "--hold"));
                }
            }
            if (base == null || tokenFile == null) {
                throw new IllegalArgumentException("--base URL and --token-file FILE are needed");
            }
            if (type.isEmpty()) {
                throw new IllegalArgumentException("--type must not be empty");
            }
            return new Options(base, tokenFile, project, other, runs, Math.max(0, warmup), type, cycles, filterWarmup,
                    buildXml, Math.max(0, holdSeconds));
        }

        private static int positive(String name, String value) {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return n;
        }
    }
}
