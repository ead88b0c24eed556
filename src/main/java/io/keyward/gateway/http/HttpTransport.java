package io.keyward.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.gateway.CallObserver;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.UrlPolicy;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Sends requests for one connection and reads the answers, within the connection's size limit.
 *
 * <p>The one place that decides what may be sent twice. A read (GET, HEAD) is tried again, up to
 * {@link ConnectionSettings#readRetries()} times, after a network failure and after HTTP 502, 503,
 * 504 and 429, waiting what {@code Retry-After} (or the body's {@code retry_after}/{@code retryAfter})
 * asks, capped at {@link ConnectionSettings#maxRetryWait()}, or else a jittered exponential backoff.
 * A change (POST, PUT, PATCH, DELETE) is sent exactly once whatever happens, because a repeated
 * change after a lost answer could act twice. OkHttp's own silent retries and redirects are off
 * for the same reason, including its resend of any request after a 503 with {@code Retry-After: 0}
 * (see {@link #WIRE}).
 *
 * <p>What a failed change means depends on whether the request reached the wire, which is known,
 * not guessed from an exception's type: {@link #WIRE} marks the request when OkHttp hands it to the
 * connection, after connecting and the TLS handshake and before the first byte is written.
 * <ul>
 *   <li>not marked (refused, unknown host, TLS handshake, connect timeout, a call timeout while
 *       connecting): {@link Failure.Network}, "failed …, so nothing was sent";</li>
 *   <li>marked, then any I/O failure before the status line (read timeout, call timeout
 *       {@code InterruptedIOException("timeout")}, reset, EOF / "unexpected end of stream", a
 *       write that broke off): {@link Failure.OutcomeUnknown}, since the server may have acted;</li>
 *   <li>a status line, then the body broke off: the answer cannot be read, so for a 2xx the outcome
 *       is unknown too (an Apinizer 200 may still say {@code success:false} in its body); an
 *       unsuccessful status keeps what of its body arrived and is the caller's to interpret.</li>
 * </ul>
 * Reads get the same classification of problems ({@link HttpFailures#networkProblem}) but are
 * retried and, when they still fail, are {@link Failure.Network}: a read changes nothing.
 *
 * <p>Changes get {@link ConnectionSettings#mutationTimeout()} as their read and call timeout
 * (servers may deploy before they answer); reads keep the read and call timeouts. The connect
 * timeout and the connection pool are shared.
 *
 * <p>The connection's {@link io.keyward.gateway.NetworkSettings} are applied by {@link NetworkClients}
 * (trusted CAs, client certificate, proxy). A base URL that {@link UrlPolicy} refuses, or a setting that
 * cannot be used (a PKCS#12 file that does not open), fails every call with
 * {@link Failure.Misconfigured} before anything is sent. A certificate problem
 * ({@link Failure.Tls}) and a proxy's 407 ({@link Failure.ProxyAuthentication}) are not retried:
 * neither goes away by itself, and neither let the request reach the server's application.
 *
 * <p>A thread interrupt cancels: no attempt starts once the thread is interrupted, a backoff wait
 * ends at once, and the failure says it was cancelled (the interrupt flag stays set).
 *
 * <p>Logs at DEBUG the method, the encoded path, the status and the duration; never a header, a
 * query or a body, which could hold a secret.
 */
public final class HttpTransport {

    public static final String USER_AGENT = "Keyward/0.1";

    /**
     * The most of an unsuccessful answer's body that is read, whatever the size limit: enough for a
     * problem document and for a proxy page's title and snippet.
     */
    public static final int ERROR_BODY_PREFIX = 16 * 1024;

    /** The first backoff step; each retry doubles it, up to {@link ConnectionSettings#maxRetryWait()}. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    /** What a change's failure tells the user to do when the adapter says nothing more specific. */
    public static final String RELOAD_TO_CHECK = "reload to check";

    /** Where a 503's {@code Retry-After} waits while OkHttp looks at the answer (see {@link #WIRE}). */
    static final String DEFERRED_RETRY_AFTER = "X-Keyward-Deferred-Retry-After";

    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final Set<String> SAFE_TO_REPEAT = Set.of("GET", "HEAD");
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);
    private static final ObjectMapper JSON = Json.lenientMapper();

    /**
     * The last network interceptor, so the closest to the wire. It marks a request as sent (it runs
     * once the connection is up, just before the request is written) and moves a 503's
     * {@code Retry-After} out of OkHttp's sight. OkHttp 4's RetryAndFollowUpInterceptor resends any
     * request, a DELETE too, after a 503 with {@code Retry-After: 0}, whatever
     * {@code retryOnConnectionFailure} says; and it parses a numeric value with
     * {@code Integer.valueOf}, so a 503 with {@code Retry-After: 99999999999} would end the call
     * with a NumberFormatException. {@link #headersOf} puts the header back.
     */
    private static final Interceptor WIRE = chain -> {
        Request request = chain.request();
        SendMark mark = request.tag(SendMark.class);
        if (mark != null) {
            mark.sent = true;
        }
        Response response = chain.proceed(request);
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null) {
            return response.newBuilder().removeHeader("Retry-After").header(DEFERRED_RETRY_AFTER, retryAfter).build();
        }
        return response;
    };

    /** Waits between attempts; replaced in tests to see the waits without spending them. */
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;

        Sleeper THREAD = wait -> TimeUnit.NANOSECONDS.sleep(wait.toNanos());
    }

    private final ConnectionSettings settings;
    /** Why no call can be made with these settings (nothing is sent), or null. */
    private final Refusal refusal;
    private final AttemptNotes notes = new AttemptNotes();
    private final OkHttpClient reads;
    private final OkHttpClient changes;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    /** @param base an OkHttp client whose dispatcher may be shared between connections */
    public HttpTransport(ConnectionSettings settings, OkHttpClient base) {
        this(settings, base, Clock.systemUTC(), Sleeper.THREAD, () -> ThreadLocalRandom.current().nextDouble());
    }

    HttpTransport(ConnectionSettings settings, OkHttpClient base, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
        this(settings, base, clock, sleeper, jitter, System.getenv());
    }

    /** @param env the environment's variables, for the system proxy ({@code HTTPS_PROXY}, ...) */
    HttpTransport(ConnectionSettings settings, OkHttpClient base, Clock clock, Sleeper sleeper, DoubleSupplier jitter,
                  Map<String, String> env) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(base, "base");
        OkHttpClient.Builder builder = timeouts(settings, base);
        Refusal refused = configure(builder, settings, env, base.hostnameVerifier(), notes);
        if (refused != null) {
            builder = timeouts(settings, base); // never used to send: every call is refused
        }
        this.refusal = refused;
        this.reads = builder.build();
        // Derived from the read client, so both share its pool, dispatcher and interceptors.
        this.changes = reads.newBuilder()
                .readTimeout(settings.mutationTimeout())
                .callTimeout(settings.mutationTimeout())
                .build();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * The connection's own client: its timeouts, no silent retry, no redirects, a short keep-alive, and
     * its network settings (trusted CAs, client certificate, proxy).
     *
     * @throws GatewayException {@link Failure.Misconfigured} when a network setting cannot be used
     */
    public static OkHttpClient connectionClient(ConnectionSettings settings, OkHttpClient base) {
        Objects.requireNonNull(settings, "settings");
        OkHttpClient.Builder builder = timeouts(settings, Objects.requireNonNull(base, "base"));
        try {
            NetworkClients.apply(builder, settings.baseUrl(), settings.network(), System.getenv(),
                    base.hostnameVerifier(), new AttemptNotes());
        } catch (NetworkClients.Unusable unusable) {
            throw HttpFailures.misconfigured("Connecting to " + settings.baseUrl().getHost(), unusable.setting,
                    unusable.getMessage());
        }
        return builder.build();
    }

    /**
     * Why no call could be made with these settings, or null when they are usable: the address
     * ({@link UrlPolicy}), then the network settings (trusted CAs, the OS store, the client certificate
     * file and its password, the environment's proxy variable). Nothing is sent; the client certificate
     * file is read, so call it off the FX thread. For a settings dialog's "check" before connecting.
     */
    public static Refusal check(ConnectionSettings settings) {
        return check(settings, System.getenv());
    }

    static Refusal check(ConnectionSettings settings, Map<String, String> env) {
        Objects.requireNonNull(settings, "settings");
        return configure(new OkHttpClient.Builder(), settings, env, (host, session) -> false, new AttemptNotes());
    }

    private static Refusal configure(OkHttpClient.Builder builder, ConnectionSettings settings, Map<String, String> env,
                                     javax.net.ssl.HostnameVerifier okHttpVerifier, AttemptNotes notes) {
        String urlProblem = UrlPolicy.check(settings.baseUrl(), settings.network().allowPlainHttp());
        if (urlProblem != null) {
            return new Refusal(Failure.Setting.URL, urlProblem);
        }
        try {
            NetworkClients.apply(builder, settings.baseUrl(), settings.network(), env, okHttpVerifier, notes);
            return null;
        } catch (NetworkClients.Unusable unusable) {
            return new Refusal(unusable.setting, unusable.getMessage());
        }
    }

    /** The base client's dispatcher with the connection's timeouts and its no-retry, no-redirect rules. */
    private static OkHttpClient.Builder timeouts(ConnectionSettings settings, OkHttpClient base) {
        return base.newBuilder()
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
                .addNetworkInterceptor(WIRE);
    }

    /** The client reads go through (for tests that check its settings). */
    public OkHttpClient client() {
        return reads;
    }

    /** The client changes go through: the read client with the change timeout. */
    public OkHttpClient changeClient() {
        return changes;
    }

    /** Whether a request with this method is a read, and so sent again after a failure worth retrying. */
    public static boolean isRetried(String method) {
        return SAFE_TO_REPEAT.contains(method);
    }

    /**
     * Sends the request and reads the answer: a read with its retries, anything else once.
     *
     * @param action what is being attempted, for the failure's sentence
     * @return the answer of any status (after the last attempt, for a read)
     * @throws GatewayException {@link Failure.Network} when no answer arrived (for a change: and nothing
     *         was sent), {@link Failure.OutcomeUnknown} when a change was sent but its answer was lost,
     *         {@link Failure.Protocol} when the answer was larger than the limit
     */
    public HttpAnswer execute(String action, Request request) {
        return execute(action, request, RELOAD_TO_CHECK);
    }

    /**
     * As {@link #execute(String, Request)}, with what a change's unknown outcome tells the user to do.
     *
     * @param howToCheck e.g. "reload the list to check before creating it again"; ignored for reads
     */
    public HttpAnswer execute(String action, Request request, String howToCheck) {
        Objects.requireNonNull(action, "action");
        refuseIfMisconfigured(action);
        try {
            if (isRetried(request.method())) {
                return readWithRetries(action, request, (BodyParser<Void>) null).answer();
            }
            return change(action, request, Objects.requireNonNull(howToCheck, "howToCheck"));
        } finally {
            notes.end();
        }
    }

    /**
     * What a successful read's body becomes while it arrives: a large list is parsed as it streams in,
     * never held whole as text.
     */
    @FunctionalInterface
    public interface BodyParser<T> {
        /**
         * @param body    the body's bytes after any byte order mark, within the connection's size limit
         * @param charset the body's charset: the byte order mark's, else the Content-Type's, else UTF-8
         * @throws IOException only when reading failed (it broke off, or passed the limit): rethrow what
         *                     the stream throws; a body of the wrong shape is the parser's result to report
         */
        T parse(java.io.InputStream body, java.nio.charset.Charset charset) throws IOException;
    }

    /**
     * A read's answer and, when it was successful, what its body was parsed into.
     *
     * @param answer the answer; for a successful one its body holds only the first
     *               {@link #ERROR_BODY_PREFIX} bytes (enough to quote when it turns out unreadable)
     * @param value  the parser's result; null when the answer was not successful
     */
    public record Streamed<T>(HttpAnswer answer, T value) { }

    /**
     * As {@link #execute(String, Request)} for a read (GET or HEAD), with the same retries and failures,
     * but a successful answer's body is handed to {@code parser} as it arrives instead of being read
     * into a string first. A body that breaks off is retried like any network failure. The parsing
     * happens inside the call, so it counts toward the call timeout (a second for tens of megabytes).
     */
    public <T> Streamed<T> read(String action, Request request, BodyParser<T> parser) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(parser, "parser");
        if (!isRetried(request.method())) {
            throw new IllegalArgumentException("only reads are parsed as they stream: " + request.method());
        }
        refuseIfMisconfigured(action);
        try {
            return readWithRetries(action, request, parser);
        } finally {
            notes.end();
        }
    }

    /** What stops every call with these settings, or null when calls can be made. */
    public Refusal refusal() {
        return refusal;
    }

    private void refuseIfMisconfigured(String action) {
        if (refusal != null) {
            throw HttpFailures.misconfigured(action, refusal.setting, refusal.sentence);
        }
    }

    /**
     * Sends a request that changes nothing worth checking on the server (signing in) once, with the
     * read timeouts: not retried, as its method does not promise that is safe, and a lost answer is
     * a plain network failure, because there is nothing to reload.
     */
    public HttpAnswer sendOnce(String action, Request request) {
        Objects.requireNonNull(action, "action");
        refuseIfMisconfigured(action);
        stopIfCancelled(action, false);
        long start = System.nanoTime();
        notes.begin();
        SendMark mark = new SendMark();
        try {
            return exchange(action, mark.on(request), reads, false, start, (BodyParser<Void>) null).answer();
        } catch (IOException e) {
            logFailure(request, start, e, 1, 1);
            if (cancelledBy(e)) {
                throw HttpFailures.cancelled(action, e);
            }
            GatewayException settled = settled(action, request, e, false, mark.sent);
            throw settled != null ? settled : HttpFailures.network(action, request.url(), e);
        } finally {
            notes.end();
        }
    }

    // ---------------------------------------------------------------- reads

    /** @param parser what a successful body is parsed into as it arrives; null: it is read as text */
    private <T> Streamed<T> readWithRetries(String action, Request request, BodyParser<T> parser) {
        int attempts = 1 + settings.readRetries();
        for (int attempt = 1; ; attempt++) {
            stopIfCancelled(action, false);
            long start = System.nanoTime();
            notes.begin();
            SendMark mark = new SendMark();
            try {
                Streamed<T> streamed = exchange(action, mark.on(request), reads, false, start, parser);
                HttpAnswer answer = streamed.answer();
                if (attempt >= attempts || !RETRIED_STATUSES.contains(answer.status())) {
                    return streamed;
                }
                pause(action, attempt, attempts, retryWait(answer, attempt), "HTTP " + answer.status());
            } catch (IOException e) {
                logFailure(request, start, e, attempt, attempts);
                if (cancelledBy(e)) {
                    throw HttpFailures.cancelled(action, e);
                }
                GatewayException settled = settled(action, request, e, false, mark.sent);
                if (settled != null) {
                    throw settled;
                }
                if (attempt >= attempts) {
                    throw HttpFailures.network(action, request.url(), e);
                }
                pause(action, attempt, attempts, backoff(attempt), HttpFailures.networkProblem(e).sentence());
            }
        }
    }

    /** Tells the observer, then waits; an interrupt ends the wait and the read at once. */
    private void pause(String action, int attempt, int attempts, Duration wait, String reason) {
        LOG.log(System.Logger.Level.DEBUG, () -> "retrying (" + reason + ") in " + wait.toMillis() + " ms, attempt "
                + (attempt + 1) + " of " + attempts);
        CallObserver observer = settings.observer();
        try {
            observer.retrying(action, attempt + 1, attempts, wait, reason);
        } catch (RuntimeException e) {
            // The status line's trouble is no reason to give up a load that may still succeed.
            LOG.log(System.Logger.Level.WARNING, "a call observer failed", e);
        }
        try {
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HttpFailures.cancelled(action, e);
        }
    }

    /** The server's wait ({@code Retry-After}, else the body's), capped; else the backoff. */
    Duration retryWait(HttpAnswer answer, int attempt) {
        Duration cap = settings.maxRetryWait();
        Duration asked = RetryAfter.capped(answer.header("Retry-After"), clock, cap);
        if (asked == null) {
            asked = bodyRetryAfter(answer, cap);
        }
        return asked != null ? asked : backoff(attempt);
    }

    /** {@code retry_after} (Apinizer: seconds) or {@code retryAfter} (RFC 9457 problems: an RFC 3339 time). */
    private Duration bodyRetryAfter(HttpAnswer answer, Duration cap) {
        JsonNode node = Json.object(JSON, answer.body());
        if (node == null) {
            return null;
        }
        for (String name : new String[] {"retry_after", "retryAfter"}) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull() || v.isContainerNode()) {
                continue;
            }
            Duration d = v.isNumber() ? RetryAfter.seconds(v.asDouble(), cap)
                    : RetryAfter.capped(v.asText(), clock, cap);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * The wait after attempt {@code attempt} failed without a server's hint: 250 ms, 500 ms, 1 s, ...
     * capped at the connection's longest wait, each drawn from its upper half so clients that failed
     * together do not come back together.
     */
    Duration backoff(int attempt) {
        return backoff(attempt, settings.maxRetryWait(), jitter.getAsDouble());
    }

    /** @param jitter in [0, 1): where in [ceiling / 2, ceiling] the wait falls */
    static Duration backoff(int attempt, Duration cap, double jitter) {
        long ceiling = FIRST_BACKOFF.toNanos() << Math.min(Math.max(attempt - 1, 0), 30);
        ceiling = Math.min(ceiling, cap.toNanos());
        double j = Math.min(Math.max(jitter, 0), 1);
        return Duration.ofNanos(ceiling / 2 + (long) (j * (ceiling - ceiling / 2)));
    }

    // ---------------------------------------------------------------- changes

    private HttpAnswer change(String action, Request request, String howToCheck) {
        stopIfCancelled(action, true);
        SendMark mark = new SendMark();
        Request marked = mark.on(request);
        long start = System.nanoTime();
        notes.begin();
        try {
            return exchange(action, marked, changes, true, start, (BodyParser<Void>) null).answer();
        } catch (BrokenBody e) {
            logFailure(request, start, e, 1, 1);
            throw HttpFailures.answerBrokeOff(action, e.status, (IOException) e.getCause(), howToCheck);
        } catch (IOException e) {
            logFailure(request, start, e, 1, 1);
            if (!cancelledBy(e)) {
                // A certificate problem or a proxy's 407: the server's application never saw the request.
                GatewayException settled = settled(action, request, e, true, mark.sent);
                if (settled != null) {
                    throw settled;
                }
            }
            if (!mark.sent) {
                // Nothing reached the wire: no connection, or the call ended before the request was written.
                throw cancelledBy(e) ? HttpFailures.cancelledBeforeSending(action, e)
                        : HttpFailures.notSent(action, request.url(), e);
            }
            if (cancelledBy(e)) {
                throw HttpFailures.cancelledUnknown(action, e, howToCheck);
            }
            AttemptNotes.Notes n = notes.get();
            if (n.clientCertificateAsked) {
                // The server may have closed over the client certificate, or after acting: only a TLS alert
                // would have told, and none came. Still unknown, with the likely cause said as likely.
                throw HttpFailures.outcomeUnknown(action, e, howToCheck, n.clientCertificateSent == null
                        ? "The server had asked for a client certificate and none was sent; that is the likely"
                        + " reason, and then nothing happened."
                        : "The server had asked for a client certificate; if it refused the one sent, nothing"
                        + " happened.");
            }
            throw HttpFailures.outcomeUnknown(action, e, howToCheck);
        }
    }

    // ---------------------------------------------------------------- one exchange

    /**
     * One attempt: the status line, then the body within the limits.
     *
     * @throws IOException no status line arrived, or a successful answer's body broke off (for a
     *         change: as {@link BrokenBody}, which carries the status)
     */
    private <T> Streamed<T> exchange(String action, Request request, OkHttpClient client, boolean change, long start,
                                     BodyParser<T> parser) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            if (response.code() == 407) {
                // The proxy's, never the server's: the request went no further than the proxy.
                AttemptNotes.ProxyChallenge c = notes.get().proxyChallenge;
                LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                        + " -> 407 from the proxy");
                throw c == null ? HttpFailures.proxyAuthentication(action, null, false, false, List.of())
                        : HttpFailures.proxyAuthentication(action, c.proxy(), c.credentialsSent(), c.credentialsSet(),
                        c.schemes());
            }
            String body;
            T value = null;
            boolean success = response.isSuccessful();
            if (success) {
                try {
                    if (parser == null) {
                        body = AnswerReader.whole(response.body(), settings.maxResponseBytes());
                    } else {
                        AnswerReader.Streaming streaming = AnswerReader.streaming(response.body(),
                                settings.maxResponseBytes(), ERROR_BODY_PREFIX);
                        value = parser.parse(streaming.body(), streaming.charset());
                        body = streaming.prefix();
                    }
                } catch (AnswerReader.TooLarge tooLarge) {
                    LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                            + " -> " + response.code() + " larger than the limit");
                    throw HttpFailures.tooLarge(action, response.code(), response.header("Content-Type"),
                            settings.maxResponseBytes(), change);
                } catch (IOException broken) {
                    throw change ? new BrokenBody(response.code(), broken) : broken;
                }
            } else {
                body = AnswerReader.prefix(response.body(), ERROR_BODY_PREFIX);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                    + " -> " + response.code() + " in " + millisSince(start) + " ms");
            return new Streamed<>(new HttpAnswer(response.code(), response.header("Content-Type"), body,
                    headersOf(response)), value);
        }
    }

    /** The answer's headers as the server sent them (a deferred {@code Retry-After} back in its place). */
    private static Headers headersOf(Response response) {
        Headers headers = response.headers();
        String deferred = headers.get(DEFERRED_RETRY_AFTER);
        if (deferred == null) {
            return headers;
        }
        return headers.newBuilder().removeAll(DEFERRED_RETRY_AFTER).set("Retry-After", deferred).build();
    }

    /**
     * A failure that no retry mends and that says what to fix: a certificate problem in the handshake
     * ({@link Failure.Tls}) or a proxy that wants a sign-in ({@link Failure.ProxyAuthentication}).
     * Null for anything else.
     */
    private GatewayException settled(String action, Request request, IOException e, boolean change, boolean sent) {
        AttemptNotes.Notes n = notes.get();
        // The runtime judged the certificates by its own clock, so their dates are read by it too.
        TlsDiagnosis tls = TlsDiagnosis.of(e, n, request.url().host(), Instant.now(), sent, change);
        if (tls != null) {
            return HttpFailures.tls(action, tls, settings.network().clientCertificate(), change);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        AttemptNotes.ProxyChallenge c = n.proxyChallenge;
        if (c != null && message.contains("authenticate with proxy")) {
            // OkHttp's words when the CONNECT tunnel's 407 got no (further) answer from the authenticator.
            return HttpFailures.proxyAuthentication(action, c.proxy(), c.credentialsSent(), c.credentialsSet(),
                    c.schemes());
        }
        if (message.contains("HTTP_PROXY_AUTH (407)")) {
            // A 407 on a connection that goes through no proxy: one on the way that Keyward was not told of.
            return HttpFailures.proxyAuthentication(action, null, false, false, List.of());
        }
        return null;
    }

    /** Before any attempt: an interrupted thread starts nothing more. */
    private static void stopIfCancelled(String action, boolean change) {
        if (Thread.currentThread().isInterrupted()) {
            throw change ? HttpFailures.cancelledBeforeSending(action, null) : HttpFailures.cancelled(action, null);
        }
    }

    /** Okio checks the interrupt flag before each read and write and then throws "interrupted". */
    private static boolean cancelledBy(IOException e) {
        return Thread.currentThread().isInterrupted()
                || e instanceof InterruptedIOException && "interrupted".equals(e.getMessage());
    }

    private static void logFailure(Request request, long start, IOException e, int attempt, int attempts) {
        LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.url().encodedPath()
                + " failed after " + millisSince(start) + " ms: " + e.getClass().getSimpleName()
                + " (attempt " + attempt + " of " + attempts + ")");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * A connection's settings stop every call.
     *
     * @param setting  which setting to fix
     * @param sentence what is wrong and what to do; never holds a password
     */
    public record Refusal(Failure.Setting setting, String sentence) { }

    /** Set by {@link #WIRE} once the request is handed to the connection. */
    private static final class SendMark {
        volatile boolean sent;

        Request on(Request request) {
            return request.newBuilder().tag(SendMark.class, this).build();
        }
    }

    /** A change's successful status arrived, then its body broke off. */
    private static final class BrokenBody extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        BrokenBody(int status, IOException cause) {
            super(cause);
            this.status = status;
        }
    }
}
