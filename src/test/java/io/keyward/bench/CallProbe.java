package io.keyward.bench;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.session.ConnectionProfile;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One JWK read through the client against the same read by curl, on the same server.
 *
 * <p>The client is built as the application builds it (AppContext): a connection profile signed in with
 * a personal token, its {@code ConnectionSettings}, and {@link ApinizerClient} over a shared
 * {@link OkHttpClient}. Each read is {@link ApinizerClient#getJwk} timed with {@code System.nanoTime()},
 * JSON mapping included. The request it sends (URL and headers) is seen once through a separate
 * client with an interceptor; curl then sends that URL with those headers (from an owner-only header
 * file, so the token is not on its command line) and reports its own {@code %{time_total}}, which
 * leaves out curl's process start. Warm-up calls first (500 of the client's, so the JIT has compiled
 * its path, and 10 of curl's), then the runs alternate client, curl.
 *
 * <p>Prints {@code call-client-ms=}, {@code call-curl-ms=} (medians) and {@code call-ratio=} on stdout;
 * everything else goes to stderr.
 *
 * <pre>
 * java -cp 'target/test-classes:target/classes:target/lib/*' io.keyward.bench.CallProbe \
 *   --base http://127.0.0.1:PORT --token-file FILE [--project NAME] [--jwk NAME] [--runs 60] [--warmup 500]
 * </pre>
 * Without {@code --project}, the first project (other than a {@code scale-} one) holding a JWK; without
 * {@code --jwk}, its first JWK.
 */
public final class CallProbe {

    private static final int CURL_WARMUP = 10;

    private CallProbe() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (IllegalArgumentException e) {
            System.err.println("call-probe: " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println("call-probe: failed");
            e.printStackTrace();
        }
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        String base = null;
        Path tokenFile = null;
        String projectName = null;
        String jwkName = null;
        int runs = 60;
        int warmup = 500;
        String curl = "curl";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--base" -> base = v;
                case "--token-file" -> tokenFile = Path.of(v);
                case "--project" -> projectName = v;
                case "--jwk" -> jwkName = v;
                case "--runs" -> runs = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--curl" -> curl = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (base == null || tokenFile == null || runs < 1) {
            throw new IllegalArgumentException("--base URL and --token-file FILE are needed (and --runs >= 1)");
        }
        String token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        ConnectionProfile profile = new ConnectionProfile("Call probe", BackendKind.APINIZER, URI.create(base),
                SignInMethod.PERSONAL_TOKEN, null, Secret.of(token), false);

        // As AppContext does: the profile's settings, the Apinizer adapter, one shared OkHttp client.
        ApinizerClient client = new ApinizerClient(profile.settings(), new OkHttpClient());
        Project project = pickProject(client, projectName);
        String jwk = jwkName != null ? jwkName : client.listJwks(project).get(0).name();
        log("reading JWK " + jwk + " of project " + project.name());

        Request seen = seenRequest(profile, project, jwk);
        Path headers = Files.createTempFile("bench-curl-headers", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            StringBuilder h = new StringBuilder();
            for (String name : seen.headers().names()) {
                for (String value : seen.headers(name)) {
                    h.append(name).append(": ").append(value).append('\n');
                }
            }
            Files.writeString(headers, h, StandardCharsets.UTF_8);
            log("curl sends the client's headers: " + String.join(", ", seen.headers().names()));
            List<String> curlCommand = List.of(curl, "-s", "-S", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                    "-H", "@" + headers, seen.url().toString());

            // The client's warm-up is long enough for the JIT to compile its path; curl starts afresh each time
            // anyway, so a few of its calls warm only the server and the page cache.
            for (int i = 0; i < warmup; i++) {
                check(client.getJwk(project, jwk), jwk);
                if (i < CURL_WARMUP) {
                    curlOnce(curlCommand);
                }
            }
            List<Double> clientMs = new ArrayList<>();
            List<Double> curlMs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                Jwk read = client.getJwk(project, jwk);
                clientMs.add((System.nanoTime() - start) / 1e6);
                check(read, jwk);
                curlMs.add(curlOnce(curlCommand));
            }
            double c = Stats.median(clientMs);
            double k = Stats.median(curlMs);
            log(String.format(Locale.ROOT, "%d runs: client median %.3f ms (min %.3f), curl median %.3f ms (min %.3f)",
                    runs, c, clientMs.stream().mapToDouble(Double::doubleValue).min().orElse(0), k,
                    curlMs.stream().mapToDouble(Double::doubleValue).min().orElse(0)));
            System.out.printf(Locale.ROOT, "call-client-ms=%.3f%n", c);
            System.out.printf(Locale.ROOT, "call-curl-ms=%.3f%n", k);
            System.out.printf(Locale.ROOT, "call-ratio=%.3f%n", c / k);
            System.out.flush();
        } finally {
            Files.deleteIfExists(headers);
        }
    }

    private static Project pickProject(ApinizerClient client, String name) {
        for (Project p : client.listProjects()) {
            if (name != null ? p.name().equals(name) : !p.name().startsWith("scale-") && !client.listJwks(p).isEmpty()) {
                return p;
            }
        }
        throw new IllegalArgumentException(name != null ? "no project " + name : "no project holds a JWK");
    }

    /** The request the client sends for this read, as it leaves the adapter (before OkHttp's own headers). */
    private static Request seenRequest(ConnectionProfile profile, Project project, String jwk) {
        Request[] seen = new Request[1];
        OkHttpClient spying = new OkHttpClient.Builder().addInterceptor(chain -> {
            seen[0] = chain.request();
            return chain.proceed(chain.request());
        }).build();
        new ApinizerClient(profile.settings(), spying).getJwk(project, jwk);
        return seen[0];
    }

    private static void check(Jwk read, String name) {
        if (read == null || !read.name().equals(name)) {
            throw new IllegalStateException("the client read another JWK than " + name);
        }
    }

    /** One curl call; its own time_total in ms. */
    private static double curlOnce(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("curl did not finish within 30 s");
        }
        String[] parts = out.split(" ");
        if (p.exitValue() != 0 || parts.length != 2 || !parts[0].equals("200")) {
            throw new IllegalStateException("curl did not get a 200: exit " + p.exitValue() + ", " + out);
        }
        return Double.parseDouble(parts[1]) * 1000;
    }

    private static void log(String line) {
        System.err.println("call-probe: " + line);
    }
}
