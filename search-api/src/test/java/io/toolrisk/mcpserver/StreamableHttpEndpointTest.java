package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.toolrisk.api.SearchApi;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.index.LiveIndex;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /mcp} of the real app on a free port, over HTTP. */
class StreamableHttpEndpointTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},
             "clientInfo":{"name":"test","version":"1"}}}""";
    private static final String CALL = """
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_tool_risk","arguments":{"server":"github","tool":"delete_repo"}}}""";
    private static final String BOTH = "application/json, text/event-stream";

    @TempDir
    static Path dir;
    static LiveIndex view;
    static Javalin app;
    static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    static void start() throws IOException {
        view = LiveIndex.open(McpCatalogue.write(dir));
        app = SearchApi.create(view).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        view.close();
    }

    private record Answer(int status, String contentType, String body, okhttp3.Headers headers) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }

        String errorMessage() throws IOException {
            return json().path("error").path("message").asText();
        }
    }

    private static Answer post(String body, String... headers) throws IOException {
        var request = new Request.Builder().url("http://127.0.0.1:" + app.port() + "/mcp")
                .post(RequestBody.create(body, MediaType.get("application/json")));
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return call(request.build());
    }

    private static Answer call(Request request) throws IOException {
        try (Response response = HTTP.newCall(request).execute()) {
            return new Answer(response.code(), response.header("Content-Type"), response.body().string(), response.headers());
        }
    }

    @Test
    void initializeIsAnsweredAsJsonWithoutASession() throws IOException {
        Answer answer = post(INITIALIZE, "Accept", BOTH);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertEquals("2025-06-18", answer.json().path("result").path("protocolVersion").asText());
        assertNull(answer.headers().get("Mcp-Session-Id"), "stateless: no session is issued");
    }

    @Test
    void callSpeaksTheRevisionOfItsHeader() throws IOException {
        JsonNode newest = post(CALL, "Accept", BOTH, "MCP-Protocol-Version", "2025-11-25").json().path("result");
        assertEquals("destructive", newest.path("structuredContent").path("category").asText());
        JsonNode withoutHeader = post(CALL, "Accept", BOTH).json().path("result");
        assertTrue(!withoutHeader.has("structuredContent") && withoutHeader.path("content").size() == 1,
                "no header is 2025-03-26, before structured content: " + withoutHeader);
        Answer unknown = post(CALL, "Accept", BOTH, "MCP-Protocol-Version", "1999-01-01");
        assertEquals(400, unknown.status());
        assertEquals("Bad Request: unsupported protocol version '1999-01-01' (supported: 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05, 2024-10-07)",
                unknown.errorMessage());
    }

    @Test
    void clientThatAcceptsOnlyAnEventStreamGetsOneEvent() throws IOException {
        Answer answer = post(INITIALIZE, "Accept", "text/event-stream");
        assertEquals(200, answer.status());
        assertTrue(answer.contentType().startsWith("text/event-stream"), answer.contentType());
        assertTrue(answer.body().startsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"), answer.body());
        assertTrue(answer.body().endsWith("\n\n"));
    }

    @Test
    void refusalsAtTheHttpLevelHaveTheirStatusAndAJsonRpcError() throws IOException {
        Answer html = post(INITIALIZE, "Accept", "text/html");
        assertEquals(406, html.status());
        assertEquals("Not Acceptable: the client must accept application/json or text/event-stream", html.errorMessage());
        assertEquals(-32000, html.json().path("error").path("code").asInt());

        var text = new Request.Builder().url("http://127.0.0.1:" + app.port() + "/mcp")
                .post(RequestBody.create(INITIALIZE, MediaType.get("text/plain"))).header("Accept", BOTH).build();
        assertEquals(415, call(text).status());

        Answer broken = post("{\"jsonrpc\":", "Accept", BOTH);
        assertEquals(400, broken.status());
        assertEquals(-32700, broken.json().path("error").path("code").asInt());
    }

    @Test
    void notificationsAloneAreAcceptedWithNoBody() throws IOException {
        Answer answer = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Accept", BOTH);
        assertEquals(202, answer.status());
        assertEquals("", answer.body());
    }

    @Test
    void getAndDeleteAreNotAllowedOnAStatelessServer() throws IOException {
        String url = "http://127.0.0.1:" + app.port() + "/mcp";
        Answer get = call(new Request.Builder().url(url).header("Accept", "text/event-stream").build());
        assertEquals(405, get.status());
        assertEquals("POST", get.headers().get("Allow"));
        assertEquals(405, call(new Request.Builder().url(url).delete().header("Mcp-Session-Id", "x").build()).status());
    }

    @Test
    void pagesOfOtherSitesCannotReachTheServerThroughABrowser() throws IOException {
        Answer rebound = post(INITIALIZE, "Accept", BOTH, "Host", "attacker.example:" + app.port());
        assertEquals(403, rebound.status());
        assertEquals("Forbidden: Host 'attacker.example:%d' is not a loopback name on a loopback address".formatted(app.port()),
                rebound.errorMessage());
        Answer foreign = post(INITIALIZE, "Accept", BOTH, "Origin", "https://attacker.example");
        assertEquals(403, foreign.status());
        assertEquals("Forbidden: Origin 'https://attacker.example' may not call this server", foreign.errorMessage());
        assertEquals(200, post(INITIALIZE, "Accept", BOTH, "Origin", "http://localhost:6274", "Host", "localhost:" + app.port()).status());
    }
}
