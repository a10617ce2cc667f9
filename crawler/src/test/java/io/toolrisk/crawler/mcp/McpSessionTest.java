package io.toolrisk.crawler.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.Tool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class McpSessionTest {
    private static final String INIT = """
            {"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2024-11-05","capabilities":{"tools":{}},\
            "serverInfo":{"name":"fake","title":"Fake","version":"9"},"instructions":"Be nice."}}""";

    @Test
    void initializeOffersTheNewestVersionAndAcceptsAnOlderOne() throws Exception {
        var transport = new FakeTransport(m -> m.path("method").asText().equals("initialize") ? List.of(INIT) : List.of());
        ServerInfo info = session(transport).initialize();

        assertEquals("2025-11-25", transport.sent.get(0).path("params").path("protocolVersion").asText());
        assertEquals("notifications/initialized", transport.sent.get(1).path("method").asText());
        assertEquals("fake", info.name());
        assertEquals("Fake", info.title().orElseThrow());
        assertEquals("9", info.version());
        assertEquals("2024-11-05", info.protocolVersion());
        assertEquals("Be nice.", info.instructions().orElseThrow());
    }

    @Test
    void unsupportedProtocolVersionFailsInitialize() {
        var transport = new FakeTransport(m -> List.of(INIT.replace("2024-11-05", "1999-01-01")));
        var e = assertThrows(IOException.class, () -> session(transport).initialize());
        assertEquals("server chose protocol version '1999-01-01'; this crawler speaks 2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25",
                e.getMessage());
    }

    @Test
    void serverRequestsAreAnsweredAndNotificationsAndStrayAnswersIgnored() throws Exception {
        var transport = new FakeTransport(m -> switch (m.path("method").asText()) {
            case "initialize" -> List.of(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"sampling/createMessage\",\"params\":{}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}",
                    "\"not even an object\"",
                    INIT);
            default -> List.of();
        });
        session(transport).initialize();

        List<String> replies = transport.sent.stream().filter(m -> m.has("id") && !m.has("method")).map(JsonNode::toString).toList();
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":41,\"error\":{\"code\":-32601,\"message\":\"method not supported by the toolrisk crawler\"}}"),
                replies);
    }

    @Test
    void answerInABatchWithAStringIdIsTaken() throws Exception {
        var transport = new FakeTransport(m -> List.of("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"}," + INIT.replace("\"id\":1", "\"id\":\"1\"") + "]"));
        assertEquals("fake", session(transport).initialize().name());
    }

    @Test
    void toolsListFollowsCursorsToTheLastPage() throws Exception {
        var transport = new FakeTransport(m -> {
            String cursor = m.path("params").path("cursor").asText("");
            String page = switch (cursor) {
                case "" -> "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":{\"tools\":[{\"name\":\"a\"}],\"nextCursor\":\"p2\"}}";
                case "p2" -> "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":{\"tools\":[{\"name\":\"b\"},{\"name\":\"a\"}],\"nextCursor\":\"p3\"}}";
                default -> "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":{\"tools\":[{\"name\":\"c\"}]}}";
            };
            return List.of(page.formatted(m.get("id")));
        });
        ToolListing listing = session(transport).listTools();
        assertEquals(List.of("a", "b", "c"), listing.tools().stream().map(Tool::name).toList());
        assertEquals(List.of("skipped tool #2 on page 2: duplicate name 'a'"), listing.warnings());
    }

    @Test
    void moreToolsThanTheLimitFailTheListing() {
        var transport = new FakeTransport(m -> List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"}]}}"));
        var session = new McpSession(transport, Duration.ofSeconds(1), Deadline.after(Duration.ofSeconds(5)), 2, 10);
        var e = assertThrows(IOException.class, session::listTools);
        assertEquals("server listed more than 2 tools", e.getMessage());
    }

    @Test
    void resultWithoutToolsArrayFailsTheListing() {
        var transport = new FakeTransport(m -> List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":{}}}"));
        var e = assertThrows(IOException.class, () -> session(transport).listTools());
        assertEquals("tools/list result has no \"tools\" array (page 1)", e.getMessage());
    }

    @Test
    void errorAnswerCarriesCodeAndMessage() {
        var transport = new FakeTransport(m -> List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"bad\\nparams\"}}"));
        var e = assertThrows(McpErrorException.class, () -> session(transport).initialize());
        assertEquals("server answered initialize with error -32602: bad params", e.getMessage());
        assertEquals(-32602, e.code());
    }

    private static McpSession session(Transport transport) {
        return new McpSession(transport, Duration.ofSeconds(1), Deadline.after(Duration.ofSeconds(5)), 10_000, 100);
    }
}
