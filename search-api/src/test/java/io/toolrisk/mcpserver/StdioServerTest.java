package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.index.ChangeLog;
import io.toolrisk.index.LiveIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stdio transport: framing, bounds and broken input, over real streams. */
class StdioServerTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{}}}""";

    @TempDir
    static Path dir;
    static LiveIndex view;
    static StdioServer stdio;

    @BeforeAll
    static void start() throws IOException {
        var store = McpCatalogue.write(dir);
        view = LiveIndex.open(store);
        stdio = new StdioServer(new McpServer(view, Classifier.bundled(), new ChangeLog(store)));
    }

    @AfterAll
    static void stop() throws IOException {
        view.close();
    }

    /** Serves {@code lines} to their end; the answers by id ("null" for those without one, the last of them kept). */
    private static Map<String, JsonNode> serve(String... lines) throws Exception {
        var out = new ByteArrayOutputStream();
        stdio.serve(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)), out);
        Map<String, JsonNode> answers = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) continue;
            JsonNode answer = Json.MAPPER.readTree(line);
            answers.put(answer.path("id").asText("null"), answer);
        }
        return answers;
    }

    @Test
    void everyCallIsAnsweredOnItsOwnLineBeforeTheEndOfInput() throws Exception {
        String[] lines = new String[42];
        lines[0] = INITIALIZE;
        lines[1] = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        for (int i = 2; i < lines.length; i++)
            lines[i] = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"search_tools\",\"arguments\":{\"q\":\"issue\"}}}".formatted(i);
        Map<String, JsonNode> answers = serve(lines);
        assertEquals(41, answers.size(), "initialize and 40 calls; the notification gets nothing");
        for (int i = 2; i < lines.length; i++)
            assertEquals(3, answers.get(Integer.toString(i)).path("result").path("structuredContent").path("total").asInt());
    }

    @Test
    void lineThatIsNotJsonGetsAParseErrorAndReadingGoesOn() throws Exception {
        Map<String, JsonNode> answers = serve(INITIALIZE, "{\"jsonrpc\":", "", "   ", "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}");
        assertEquals(-32700, answers.get("null").path("error").path("code").asInt());
        assertTrue(answers.get("null").path("error").path("message").asText().startsWith("Parse error: "));
        assertTrue(answers.get("5").path("result").isObject(), "the line after it is answered");
    }

    @Test
    void lineOverTheBoundIsRefusedWithoutBeingHeldAndReadingGoesOn() throws Exception {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(StdioServer.MAX_MESSAGE_BYTES) + "\"}}";
        Map<String, JsonNode> answers = serve(INITIALIZE, huge, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}");
        assertEquals("Invalid Request: a message of %,d bytes; at most %,d are read".formatted(huge.length(), StdioServer.MAX_MESSAGE_BYTES),
                answers.get("null").path("error").path("message").asText());
        assertFalse(answers.containsKey("9"));
        assertTrue(answers.get("6").path("result").isObject());
    }

    @Test
    void nestingBeyondTheBoundIsAParseError() throws Exception {
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}}";
        Map<String, JsonNode> answers = serve(INITIALIZE, deep);
        assertTrue(answers.get("null").path("error").path("message").asText().contains("nesting depth"), answers.toString());
    }

    @Test
    void clientThatStopsReadingEndsTheSessionWithTheWriteFailure() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        var in = new ByteArrayInputStream((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("Broken pipe", assertThrows(IOException.class, () -> stdio.serve(in, gone)).getMessage());
    }
}
