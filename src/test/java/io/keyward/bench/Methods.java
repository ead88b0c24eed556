package io.keyward.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** How each figure is measured, one paragraph each, for {@code bench/RESULTS.md}. */
final class Methods {

    private Methods() {
    }

    static Map<String, String> paragraphs(BenchHarness.Settings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("startup-ratio (startup-bundle-ms, startup-bare-ms)", """
                The app-image's own launcher, `target/installer/dist/Keyward/bin/Keyward --exit-after-startup
                --data-dir <fresh temp dir>` (on Linux a script that starts the bundled runtime as jpackage's
                launcher would, from its `Keyward.cfg`), against a bare JavaFX window (`io.keyward.bench.BareWindow`:
                an empty `StackPane` scene of 1000x700, started through a plain main class) run by the same runtime,
                `lib/runtime/bin/java -cp <a directory holding only those two classes>`. Each process prints
                `shown-epoch-ms=` (`System.currentTimeMillis()`) once the first pulse after the stage's on-shown
                event has laid the window out and handed it to the renderer (a post-layout pulse listener, then one
                `Platform.runLater`). The harness subtracts `System.currentTimeMillis()` taken just before
                `ProcessBuilder.start()`. The console's first frame is its window with the toolbar, splitters and
                status line; its projects list, tabs and results panel are built right after it (see
                startup-ready-ms). Every launch gets fresh temporary HOME and XDG_CONFIG/DATA/CACHE/STATE
                directories (so no user configuration is read or touched). One discarded warm-up of each, then %d
                runs alternating app-image, bare, app-image, bare...; medians; startup-ratio = median(app-image) /
                median(bare). Both on the same X display.
                """.formatted(s.startupRuns()));
        m.put("startup-ready-ms", """
                The same app-image runs: process start to `ready-epoch-ms=`, printed once the pulse after the
                projects list, tabs and results panel were built has laid the whole window out (the demo sandbox
                is being started and connected by then, as at every first start). No target: it says how long
                the first frame stands without its panes. Median of the same runs.
                """);
        m.put("load-ratio (load-ms, raw-ms)", """
                `io.keyward.bench.LoadProbe` (its Javadoc has the details), in its own JVM on the harness's JDK
                with the app-image's JVM options (read from `lib/app/Keyward.cfg`), `-Dprism.order=sw` and the
                toolkit properties the console's `Launcher` sets (`Launcher.toolkitDefaults()`), shows
                the real console in a real window on the X display (no Monocle) and connects it, with a personal
                token, to a sandbox the harness started with `--scale %d` (project `scale-%d`: %d keys, %d JWKs,
                %d credentials). raw-ms: the project's three lists fetched with the JDK's HttpClient and parsed
                with Jackson's `readTree`, one after the other. load-ms: from a real mouse click on the project
                in the projects list to the pulse in which all three tables hold every row and the shown one has
                laid out its first row. One warm-up, then %d runs alternating raw and load; medians;
                load-ratio = load-ms / raw-ms.
                """.formatted(s.scale(), s.scale(), s.scale(), s.scale(), 5 * s.scale(), s.loadRuns()));
        m.put("filter-p95-ms", """
                LoadProbe, with the project's %d credentials shown: a text typed into the Credentials filter one
                character at a time as real key events and then deleted one character at a time, over several
                cycles; each keystroke is timed from just before it is fired (at the start of a pulse) to the
                layout pulse in which the table has laid out its first filtered row. The 95th percentile (nearest
                rank) over all keystrokes. The wait for the next pulse, up to 16.7 ms, is not included.
                """.formatted(5 * s.scale()));
        m.put("max-stall-ms", """
                LoadProbe: an `AnimationTimer` records the longest gap between two consecutive pulses while the
                project opens; the maximum over the measured runs. A perfectly smooth run is 16.7 ms.
                """);
        m.put("rss-mb, heap-mb", """
                LoadProbe, after the runs and the typing, with every row still loaded (it checks): `System.gc()`
                twice, then the heap in use (`MemoryMXBean`) and the process's resident set (`VmRSS` in
                `/proc/self/status`), in MiB. The probe's JVM is the harness's JDK with JavaFX from jars and the
                app-image's JVM options, not the app-image's jlinked runtime, so its RSS is close to but not
                exactly the installed console's.
                """);
        m.put("call-ratio (call-client-ms, call-curl-ms)", """
                `io.keyward.bench.CallProbe` against the same sandbox: one JWK read through the client
                (`ApinizerClient.getJwk`, the client built as `AppContext` builds it: the profile's connection
                settings over a shared `OkHttpClient`), timed with `System.nanoTime()` around the call, JSON
                mapping included, against curl sending the same URL with the same headers (Authorization, Accept,
                User-Agent, seen once through an interceptor and given to curl in an owner-only header file) and
                timed by curl's own `-w %%{time_total}`, which leaves out curl's process start but includes a new
                TCP connection each time (the client reuses its pooled one). After warm-up calls (500 of the
                client's, so the JIT has compiled its path, and 10 of curl's), %d calls alternating client and curl; medians; call-ratio = client / curl. The target is met when
                the ratio is at most 1.1 or the client is at most 2 ms slower than curl; the table says which.
                """.formatted(s.callRuns()));
        m.put("bulk-ratio (bulk-ms, bulk-seq-ms)", """
                `io.keyward.bench.BulkProbe` (its Javadoc has the details), started with no `--base`, so on its
                own sandbox with 20 ms latency on every answer: a bulk deletion of 500 JWKs against the same 500
                deletions one after another; bulk-ratio = one-after-another / bulk, so higher is better.
                """);
        m.replaceAll((k, v) -> v.strip().replaceAll("\\s*\\n\\s*", " "));
        return m;
    }
}
