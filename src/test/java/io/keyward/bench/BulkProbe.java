package io.keyward.bench;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.SignInMethod;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.journal.CheckTarget;
import io.keyward.journal.Journal;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.FaultSettings;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import io.keyward.session.BulkRunner;
import io.keyward.session.Change;
import io.keyward.session.Connection;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.FailureHandler;
import io.keyward.session.MutationRunner;
import io.keyward.session.OutcomeCheck;
import io.keyward.session.ResultLog;
import io.keyward.session.ThreadPoolTaskExecutor;
import io.keyward.session.Workspace;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Measures what bulk deletion buys: 500 JWKs deleted one after another, then 500 other JWKs deleted four
 * at a time, both through the session code the console runs ({@link BulkRunner} with concurrency 1, then
 * {@value BulkRunner#CONCURRENCY}); no UI. Prints on stdout:
 * <pre>
 * bulk-seq-ms=&lt;n&gt;
 * bulk-ms=&lt;n&gt;
 * bulk-ratio=&lt;seq/bulk, 2 decimals&gt;
 * </pre>
 *
 * <p>How it measures: each figure is the wall-clock time from starting the run (on the thread that stands in
 * for the FX thread) until the run reports that every item has ended, i.e. every call answered and recorded in
 * the results log. Each item is journalled exactly as in the console (its intent forced to disk before its
 * call, its outcome after, into a fresh journal in a temporary directory), so the journal's disk writes are
 * part of both figures. The list reload a run asks for at its end is not (no project is open here; in the
 * console it happens after the run, in the background). Before measuring, the JWK list is read a few times
 * to warm up the JIT and the connection pool; the sequential run goes first.
 *
 * <p>Usage: {@code BulkProbe} starts its own sandbox ({@code --scale 1000}, 20 ms latency on every call);
 * {@code BulkProbe --base http://127.0.0.1:P --token T} uses a running one (its latency is what it was started
 * with), whose admin token is T (or the environment's KEYWARD_PROBE_TOKEN). {@code --project NAME} picks the
 * project (default: the one named scale-*), {@code --count N} the JWKs per run (default 500); the project
 * needs 2N JWKs, which the probe deletes.
 */
public final class BulkProbe {

    private BulkProbe() {
    }

    public static void main(String[] args) throws Exception {
        URI base = null;
        String token = System.getenv("KEYWARD_PROBE_TOKEN");
        String projectName = null;
        int count = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = URI.create(args[++i]);
                case "--token" -> token = args[++i];
                case "--project" -> projectName = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("BulkProbe: unknown argument " + args[i]
                            + " (expected --base URL --token T --project NAME --count N)");
                    System.exit(2);
                }
            }
        }
        SandboxServer own = null;
        if (base == null) {
            own = SandboxServer.start(new SandboxOptions(0, null, new FaultSettings().setLatencyMillis(20))
                    .withScale(1000));
            base = own.baseUrl();
            token = own.adminToken();
        } else if (token == null || token.isBlank()) {
            System.err.println("BulkProbe: --base needs --token (or KEYWARD_PROBE_TOKEN): the sandbox's admin token");
            System.exit(2);
        }
        Path data = Files.createTempDirectory("keyward-bulk-probe-");
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "probe-ui");
            t.setDaemon(true);
            return t;
        });
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(4, ui, t -> t.printStackTrace());
        try {
            Clock clock = Clock.systemUTC();
            FailureHandler quiet = new FailureHandler() {
                @Override
                public void failed(Throwable failure, String source) {
                    System.err.println("BulkProbe: " + failure.getMessage());
                }

                @Override
                public void notice(String sentence) {
                    // the run's summary sentence; the figures are what this probe reports
                }
            };
            Workspace workspace = new Workspace(executor, quiet, clock);
            ResultLog log = new ResultLog(clock);
            MutationRunner runner = new MutationRunner(workspace, log, quiet, new Journal(data.resolve("journal"), clock),
                    clock);
            ConnectionProfile profile = new ConnectionProfile("Bulk probe", BackendKind.APINIZER, base,
                    SignInMethod.PERSONAL_TOKEN, null, Secret.of(token), false);
            Connection connection = new Connection(profile, new ApinizerClient(ConnectionSettings.of(base,
                    new Authentication.PersonalToken(Secret.of(token)))));
            ui.submit(() -> workspace.connect(connection)).get();

            var client = connection.client();
            String wanted = projectName;
            Project project = client.listProjects().stream()
                    .filter(p -> wanted != null ? p.name().equals(wanted) : p.name().startsWith("scale-"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no project "
                            + (wanted == null ? "scale-*" : wanted) + " on " + profile.url()));
            var api = client.jwks().orElseThrow();
            List<String> names = api.listJwks(project).stream().map(Jwk::name).sorted().toList();
            if (names.size() < 2 * count) {
                throw new IllegalStateException("project " + project.name() + " has " + names.size()
                        + " JWKs; the probe needs " + 2 * count);
            }
            for (int i = 0; i < 3; i++) {
                api.listJwks(project); // warm-up: JIT, connection pool
            }

            long seq = measure(ui, runner, plan(connection, project, names.subList(0, count), 1));
            long bulk = measure(ui, runner, plan(connection, project, names.subList(count, 2 * count),
                    BulkRunner.CONCURRENCY));
            System.out.println("bulk-seq-ms=" + seq);
            System.out.println("bulk-ms=" + bulk);
            System.out.println("bulk-ratio=" + String.format(Locale.ROOT, "%.2f", (double) seq / Math.max(1, bulk)));
        } finally {
            executor.close();
            ui.shutdownNow();
            if (own != null) {
                own.close();
            }
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0); // OkHttp's idle threads would otherwise hold the JVM for a minute
    }

    /** Milliseconds from starting the run until it reports every item ended; fails unless all succeeded. */
    private static long measure(ExecutorService ui, MutationRunner runner, BulkRunner.Plan plan) throws Exception {
        CompletableFuture<BulkRunner.Summary> done = new CompletableFuture<>();
        long started = System.nanoTime();
        boolean ran = ui.submit(() -> runner.bulk().start(plan, done::complete)).get();
        if (!ran) {
            throw new IllegalStateException("the run did not start");
        }
        BulkRunner.Summary s = done.get(10, TimeUnit.MINUTES);
        long ms = (System.nanoTime() - started) / 1_000_000;
        int ok = s.succeeded() + s.deploymentFailures();
        if (ok != plan.items().size()) {
            throw new IllegalStateException("not every deletion succeeded (" + s + "); the figure would not compare");
        }
        return ms;
    }

    /** The deletions as the JWKs tab makes them (journalled with their target, checked by listing the JWKs). */
    private static BulkRunner.Plan plan(Connection c, Project p, List<String> names, int concurrency) {
        var api = c.client().jwks().orElseThrow();
        List<BulkRunner.Item> items = names.stream().map(name -> new BulkRunner.Item(
                Change.of("Delete JWK", p.name() + " / " + name).checking(new CheckTarget("jwk", p.name(), p.id(), name,
                        null, true, false, Map.of(), Map.of())),
                () -> api.deleteJwk(p, name),
                () -> OutcomeCheck.deletion(api.listJwks(p).stream().anyMatch(j -> j.name().equals(name)),
                        "JWK \u201C" + name + "\u201D"))).toList();
        return BulkRunner.Plan.of(c, p, "Delete " + names.size() + " JWKs", p.name() + " / " + names.size() + " JWKs",
                "Deleting JWKs", "Delete JWK", items).withConcurrency(concurrency);
    }
}
