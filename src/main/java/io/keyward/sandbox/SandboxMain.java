package io.keyward.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The command line for running only the sandbox ({@code java -jar keyward.jar --sandbox-only ...}).
 * Exit codes: 0 after a normal stop or --help, 1 if the server cannot start, 2 for a bad command line.
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts the sandbox, prints its connection details and serves until the process is stopped. */
    public static int run(String[] args) {
        // Never counted down: the shutdown hook closes the server when the JVM is told to stop.
        CountDownLatch forever = new CountDownLatch(1);
        return run(args, System.out, System.err,
                server -> Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keyward-sandbox-shutdown")),
                forever);
    }

    /**
     * The testable core: the same as {@link #run(String[])} but with its streams, a hook called once the
     * server is up, and a latch whose release stops and closes the server.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<SandboxServer> onStarted,
                   CountDownLatch stop) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("keyward sandbox: " + e.getMessage());
            err.println("Try --help for the list of options.");
            return 2;
        }
        if (options.help()) {
            out.print(CliOptions.USAGE);
            out.flush();
            return 0;
        }
        options.warnings().forEach(warning -> err.println("keyward sandbox: " + warning));
        SandboxServer server;
        try {
            server = SandboxServer.start(options.sandbox());
        } catch (IOException e) {
            err.println("keyward sandbox: cannot listen on 127.0.0.1:" + options.sandbox().port() + ": " + e.getMessage());
            return 1;
        }
        try (server) {
            onStarted.accept(server);
            // Printing the tokens is the point: this is a local demo server and these lines are its login.
            out.println("base-url=" + server.baseUrl());
            out.println("admin-token=" + server.adminToken());
            out.println("read-only-token=" + server.readOnlyToken());
            out.println("username=" + server.username());
            out.println("password=" + server.password());
            out.println("ampersand-base-url=" + server.ampersandBaseUrl());
            out.println("ampersand-api-key=" + server.ampersandApiKey());
            out.println("control-token=" + server.controlToken());
            out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
