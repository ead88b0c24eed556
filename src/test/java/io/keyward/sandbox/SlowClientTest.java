package io.keyward.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send their request slowly cannot hold every worker: each request gets a limited time
 * to arrive, then its connection is closed. Over raw sockets, since only they can stall mid-request.
 */
class SlowClientTest {
    private static final Duration LIMIT = Duration.ofSeconds(1);
    /** Enough stalled clients to take every worker, and then some waiting in the queue. */
    private static final int STALLED = SandboxServer.WORKER_THREADS + 4;

    private static SandboxServer start(Duration limit) throws IOException {
        return SandboxServer.start(SandboxOptions.defaults().withRequestReadLimit(limit));
    }

    private static Socket connect(URI base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Half a request line, then nothing. */
    private static List<Socket> stall(URI base, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = connect(base);
            socket.getOutputStream().write("GET /apiops/proj".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        return sockets;
    }

    private static String normalRequest(SandboxServer server) {
        return RawHttp.request("GET", "/apiops/projects/", "127.0.0.1:" + server.baseUrl().getPort(), null,
                "Authorization: Bearer " + server.adminToken());
    }

    /** @return how long the server took to close the socket; fails if it answered anything or never closed */
    private static long awaitClosedByServer(Socket socket, long startedNanos) {
        try {
            int read = socket.getInputStream().read();
            assertEquals(-1, read, "the server closes without answering");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server never closed a stalled connection", e);
        } catch (IOException e) {
            // A reset is a close too.
            assertTrue(e instanceof SocketException, e.toString());
        }
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the test is over
            }
        }
    }

    @Test
    void stalledClientsAreCutOffAndOthersAreServedMeanwhile() throws Exception {
        try (SandboxServer server = start(LIMIT)) {
            URI base = server.baseUrl();
            long stalledAt = System.nanoTime();
            List<Socket> stalled = stall(base, STALLED);
            try {
                Thread.sleep(200); // every worker is now blocked reading a request line that never ends
                long started = System.nanoTime();
                RawHttp.Answer answer = RawHttp.send(base, normalRequest(server));
                long tookMillis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(200, answer.status(), answer.body());
                assertTrue(tookMillis < 5_000, "answered within a few seconds, took " + tookMillis + " ms");

                for (Socket socket : stalled) {
                    long closedAfter = awaitClosedByServer(socket, stalledAt);
                    assertTrue(closedAfter >= LIMIT.toMillis() - 100, "not before the limit: " + closedAfter + " ms");
                    assertTrue(closedAfter < 8_000, "closed within a few seconds of the limit: " + closedAfter + " ms");
                }
            } finally {
                closeAll(stalled);
            }
            for (int i = 0; i < SandboxServer.WORKER_THREADS + 2; i++) {
                assertEquals(200, RawHttp.send(base, normalRequest(server)).status(), "every worker is free again");
            }
        }
    }

    /** The same stall without a limit in reach: proves the stalled clients really hold every worker. */
    @Test
    void withoutTheLimitTheSameStallShutsEveryoneOut() throws Exception {
        try (SandboxServer server = start(Duration.ofMinutes(5))) {
            URI base = server.baseUrl();
            List<Socket> stalled = stall(base, STALLED);
            try (Socket waiting = connect(base)) {
                Thread.sleep(200);
                waiting.setSoTimeout(3_000);
                waiting.getOutputStream().write(normalRequest(server).getBytes(StandardCharsets.US_ASCII));
                waiting.getOutputStream().flush();
                assertThrows(SocketTimeoutException.class, () -> waiting.getInputStream().read(),
                        "no worker was free to answer");
            } finally {
                closeAll(stalled);
            }
            // Stalled clients that give up free their workers by themselves.
            assertEquals(200, RawHttp.send(base, normalRequest(server)).status());
        }
    }

    @Test
    void theLimitIsForTheWholeRequestNotForEachPause() throws Exception {
        try (SandboxServer server = start(LIMIT); Socket socket = connect(server.baseUrl())) {
            socket.setTcpNoDelay(true);
            byte[] request = normalRequest(server).getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            // One byte every 50 ms: never quiet for long, but the request would take several seconds in all.
            boolean cutOff = false;
            for (int i = 0; i < request.length - 1 && !cutOff; i++) {
                try {
                    out.write(request[i]);
                    out.flush();
                    Thread.sleep(50);
                } catch (SocketException e) {
                    cutOff = true;
                }
                cutOff |= System.nanoTime() - started > 8_000_000_000L;
            }
            long closedAfter = awaitClosedByServer(socket, started);
            assertTrue(closedAfter < 6_000, "closed although it kept sending: " + closedAfter + " ms");
            assertTrue(request.length * 50L > 2 * LIMIT.toMillis(), "the trickle is slower than the limit");
        }
    }

    @Test
    void aBodyThatNeverArrivesIsCutOffAndChangesNothing() throws Exception {
        try (SandboxServer server = start(LIMIT); Socket socket = connect(server.baseUrl())) {
            String faultsBefore = server.faults().toJson();
            String body = "{\"errorRate\":1}";
            String head = "PUT /_sandbox/faults HTTP/1.1\r\nHost: 127.0.0.1:" + server.baseUrl().getPort()
                    + "\r\nAuthorization: Bearer " + server.controlToken() + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + (body.length() + 10) + "\r\n\r\n" + body;
            long started = System.nanoTime();
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long closedAfter = awaitClosedByServer(socket, started);
            assertTrue(closedAfter >= LIMIT.toMillis() - 100 && closedAfter < 6_000, closedAfter + " ms");
            assertEquals(faultsBefore, server.faults().toJson());
        }
    }

    @Test
    void theServersOwnTimeDoesNotCount() throws Exception {
        try (SandboxServer server = start(LIMIT)) {
            server.faults().setLatencyMillis(2 * LIMIT.toMillis());
            RawHttp.Answer answer = RawHttp.send(server.baseUrl(), normalRequest(server));
            assertEquals(200, answer.status(), "latency twice the limit, still answered");
            // The body is read only after the latency; it was all sent at once, so that read is quick.
            SandboxHttp api = new SandboxHttp(server);
            assertEquals(200, api.put("/apiops/projects/payments/jwks/idp-signing/", "{\"name\":\"renamed\"}").status());
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsNotCut() throws Exception {
        try (SandboxServer server = start(LIMIT); Socket socket = connect(server.baseUrl())) {
            String request = "GET /apiops/projects/ HTTP/1.1\r\nHost: 127.0.0.1:" + server.baseUrl().getPort()
                    + "\r\nAuthorization: Bearer " + server.adminToken() + "\r\n\r\n";
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2; i++) {
                if (i > 0) {
                    // Waiting between requests is the client's right: only a request in progress is timed.
                    Thread.sleep(2 * LIMIT.toMillis());
                }
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 200 "), head);
                int length = Integer.parseInt(head.replaceAll("(?s).*\r\n[Cc]ontent-[Ll]ength: (\\d+).*", "$1"));
                assertEquals(length, in.readNBytes(length).length);
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed before the answer's head ended: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void theLimitIsValidated() {
        assertEquals(SandboxOptions.DEFAULT_REQUEST_READ_LIMIT, SandboxOptions.defaults().requestReadLimit());
        assertEquals(Duration.ofSeconds(10), SandboxOptions.DEFAULT_REQUEST_READ_LIMIT);
        assertThrows(IllegalArgumentException.class, () -> SandboxOptions.defaults().withRequestReadLimit(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> SandboxOptions.defaults().withRequestReadLimit(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> SandboxOptions.defaults().withRequestReadLimit(Duration.ofHours(2)));
    }
}
