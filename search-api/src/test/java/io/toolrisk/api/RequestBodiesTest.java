package io.toolrisk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.index.LiveIndex;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies that trickle, lie or break the framing cost the server no thread and get a 4xx or 503. */
class RequestBodiesTest {
    private static final String CLASSIFY = "POST /api/v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    private static final String TOOL = "[{\"name\":\"send_email\",\"description\":\"Send an email.\"}]";

    private static final String MALFORMED_CHUNKS = "the chunked encoding of the request body is malformed (a chunk size that is "
            + "not hexadecimal, or a chunk not ended by CRLF)";

    @TempDir
    Path dir;

    /** The default body size and idle timeout, the rest as given. */
    private static HttpLimits limits(int slowBodies, Duration slowAfter, long budget, Duration bodyTimeout) {
        return new HttpLimits(HttpLimits.DEFAULT.maxBodyBytes(), slowBodies, slowAfter, budget, bodyTimeout, Duration.ofMinutes(5));
    }

    private RunningApp app(HttpLimits limits, int threads) throws IOException {
        return new RunningApp(LiveIndex.open(new CatalogueStore(dir)), limits,
                config -> config.jetty.threadPool = new QueuedThreadPool(threads, 4));
    }

    /**
     * A classify request whose body is still to come, once the server has started reading it: it answers
     * {@code 100 Continue} when it first asks for the body.
     */
    private static RawClient bodyPending(RunningApp app) throws IOException {
        var client = new RawClient(app.app.port()).send(CLASSIFY + "Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n");
        assertEquals(100, client.answer().status());
        return client.send("[");
    }

    private static JsonNode json(String body) throws IOException {
        return Json.MAPPER.readTree(body);
    }

    private static void assertError(RawClient.Answer answer, int status, String message) throws IOException {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(message, json(answer.body()).path("error").asText());
        assertEquals(status, json(answer.body()).path("status").asInt());
    }

    @Test
    void slowBodiesHoldNoThreadSoHealthSearchAndClassifyStillAnswer() throws Exception {
        // 40 bodies trickling a byte a second from the moment the server asks for them, against 16 threads: were a
        // thread waiting on each, the server would run out of threads before it asked for the fifteenth.
        var limits = limits(64, Duration.ofSeconds(1), HttpLimits.DEFAULT.bodyBudgetBytes(), Duration.ofMinutes(5));
        List<RawClient> slow = new CopyOnWriteArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (RunningApp app = app(limits, 16)) {
            trickle.scheduleWithFixedDelay(() -> {
                for (RawClient client : slow) {
                    try {
                        client.send(" ");
                    } catch (IOException e) {
                        // the server may close a connection; the others go on
                    }
                }
            }, 1, 1, TimeUnit.SECONDS);
            for (int i = 0; i < 40; i++) slow.add(bodyPending(app));
            var health = app.get("/health");
            assertEquals(200, health.status(), health.body());
            assertEquals("ok", json(health.body()).path("status").asText());
            assertEquals(200, app.get("/api/v1/tools?q=delete").status());
            var classified = app.post("/api/v1/classify", TOOL.getBytes(StandardCharsets.UTF_8), "application/json");
            assertEquals(200, classified.status(), classified.body());
            assertEquals("send_email", json(classified.body()).get(0).path("tool").asText());
        } finally {
            trickle.shutdownNow();
            for (RawClient client : slow) client.close();
        }
    }

    @Test
    void slowBodiesBeyondTheCapAreRefusedWith503WhileQuickOnesAreServed() throws Exception {
        var limits = limits(4, Duration.ofMillis(100), HttpLimits.DEFAULT.bodyBudgetBytes(), Duration.ofMinutes(5));
        List<RawClient> slow = new ArrayList<>();
        try (RunningApp app = app(limits, 32)) {
            for (int i = 0; i < 4; i++) slow.add(bodyPending(app));
            try (RawClient fifth = bodyPending(app)) {
                assertError(fifth.answer(), 503, "the server is receiving 4 slow request bodies already; try again");
            }
            assertEquals(200, app.get("/health").status());
            // Head and body in one write: the body is there when the server first asks for it, so it is never slow,
            // however late a busy machine runs the server (a client writing them apart may be 100 ms late).
            try (RawClient quick = new RawClient(app.app.port())) {
                var answer = quick.send(CLASSIFY + "Content-Length: " + TOOL.length() + "\r\n\r\n" + TOOL).answer();
                assertEquals(200, answer.status(), answer.body());
            }
            slow.removeFirst().send(" ".repeat(999)).answer(); // one of the four ends: its place is free again
            try (RawClient next = bodyPending(app)) {
                assertError(next.send(" ".repeat(999)).answer(), 400, "no tool could be read: line 1: not JSON: unexpected end of input inside the array");
            }
        } finally {
            for (RawClient client : slow) client.close();
        }
    }

    @Test
    void bodiesHeldBeyondTheBudgetAreRefusedWith503() throws Exception {
        var limits = new HttpLimits(1000, 16, Duration.ofMinutes(5), 2000, Duration.ofMinutes(5), Duration.ofMinutes(5));
        try (RunningApp app = app(limits, 32); RawClient first = bodyPending(app); RawClient second = bodyPending(app);
             RawClient third = new RawClient(app.app.port())) {
            third.send(CLASSIFY + "Content-Length: 1000\r\n\r\n" + " ".repeat(1000));
            assertError(third.answer(), 503, "the server holds 2,000 bytes of request bodies already; try again");
            first.send("{\"name\":\"a\"}" + " ".repeat(986) + "]"); // a tool: a body without one is a 400
            assertEquals(200, first.answer().status());
            // Its bytes are given back once its request is done, which the server notes just after the answer went out.
            int status = 503;
            for (int attempt = 0; attempt < 500 && status == 503; attempt++) {
                if (attempt > 0) Thread.sleep(10);
                try (RawClient fourth = new RawClient(app.app.port())) {
                    status = fourth.send(CLASSIFY + "Content-Length: " + TOOL.length() + "\r\n\r\n" + TOOL).answer().status();
                }
            }
            assertEquals(200, status, "the first one's bytes were given back when it was answered");
        }
    }

    @Test
    void aBodyStillTricklingAtItsDeadlineIsA408() throws Exception {
        var limits = limits(4, Duration.ofMinutes(1), HttpLimits.DEFAULT.bodyBudgetBytes(), Duration.ofSeconds(1));
        try (RunningApp app = app(limits, 32); RawClient client = bodyPending(app)) {
            assertError(client.answer(), 408, "the request body did not arrive within 1 s");
        }
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedAtOnceWhateverItsSize() throws Exception {
        try (RunningApp app = app(HttpLimits.DEFAULT, 32)) {
            for (String length : List.of("5000000", "2147483648", "99999999999", "9223372036854775807")) {
                try (RawClient client = new RawClient(app.app.port())) {
                    // Nothing of the body is sent: an answer at all means the server did not wait for it.
                    client.send(CLASSIFY + "Content-Length: " + length + "\r\n\r\n");
                    assertError(client.answer(), 413, "the request body is over the limit of 4,194,304 bytes");
                }
            }
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413() throws Exception {
        var limits = new HttpLimits(1024, 4, Duration.ofMinutes(1), 1024, Duration.ofMinutes(1), Duration.ofMinutes(1));
        try (RunningApp app = app(limits, 32); RawClient client = new RawClient(app.app.port())) {
            String chunk = " ".repeat(1000);
            client.send(CLASSIFY + "Transfer-Encoding: chunked\r\n\r\n" + "3e8\r\n" + chunk + "\r\n" + "3e8\r\n" + chunk + "\r\n");
            assertError(client.answer(), 413, "the request body is over the limit of 1,024 bytes");
        }
    }

    @Test
    void aChunkedBodyIsReadWhole() throws Exception {
        try (RunningApp app = app(HttpLimits.DEFAULT, 32); RawClient client = new RawClient(app.app.port())) {
            String half = TOOL.substring(0, 20);
            String rest = TOOL.substring(20);
            client.send(CLASSIFY + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n");
            client.send(Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n");
            RawClient.Answer answer = client.answer();
            assertEquals(200, answer.status(), answer.body());
            assertEquals("send_email", json(answer.body()).get(0).path("tool").asText());
        }
    }

    @Test
    void aBadChunkSizeIsA400AndOneLogLine() throws Exception {
        List<String> log = logOf(port -> {
            try (RawClient client = new RawClient(port)) {
                client.send(CLASSIFY + "Transfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n");
                assertError(client.answer(), 400, MALFORMED_CHUNKS);
            }
        });
        assertEquals(1, log.size(), String.join("\n", log));
        assertTrue(log.getFirst().endsWith("POST /api/v1/classify from 127.0.0.1: " + MALFORMED_CHUNKS), log.getFirst());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsA400AndOneLogLine() throws Exception {
        List<String> log = logOf(port -> {
            try (RawClient client = new RawClient(port)) {
                client.send(CLASSIFY + "Content-Length: 100\r\n\r\n[{\"name\":").endOutput();
                assertError(client.answer(), 400, "the connection ended after 9 of the 100 bytes its Content-Length announced");
            }
        });
        assertEquals(1, log.size(), String.join("\n", log));
        assertTrue(log.getFirst().contains("POST /api/v1/classify from 127.0.0.1: the connection ended after 9 of the 100 bytes"),
                log.getFirst());
    }

    /** Something to do against a running app's port. */
    @FunctionalInterface
    private interface Exchange {
        void run(int port) throws Exception;
    }

    /**
     * The lines the app logs (standard error, where slf4j-simple writes) from its start until it has stopped, while
     * {@code exchange} runs against it: stopping it first means every request has been answered and logged.
     */
    private List<String> logOf(Exchange exchange) throws Exception {
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            try (RunningApp app = app(HttpLimits.DEFAULT, 32)) {
                exchange.run(app.app.port());
            }
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains("Stopping Javalin") && !line.contains("Javalin has stopped")
                        && !line.contains("Starting Javalin") && !line.contains("Javalin started") && !line.contains("Listening on")
                        && !line.contains("You are running Javalin") && !line.isBlank())
                .toList();
        assertFalse(lines.stream().anyMatch(line -> line.startsWith("\tat ")), "a stack trace: " + String.join("\n", lines));
        return lines;
    }
}
