package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.index.ChangeLog;
import io.toolrisk.index.LiveIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protocol and the tools, message by message, on a small catalogue. */
class McpServerTest {
    @TempDir
    static Path dir;
    static LiveIndex view;
    static McpServer server;

    @BeforeAll
    static void start() throws IOException {
        var store = McpCatalogue.write(dir);
        view = LiveIndex.open(store);
        server = new McpServer(view, Classifier.bundled(), new ChangeLog(store));
    }

    @AfterAll
    static void stop() throws IOException {
        view.close();
    }

    private static JsonNode send(McpSession session, String message) throws IOException {
        return server.handle(Json.MAPPER.readTree(message), session).orElse(null);
    }

    private static McpSession initialized(String version) throws IOException {
        var session = McpSession.stdio();
        send(session, initialize(version));
        return session;
    }

    private static String initialize(String version) {
        return """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s","capabilities":{},
                 "clientInfo":{"name":"test","version":"1"}}}""".formatted(version);
    }

    /** The result of a call to {@code tool} with {@code arguments} (a JSON object), at the newest revision. */
    private static JsonNode call(String tool, String arguments) throws IOException {
        JsonNode answer = send(initialized("2025-11-25"), """
                {"jsonrpc":"2.0","id":"c","method":"tools/call","params":{"name":"%s","arguments":%s}}""".formatted(tool, arguments));
        return answer.path("result");
    }

    private static String errorText(JsonNode result) {
        assertTrue(result.path("isError").asBoolean(), result.toString());
        return result.path("content").get(0).path("text").asText();
    }

    private static JsonNode structured(JsonNode result) throws IOException {
        assertFalse(result.path("isError").asBoolean(), result.toString());
        JsonNode structured = result.path("structuredContent");
        assertEquals(structured.toString(), Json.MAPPER.readTree(result.path("content").get(0).path("text").asText()).toString(),
                "the text content is the structured content, serialized");
        return structured;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2025-11-25, 2025-11-25",
            "2025-06-18, 2025-06-18",
            "2025-03-26, 2025-03-26",
            "2024-11-05, 2024-11-05",
            "2024-10-07, 2024-10-07",
            "2099-01-01, 2025-11-25",
            "draft, 2025-11-25"})
    void initializeAnswersTheVersionAskedForWhenSpokenElseTheLatest(String asked, String agreed) throws IOException {
        JsonNode result = send(McpSession.stdio(), initialize(asked)).path("result");
        assertEquals(agreed, result.path("protocolVersion").asText());
        assertEquals("toolrisk", result.path("serverInfo").path("name").asText());
        assertFalse(result.path("capabilities").path("tools").path("listChanged").asBoolean(true));
        assertFalse(result.path("capabilities").has("resources"), "no capability the server does not have");
    }

    @Test
    void initializeWithoutAVersionIsInvalidParams() throws IOException {
        JsonNode answer = send(McpSession.stdio(), """
                {"jsonrpc":"2.0","id":7,"method":"initialize","params":{"capabilities":{}}}""");
        assertEquals(-32602, answer.path("error").path("code").asInt());
        assertEquals("Invalid params: initialize needs \"protocolVersion\", a string", answer.path("error").path("message").asText());
        assertEquals(7, answer.path("id").asInt());
    }

    @Test
    void stdioSessionAnswersOnlyPingBeforeInitializeAndInitializesOnce() throws IOException {
        var session = McpSession.stdio();
        assertEquals("Invalid Request: the session is not initialized; send initialize first",
                send(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").path("error").path("message").asText());
        assertTrue(send(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").path("result").isObject());
        send(session, initialize("2025-06-18"));
        JsonNode again = send(session, initialize("2025-11-25"));
        assertEquals("Invalid Request: the session is initialized already", again.path("error").path("message").asText());
        assertEquals(5, send(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").path("result").path("tools").size());
    }

    @Test
    void toolsListShowsWhatTheAgreedRevisionKnows() throws IOException {
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        JsonNode newest = send(initialized("2025-11-25"), list).path("result").path("tools").get(0);
        assertEquals("search_tools", newest.path("name").asText());
        assertTrue(newest.has("title") && newest.has("outputSchema") && newest.has("annotations"), newest.toString());
        JsonNode annotations = send(initialized("2025-03-26"), list).path("result").path("tools").get(0);
        assertTrue(annotations.has("annotations"));
        assertFalse(annotations.has("title") || annotations.has("outputSchema"), annotations.toString());
        JsonNode oldest = send(initialized("2024-11-05"), list).path("result").path("tools").get(0);
        assertEquals(List.of("name", "description", "inputSchema"), fieldNames(oldest));
    }

    @Test
    void everyToolIsReadOnlyWithTitleSchemasAndHonestAnnotations() throws IOException {
        JsonNode tools = send(initialized("2025-11-25"), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .path("result").path("tools");
        List<String> names = new ArrayList<>();
        for (JsonNode tool : tools) {
            names.add(tool.path("name").asText());
            assertFalse(tool.path("title").asText().isBlank());
            assertTrue(tool.path("description").asText().length() > 100, "a precise description: " + tool.path("name"));
            assertEquals("object", tool.path("inputSchema").path("type").asText());
            assertFalse(tool.path("inputSchema").path("additionalProperties").asBoolean(true), "inputs refuse unknown arguments");
            assertEquals("object", tool.path("outputSchema").path("type").asText());
            assertEquals("""
                    {"title":"%s","readOnlyHint":true,"destructiveHint":false,"idempotentHint":true,"openWorldHint":false}"""
                    .formatted(tool.path("title").asText()), tool.path("annotations").toString());
        }
        assertEquals(List.of("search_tools", "get_tool_risk", "classify_tool", "get_policy", "recent_changes"), names);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[1,2]|-32600|Invalid Request: a message must be a JSON object",
            "{\"id\":1,\"method\":\"ping\"}|-32600|Invalid Request: \"jsonrpc\" must be \"2.0\"",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}|-32600|Invalid Request: \"id\" must be a string or an integer",
            "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}|-32600|Invalid Request: \"id\" must be a string or an integer",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}|-32600|Invalid Request: \"method\" must be a string",
            "{\"jsonrpc\":\"2.0\",\"id\":1}|-32600|Invalid Request: no \"method\"",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":[1]}|-32602|Invalid params: \"params\" must be an object",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}|-32601|Method not found: 'resources/list'",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\"}|-32601|Method not found: 'server/discover'",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\"}}|-32602|Invalid params: unknown cursor (the tool list has one page)",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"rm\"}}|-32602|Unknown tool: 'rm' (this server has search_tools, get_tool_risk, classify_tool, get_policy, recent_changes)",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}|-32602|Invalid params: tools/call needs \"name\", a string",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search_tools\",\"arguments\":[]}}|-32602|Invalid params: \"arguments\" must be an object",
            "[]|-32600|Invalid Request: an empty batch"})
    void malformedMessagesAreJsonRpcErrors(String testCase) throws IOException {
        String[] parts = testCase.split("\\|");
        String message = parts[0].equals("[1,2]") ? "[1,2]" : parts[0];
        JsonNode answer = send(initialized("2025-11-25"), message);
        if (answer.isArray()) answer = answer.get(0);
        assertEquals(Integer.parseInt(parts[1]), answer.path("error").path("code").asInt(), answer.toString());
        assertEquals(parts[2], answer.path("error").path("message").asText());
        assertEquals("2.0", answer.path("jsonrpc").asText());
    }

    @Test
    void notificationsAndClientResponsesGetNoAnswer() throws IOException {
        var session = initialized("2025-11-25");
        assertEquals(null, send(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertEquals(null, send(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}"));
        assertEquals(null, send(session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}"));
        assertEquals(null, send(session, "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]"));
    }

    @Test
    void batchAnswersItsRequestsInOrderAndRefusesInitializeInIt() throws IOException {
        JsonNode answers = send(initialized("2025-11-25"), """
                [{"jsonrpc":"2.0","id":"a","method":"ping"},
                 {"jsonrpc":"2.0","method":"notifications/initialized"},
                 {"jsonrpc":"2.0","id":"b","method":"initialize","params":{"protocolVersion":"2025-11-25"}},
                 {"jsonrpc":"2.0","id":"c","method":"tools/list"}]""");
        assertEquals(3, answers.size());
        assertEquals("a", answers.get(0).path("id").asText());
        assertEquals("Invalid Request: initialize cannot be part of a batch", answers.get(1).path("error").path("message").asText());
        assertEquals(5, answers.get(2).path("result").path("tools").size());
        var many = new StringBuilder("[");
        for (int i = 0; i <= McpServer.MAX_BATCH; i++) many.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"ping\"}");
        assertEquals("Invalid Request: a batch of 101 messages; at most 100 are taken",
                send(initialized("2025-11-25"), many.append(']').toString()).path("error").path("message").asText());
    }

    @Test
    void searchAnswersLikeTheApiWithStructuredContentAndItsText() throws IOException {
        JsonNode page = structured(call("search_tools", "{\"q\":\"issue\",\"size\":2,\"sort\":\"severity\"}"));
        assertEquals(3, page.path("total").asInt());
        assertEquals("manage_issue", page.path("items").get(0).path("tool").asText());
        assertEquals(2, page.path("items").size());
        assertTrue(page.has("next"));
        assertEquals(1, page.path("facets").path("category").path("destructive").asInt());
        JsonNode rest = structured(call("search_tools", "{\"q\":\"issue\",\"size\":2,\"sort\":\"severity\",\"cursor\":\"%s\"}"
                .formatted(page.path("next").asText())));
        assertEquals(1, rest.path("items").size());
        assertFalse(rest.has("next"));
        assertEquals(2, structured(call("search_tools", "{\"category\":[\"write\",\"financial\"]}")).path("total").asInt());
        assertEquals(1, structured(call("search_tools", "{\"category\":\"financial\",\"server\":[\"stripe\"]}")).path("total").asInt());
        assertEquals(1, structured(call("search_tools", "{\"flag\":[\"open-world\"]}")).path("total").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"size\":500}|size must be a whole number from 1 to 100, got the number 500",
            "{\"size\":\"ten\"}|size must be a whole number from 1 to 100, got the string 'ten'",
            "{\"category\":[\"evil\"]}|unknown category 'evil' (expected read, write, execute, destructive or financial)",
            "{\"category\":[1]}|category must be an array of strings, got an element that is the number 1",
            "{\"server\":[\"GitHub\"]}|server 'GitHub' is not a catalogue key (lower-case letters, digits, '.', '_', '-')",
            "{\"sort\":\"newest\"}|unknown sort 'newest' (expected relevance or severity)",
            "{\"page\":2,\"cursor\":\"abc\"}|page and cursor exclude each other; send the cursor alone",
            "{\"limit\":5}|unknown argument 'limit' (search_tools takes q, category, severity, server, flag, sort, size, page, cursor)",
            "{\"page\":101,\"size\":100}|page 101 of size 100 reaches past hit 10,000; use the cursor for deeper results"})
    void badSearchArgumentsAreToolErrorsNamingTheArgument(String testCase) throws IOException {
        String[] parts = testCase.split("\\|");
        assertEquals(parts[1], errorText(call("search_tools", parts[0])));
    }

    @Test
    void queryOverItsLimitIsAToolError() throws IOException {
        assertEquals("q is 1001 characters long; at most 1000 are searched",
                errorText(call("search_tools", "{\"q\":\"%s\"}".formatted("a".repeat(1001)))));
    }

    @Test
    void toolRiskIsTheFullProfileWithItsDefinition() throws IOException {
        JsonNode tool = structured(call("get_tool_risk", "{\"server\":\"github\",\"tool\":\"delete_repo\"}"));
        assertEquals("destructive", tool.path("category").asText());
        assertEquals("critical", tool.path("severity").asText());
        assertEquals("cannot be undone", tool.path("evidence").get(0).path("quote").asText());
        assertEquals("delete_repo", tool.path("definition").path("name").asText());
        assertFalse(tool.path("hash").asText().isEmpty());
        assertEquals("server 'github' has no tool 'drop_repo'", errorText(call("get_tool_risk", "{\"server\":\"github\",\"tool\":\"drop_repo\"}")));
        assertEquals("no server 'gitlab' in the catalogue", errorText(call("get_tool_risk", "{\"server\":\"gitlab\",\"tool\":\"x\"}")));
        assertEquals("server is required", errorText(call("get_tool_risk", "{\"tool\":\"x\"}")));
    }

    @Test
    void classifyReturnsTheProfileAndTheAnnotationsTheWordsJustify() throws IOException {
        JsonNode answer = structured(call("classify_tool", """
                {"tool":{"name":"purge_customer","description":"Permanently deletes a customer. This cannot be undone.",
                         "annotations":{"readOnlyHint":true}}}"""));
        assertEquals("destructive", answer.path("category").asText());
        assertEquals(Classifier.bundled().rulesetVersion(), answer.path("ruleset").asText());
        assertEquals("""
                {"title":"Purge customer","readOnlyHint":false,"destructiveHint":true}""",
                answer.path("suggestedAnnotations").path("annotations").toString());
        assertEquals("readOnlyHint", answer.path("suggestedAnnotations").path("contradicts").get(0).path("hint").asText());
        assertEquals("tool: tool has no \"name\"", errorText(call("classify_tool", "{\"tool\":{\"description\":\"x\"}}")));
        assertEquals("tool must be an object, got the string 'delete_repo'", errorText(call("classify_tool", "{\"tool\":\"delete_repo\"}")));
    }

    @Test
    void policyIsRenderedInTheFormatAndProfileAsked() throws IOException {
        JsonNode policy = structured(call("get_policy", "{\"server\":\"github\",\"format\":\"cedar\",\"profile\":\"strict\"}"));
        assertEquals("cedar", policy.path("format").asText());
        assertEquals("strict", policy.path("profile").asText());
        assertEquals("github.cedar", policy.path("fileName").asText());
        assertTrue(policy.path("policy").asText().contains("forbid (principal, action == Action::\"call_tool\", resource == Tool::\"github/delete_repo\");"),
                policy.path("policy").asText());
        JsonNode fallback = structured(call("get_policy", "{\"server\":\"github\"}"));
        assertEquals("policylayer", fallback.path("format").asText());
        assertEquals("recommended", fallback.path("profile").asText());
        assertEquals("unknown policy format 'opa' (expected policylayer, intercept, claude-code, docker-gateway, cedar or agentgateway)",
                errorText(call("get_policy", "{\"server\":\"github\",\"format\":\"opa\"}")));
    }

    @Test
    void recentChangesMarkPossibleRugPullsAndCanListOnlyThem() throws IOException {
        JsonNode changes = structured(call("recent_changes", "{}"));
        JsonNode set = changes.path("items").get(0);
        assertEquals(2, set.path("toolsTotal").asInt());
        assertEquals(1, set.path("possibleRugPulls").asInt());
        assertTrue(set.path("tools").get(0).path("possibleRugPull").asBoolean());
        JsonNode rugPulls = structured(call("recent_changes", "{\"possibleRugPullsOnly\":true}")).path("items").get(0);
        assertEquals(1, rugPulls.path("tools").size());
        assertEquals(List.of(), fieldValues(rugPulls.path("serversAdded")));
        assertEquals(0, structured(call("recent_changes", "{\"server\":\"stripe\",\"possibleRugPullsOnly\":true}")).path("items").size());
        assertEquals(List.of("stripe"), fieldValues(structured(call("recent_changes", "{\"server\":\"stripe\"}"))
                .path("items").get(0).path("serversAdded")));
        assertEquals(1, structured(call("recent_changes", "{\"tools\":1}")).path("items").get(0).path("tools").size());
        assertEquals("possibleRugPullsOnly must be true or false, got the string 'yes'",
                errorText(call("recent_changes", "{\"possibleRugPullsOnly\":\"yes\"}")));
    }

    @Test
    void olderRevisionsGetTheAnswerAsTextOnly() throws IOException {
        JsonNode result = send(initialized("2025-03-26"), """
                {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_tool_risk","arguments":{"server":"stripe","tool":"create_refund"}}}""")
                .path("result");
        assertFalse(result.has("structuredContent"), result.toString());
        assertEquals("financial", Json.MAPPER.readTree(result.path("content").get(0).path("text").asText()).path("category").asText());
    }

    @Test
    void emptyCatalogueAnswersSearchesWithNothingAndLookupsWithAToolError(@TempDir Path empty) throws IOException {
        var store = new CatalogueStore(empty);
        try (var none = LiveIndex.open(store)) {
            none.status("first refresh running");
            var bare = new McpServer(none, Classifier.bundled(), new ChangeLog(store));
            var session = McpSession.stdio();
            bare.handle(Json.MAPPER.readTree(initialize("2025-11-25")), session);
            JsonNode search = bare.handle(Json.MAPPER.readTree("""
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_tools","arguments":{}}}"""), session)
                    .orElseThrow().path("result");
            assertEquals(0, structured(search).path("total").asInt());
            assertEquals("first refresh running", structured(search).path("status").asText());
            JsonNode policy = bare.handle(Json.MAPPER.readTree("""
                    {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_policy","arguments":{"server":"github"}}}"""), session)
                    .orElseThrow().path("result");
            assertEquals("no server 'github' in the catalogue (the catalogue is empty: first refresh running)", errorText(policy));
        }
    }

    @Test
    void callThatTakesTooLongIsAToolErrorAndTheServerGoesOn() throws Exception {
        var busy = Executors.newSingleThreadExecutor();
        var release = new CountDownLatch(1);
        busy.submit(() -> {
            release.await(); // the only thread is taken: the call below waits its whole time
            return null;
        });
        try {
            var slow = new McpServer(view, Classifier.bundled(), new ChangeLog(view.store()), Duration.ofMillis(200), busy);
            var session = McpSession.stdio();
            slow.handle(Json.MAPPER.readTree(initialize("2025-11-25")), session);
            JsonNode result = slow.handle(Json.MAPPER.readTree("""
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_tools","arguments":{}}}"""), session)
                    .orElseThrow().path("result");
            assertEquals("search_tools did not finish within 200ms; narrow the request", errorText(result));
            assertTrue(slow.handle(Json.MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"), session)
                    .orElseThrow().path("result").isObject());
        } finally {
            release.countDown();
            busy.shutdown();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> fieldValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
