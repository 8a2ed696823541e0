package dev.temper.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback (the JDK's HTTP server) that keeps every POST it gets and answers each with the
 * next status of its script, 200 once the script is used up.
 */
final class RecordingReceiver implements AutoCloseable {

    /** One POST as it arrived; header names in lower case. */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();

    RecordingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(),
                        String.join(",", values)));
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Integer status = script.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                received.add(new Received(headers, body));
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next POSTs will be answered with these statuses, in order. */
    void answerNext(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
    }

    /** Waits for {@code count} POSTs (beyond those already taken), failing the test if they do not come in time. */
    List<Received> await(int count, Duration within) throws InterruptedException {
        List<Received> posts = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (posts.size() < count) {
            Received next = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("expected " + count + " webhook POSTs within " + within + ", got "
                        + posts.size() + ": " + posts);
            }
            posts.add(next);
        }
        return posts;
    }

    /** What else arrived by now, without waiting. */
    List<Received> drain() {
        List<Received> rest = new ArrayList<>();
        received.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
