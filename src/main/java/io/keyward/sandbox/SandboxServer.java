package io.keyward.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process imitation of two management APIs, Apinizer's (/apiops) and Ampersand's JWT keys (/v1),
 * with demo data and switchable faults, so the console can be demonstrated and tested without a real
 * gateway. Binds to 127.0.0.1 only, and even there is locked: the control endpoint needs its own token,
 * every request must name this server in its Host header (no DNS rebinding), no answer allows CORS,
 * and a client gets a limited time to send its request (see {@link SlowClientGuard}).
 */
public final class SandboxServer implements AutoCloseable {
    static final int WORKER_THREADS = 16;
    /** Beyond this many waiting requests the JDK server closes new connections instead of queueing them. */
    private static final int QUEUE_CAPACITY = 512;
    private static final String USERNAME = "admin";
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final URI baseUrl;
    private final TokenRegistry tokens;
    private final String ampersandApiKey;
    private final String controlToken;
    private final String password;
    private final FaultSettings faults;
    private final SlowClientGuard guard;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxServer(HttpServer http, ThreadPoolExecutor executor, SlowClientGuard guard, TokenRegistry tokens,
                          String ampersandApiKey, String controlToken, String password, FaultSettings faults) {
        this.http = http;
        this.executor = executor;
        this.guard = guard;
        this.tokens = tokens;
        this.ampersandApiKey = ampersandApiKey;
        this.controlToken = controlToken;
        this.password = password;
        this.faults = faults;
        this.baseUrl = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Generates fresh demo data and starts serving; the options' fault settings are copied, not shared. */
    public static SandboxServer start(SandboxOptions options) throws IOException {
        SandboxOptions effective = options == null ? SandboxOptions.defaults() : options;
        FaultSettings faults = FaultSettings.copyOf(effective.initialFaults());
        TokenRegistry tokens = new TokenRegistry(effective.adminToken());
        String ampersandApiKey = effective.ampersandApiKey() == null ? newSecret(tokens, effective.controlToken())
                : effective.ampersandApiKey();
        String controlToken = effective.controlToken() == null ? newSecret(tokens, ampersandApiKey)
                : effective.controlToken();
        // Random per run like the tokens, so a page or process that guessed last run's password gets nothing.
        String password = TokenRegistry.newToken();
        int scale = effective.scale();
        SandboxStore store = new SandboxStore(ScaleData.apinizer(scale));
        AmpersandStore ampersandStore = new AmpersandStore(ScaleData.ampersand(scale), Clock.systemUTC());

        enableNoDelay();
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 1});
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, effective.port()), 64);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        SlowClientGuard guard = new SlowClientGuard(effective.requestReadLimit());
        ApiHandler api = new ApiHandler(store, tokens, faults, USERNAME, password);
        AmpersandHandler ampersand = new AmpersandHandler(ampersandStore, faults, ampersandApiKey, Clock.systemUTC());
        ControlHandler control = new ControlHandler(faults, controlToken, () -> {
            store.replaceAll(ScaleData.apinizer(scale));
            ampersandStore.replaceAll(ScaleData.ampersand(scale));
        });
        AllowedHosts hosts = new AllowedHosts(http.getAddress().getPort());
        http.createContext("/", new RootHandler(api, ampersand, control, hosts));
        http.setExecutor(guard.guard(executor));
        http.start();
        // Only now, so the RSA work does not compete with start-up for this machine's two cores.
        KeyPairs.startRsaPool();
        return new SandboxServer(http, executor, guard, tokens, ampersandApiKey, controlToken, password, faults);
    }

    /** As hard to guess as the /apiops tokens, and never equal to one of them nor to {@code other}. */
    private static String newSecret(TokenRegistry tokens, String other) {
        String key;
        do {
            key = TokenRegistry.newToken();
        } while (tokens.accessOf(key) != null || key.equals(other));
        return key;
    }

    /** The manager URL, e.g. http://127.0.0.1:18080; the Apinizer API lives under /apiops/. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Ampersand's API root, e.g. http://127.0.0.1:18080/v1: the URL that holds /projects. */
    public URI ampersandBaseUrl() {
        return URI.create(baseUrl + "/v1");
    }

    /** The one key /v1 accepts, as X-Api-Key or as a bearer token; it opens nothing under /apiops. */
    public String ampersandApiKey() {
        return ampersandApiKey;
    }

    public String adminToken() {
        return tokens.adminToken();
    }

    /** A token that may read everything and change nothing. */
    public String readOnlyToken() {
        return tokens.readOnlyToken();
    }

    /** The demo user for POST /apiops/auth/token (client_id). */
    public String username() {
        return USERNAME;
    }

    /** The demo user's password (client_secret): random, new on every start. */
    public String password() {
        return password;
    }

    /**
     * The token every /_sandbox request must carry as {@code Authorization: Bearer TOKEN}. Code in the
     * same JVM does not need it: {@link #faults()} changes the same settings directly.
     */
    public String controlToken() {
        return controlToken;
    }

    /** The live fault settings; changes apply to the next request. */
    public FaultSettings faults() {
        return faults;
    }

    /** Stops accepting, closes open connections and interrupts requests sleeping in injected latency. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        guard.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The JDK server sends response headers and body as separate packets, so with Nagle's algorithm on
     * every answer waits about 40 ms for the client's delayed ACK (measured here: 45 ms per request,
     * 3 ms without). The JDK reads this switch once, when the JVM's first HttpServer is created; an
     * explicit setting by the user is left alone.
     */
    private static void enableNoDelay() {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "keyward-sandbox-" + count.incrementAndGet());
            // Daemon, so a forgotten close() never keeps the desktop app's JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
