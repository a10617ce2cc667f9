package io.toolrisk.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.crawler.CrawlResult.Stage;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.http.HttpClients;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP servers that misbehave (MockWebServer), crawled all at once with one good Streamable HTTP server: each ends
 * as its own clear failure, the good one's tools come through. Those that end by themselves are crawled with
 * timeouts only a hung server meets, those that never finish their answer with a short request timeout: no result
 * depends on the machine's speed.
 */
class HttpServersTest {
    private static final MockWebServer SERVER = new MockWebServer();
    private static final ConcurrentLinkedQueue<RecordedRequest> GOOD_REQUESTS = new ConcurrentLinkedQueue<>();
    private static final Map<String, CrawlResult> RESULTS = new LinkedHashMap<>();
    private static String closedPortUrl;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // far beyond the servers' own timeouts: only a crawl that never ends meets it
    static void crawlThemAll() throws Exception {
        SERVER.setDispatcher(new McpDispatcher());
        SERVER.start();
        try (var socket = new ServerSocket(0)) {
            closedPortUrl = "http://127.0.0.1:%d/mcp".formatted(socket.getLocalPort());
        }
        List<ServerEntry> endByThemselves = List.of(
                http("good", "/good", Map.of("Authorization", "Bearer ${ACME_TOKEN}")),
                http("unauthorized", "/unauthorized", Map.of()),
                http("error-500", "/error-500", Map.of()),
                http("oversized", "/oversized", Map.of()),
                http("oversized-event", "/oversized-event", Map.of()),
                http("not-mcp", "/not-mcp", Map.of()),
                new ServerEntry.Http("refused", closedPortUrl, Map.of(), Optional.empty()),
                new ServerEntry.Http("not-a-url", "ftp://example/mcp", Map.of(), Optional.empty()));
        List<ServerEntry> neverFinish = List.of(
                http("endless-sse", "/endless-sse", Map.of()),
                http("drip", "/drip", Map.of()));
        crawl(TestServers.PATIENT, endByThemselves);
        crawl(TestServers.TIMING_OUT, neverFinish);
    }

    private static void crawl(CrawlLimits limits, List<ServerEntry> entries) throws InterruptedException {
        var crawler = new Crawler(limits, HttpClients.create(limits.connectTimeout(), limits.requestTimeout()),
                Map.of("ACME_TOKEN", "t0k3n"), TestServers.SANDBOX);
        for (CrawlResult result : crawler.crawlAll(entries, entries.size(), CrawlListener.NONE))
            RESULTS.put(result.server().id(), result);
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void everyServerEndsWithAResult() {
        assertEquals(10, RESULTS.size(), RESULTS::toString);
    }

    @Test
    void goodServerIsCrawledFromJsonAndEventStreamAnswers() {
        var crawled = assertInstanceOf(CrawlResult.Crawled.class, RESULTS.get("good"), () -> RESULTS.get("good").toString());
        assertEquals("mock", crawled.info().name());
        assertEquals("2025-06-18", crawled.info().protocolVersion());
        assertEquals(List.of("search", "purge"), crawled.tools().stream().map(Tool::name).toList());
    }

    @Test
    void sessionIdProtocolVersionAndHeadersAreSentAndTheSessionDeleted() {
        List<RecordedRequest> requests = List.copyOf(GOOD_REQUESTS);
        assertEquals(List.of("POST initialize", "POST notifications/initialized", "POST tools/list", "DELETE "),
                requests.stream().map(r -> r.getMethod() + " " + method(r)).toList());
        RecordedRequest initialize = requests.get(0);
        assertEquals("application/json, text/event-stream", initialize.getHeaders().get("Accept"));
        assertEquals("Bearer t0k3n", initialize.getHeaders().get("Authorization"));
        assertNull(initialize.getHeaders().get("Mcp-Session-Id"));
        assertNull(initialize.getHeaders().get("MCP-Protocol-Version"));
        for (RecordedRequest later : requests.subList(1, 4)) {
            assertEquals("session-1", later.getHeaders().get("Mcp-Session-Id"));
            assertEquals("2025-06-18", later.getHeaders().get("MCP-Protocol-Version"));
            assertEquals("Bearer t0k3n", later.getHeaders().get("Authorization"));
        }
    }

    @Test
    void unauthorizedFailsInitializeWithTheStatus() {
        assertFailed("unauthorized", Stage.INITIALIZE, "HTTP 401 from POST %s: {\"error\":\"invalid_token\"}".formatted(url("/unauthorized")));
    }

    @Test
    void serverErrorOnToolsListFailsList() {
        assertFailed("error-500", Stage.LIST, "HTTP 500 from POST %s: oops".formatted(url("/error-500")));
    }

    @Test
    void eventStreamThatNeverEndsFailsAtTheRequestTimeout() {
        assertFailed("endless-sse", Stage.INITIALIZE, "no answer to initialize within 5s");
    }

    @Test
    void dripFeedSlowerThanTheTimeoutFailsInitialize() {
        assertFailed("drip", Stage.INITIALIZE, "no answer to initialize within 5s");
    }

    @Test
    void bodyOverTheMessageLimitFailsList() {
        assertFailed("oversized", Stage.LIST, "the response to POST %s is 17,000,000 bytes, over the 16,777,216-byte message limit"
                .formatted(url("/oversized")));
    }

    @Test
    void eventOverTheMessageLimitFailsListThoughEachOfItsLinesIsShort() {
        assertFailed("oversized-event", Stage.LIST, "server sent an event stream message over the 16,777,216-byte limit");
    }

    @Test
    void urlThatIsNotAnMcpEndpointFailsInitializeAfterTryingLegacySse() {
        assertFailed("not-mcp", Stage.INITIALIZE, "HTTP 404 from POST %1$s, and the legacy SSE fallback failed: HTTP 404 from GET %1$s"
                .formatted(url("/not-mcp")));
    }

    @Test
    void refusedConnectionFailsConnect() {
        var failed = assertInstanceOf(CrawlResult.Failed.class, RESULTS.get("refused"));
        assertEquals(Stage.CONNECT, failed.stage());
        assertTrue(failed.reason().startsWith("cannot connect to " + closedPortUrl + ": "), failed.reason());
    }

    @Test
    void urlThatIsNotHttpFailsConnect() {
        assertFailed("not-a-url", Stage.CONNECT, "not an http(s) URL: 'ftp://example/mcp'");
    }

    private static ServerEntry http(String id, String path, Map<String, String> headers) {
        return new ServerEntry.Http(id, url(path), headers, Optional.empty());
    }

    private static String url(String path) {
        return SERVER.url(path).toString();
    }

    private static void assertFailed(String id, Stage stage, String reason) {
        var failed = assertInstanceOf(CrawlResult.Failed.class, RESULTS.get(id), () -> RESULTS.get(id).toString());
        assertEquals(stage, failed.stage(), failed::toString);
        assertEquals(reason, failed.reason());
    }

    private static String method(RecordedRequest request) {
        try {
            JsonNode body = request.getBody() == null || request.getBody().size() == 0
                    ? null : Json.MAPPER.readTree(request.getBody().utf8());
            return body == null ? "" : body.path("method").asText();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Plays one MCP server per path. */
    private static final class McpDispatcher extends Dispatcher {
        private static final String INITIALIZE_RESULT = """
                {"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},\
                "serverInfo":{"name":"mock","version":"1.0"}}}""";

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String method = method(request);
            if (path.equals("/good")) GOOD_REQUESTS.add(request);
            if (request.getMethod().equals("DELETE")) return new MockResponse.Builder().code(204).build();
            if (method.startsWith("notifications/")) return new MockResponse.Builder().code(202).build();
            return switch (path) {
                case "/good" -> method.equals("initialize")
                        ? json(INITIALIZE_RESULT).newBuilder().addHeader("Mcp-Session-Id", "session-1").build()
                        : new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body("""
                        event: message
                        data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"listing"}}

                        : a comment line
                        event: message
                        id: 7
                        data: {"jsonrpc":"2.0","id":2,"result":{"tools":[
                        data: {"name":"search","annotations":{"readOnlyHint":true}},{"name":"purge"}]}}

                        """).build();
                case "/unauthorized" -> new MockResponse.Builder().code(401).body("{\"error\":\"invalid_token\"}").build();
                case "/error-500" -> method.equals("initialize") ? json(INITIALIZE_RESULT)
                        : new MockResponse.Builder().code(500).body("oops").build();
                case "/endless-sse" -> new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                        .body(": keep-alive\n\n".repeat(10_000)).throttleBody(14, 100, TimeUnit.MILLISECONDS).build();
                case "/drip" -> json(INITIALIZE_RESULT).newBuilder().throttleBody(1, 100, TimeUnit.MILLISECONDS).build();
                case "/oversized" -> method.equals("initialize") ? json(INITIALIZE_RESULT)
                        : json("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[]}}" + " ".repeat(17_000_000 - 46));
                case "/oversized-event" -> method.equals("initialize") ? json(INITIALIZE_RESULT)
                        : new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                        .body("event: message\n" + ("data: " + " ".repeat(994) + "\n").repeat(17_000) + "\n").build();
                default -> new MockResponse.Builder().code(404).build();
            };
        }

        private static MockResponse json(String body) {
            return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
        }
    }
}
