package io.keyward.gateway.http;

import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests for one connection and reads the answers in full.
 *
 * <p>The one place that decides what may be sent twice: a GET (or HEAD) is retried after a failure
 * at the network level, up to {@link ConnectionSettings#getRetries()} times; every other method is
 * sent exactly once, because a repeated DELETE, PATCH, PUT or POST after a lost answer could act
 * twice. OkHttp's own silent retry and redirect following are switched off for the same reason.
 * An HTTP answer of any status is returned, not retried: it is the caller's to interpret.
 *
 * <p>Logs at DEBUG the method, the encoded path, the status and the duration; never a header, a
 * query or a body, which could hold a secret.
 */
public final class HttpTransport {

    public static final String USER_AGENT = "Keyward/0.1";

    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final Set<String> SAFE_TO_REPEAT = Set.of("GET", "HEAD");

    private final OkHttpClient http;
    private final int getRetries;

    /** @param base an OkHttp client whose dispatcher may be shared between connections */
    public HttpTransport(ConnectionSettings settings, OkHttpClient base) {
        this.http = connectionClient(settings, base);
        this.getRetries = settings.readRetries();
    }

    /** The connection's own client: its timeouts, no silent retry, no redirects, a short keep-alive. */
    public static OkHttpClient connectionClient(ConnectionSettings settings, OkHttpClient base) {
        Objects.requireNonNull(settings, "settings");
        return Objects.requireNonNull(base, "base").newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false)
                // Shorter than common server idle timeouts (the JDK server's is 30 s), so a pooled
                // connection is rarely stale when a mutation, which is never retried, picks it up.
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /** The client requests go through (for tests that check its settings). */
    public OkHttpClient client() {
        return http;
    }

    /** Whether a request with this method is sent again after a network failure. */
    public static boolean isRetried(String method) {
        return SAFE_TO_REPEAT.contains(method);
    }

    /**
     * Sends the request (again, for a GET that got no answer) and reads the answer.
     *
     * @param action what is being attempted, for the failure's sentence
     * @throws GatewayException with {@link Failure.Network} when no answer arrived
     */
    public HttpAnswer execute(String action, Request request) {
        int attempts = isRetried(request.method()) ? 1 + getRetries : 1;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try (Response response = http.newCall(request).execute()) {
                ResponseBody rb = response.body();
                String body = rb == null ? "" : rb.string();
                LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                        + " -> " + response.code() + " in " + millisSince(start) + " ms");
                return new HttpAnswer(response.code(), response.header("Content-Type"), body, response.headers());
            } catch (IOException e) {
                int tried = attempt;
                LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                        + " failed after " + millisSince(start) + " ms: " + e.getClass().getSimpleName()
                        + " (attempt " + tried + " of " + attempts + ")");
                if (attempt >= attempts) {
                    throw HttpFailures.network(action, request.url(), e);
                }
                sleepBeforeRetry(attempt);
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 150L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(new Failure.Network(Failure.NetworkProblem.OTHER), 0, null, null,
                    "Cancelled.", e);
        }
    }
}
