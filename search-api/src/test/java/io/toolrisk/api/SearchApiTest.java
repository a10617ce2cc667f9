package io.toolrisk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.ChangeSetJson;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.testing.TestCatalogue;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchApiTest {
    @TempDir
    static Path dir;
    static CatalogueStore store;
    static String snapshot;
    static RunningApp app;

    @BeforeAll
    static void start() throws IOException {
        store = new CatalogueStore(dir);
        snapshot = new TestCatalogue()
                .crawled("github",
                        tool("github", "delete_repo", "Deletes a repository. This cannot be undone.", Category.DESTRUCTIVE),
                        tool("github", "create_issue", "Create a new issue.", Category.WRITE),
                        tool("github", "list_issues", "List issues of a repository.", Category.READ,
                                new Flag(FlagKind.OPEN_WORLD, "description", "issues", "public data")),
                        tool("github", "manage_issue", "Get, update or delete an issue.", Category.DESTRUCTIVE,
                                new ActionProfile("action", "get", Category.READ),
                                new ActionProfile("action", "update", Category.WRITE),
                                new ActionProfile("action", "delete", Category.DESTRUCTIVE)),
                        tool("github", "name with spaces+plus", "A hostile name.", Category.READ))
                .crawled("stripe", tool("stripe", "create_refund", "Refund a payment.", Category.FINANCIAL))
                .failed("broken", "initialize", "timed out after 30s")
                .writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
        ChangeSetJson.writeFile(store.changesFile(snapshot), new ChangeSet(snapshot, Optional.empty(),
                Instant.parse("2026-11-25T13:00:00Z"), List.of("stripe"), List.of(), List.of(
                new ToolChange("github", "delete_repo", ToolChange.Kind.CHANGED, Optional.of(Category.READ),
                        Optional.of(Category.DESTRUCTIVE), true, "description changed"))));
        app = new RunningApp(LiveIndex.open(store));
    }

    @AfterAll
    static void stop() throws IOException {
        app.close();
    }

    private static JsonNode json(RunningApp.Answer answer) throws IOException {
        return Json.MAPPER.readTree(answer.body());
    }

    private static void assertError(RunningApp.Answer answer, int status, String message) throws IOException {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(JsonBody.JSON, answer.header("Content-Type"));
        assertEquals(message, json(answer).path("error").asText());
        assertEquals(status, json(answer).path("status").asInt());
    }

    @Test
    void toolsSearchAnswersTotalItemsAndFacets() throws IOException {
        JsonNode page = json(app.get("/api/v1/tools?q=issue"));
        assertEquals(3, page.path("total").asInt());
        JsonNode first = page.path("items").get(0);
        assertEquals("github", first.path("server").asText());
        assertTrue(first.has("description"));
        assertTrue(first.has("evidence"));
        assertEquals(1, page.path("facets").path("category").path("destructive").asInt());
        assertEquals(1, page.path("facets").path("severity").path("critical").asInt());
        assertEquals(1, page.path("facets").path("category").path("read").asInt());
    }

    @Test
    void filtersRepeatOrCommaSeparate() throws IOException {
        assertEquals(2, json(app.get("/api/v1/tools?category=write&category=financial")).path("total").asInt());
        assertEquals(2, json(app.get("/api/v1/tools?category=write,financial")).path("total").asInt());
        assertEquals(1, json(app.get("/api/v1/tools?category=write,financial&server=stripe")).path("total").asInt());
        assertEquals(1, json(app.get("/api/v1/tools?flag=open-world")).path("total").asInt());
        assertEquals(3, json(app.get("/api/v1/tools?severity=critical")).path("total").asInt());
    }

    @Test
    void cursorWalksTheWholeResult() throws IOException {
        List<String> seen = new ArrayList<>();
        JsonNode page = json(app.get("/api/v1/tools?size=2&sort=severity"));
        while (true) {
            page.path("items").forEach(i -> seen.add(i.path("tool").asText()));
            if (!page.has("next")) break;
            page = json(app.get("/api/v1/tools?size=2&sort=severity&cursor=" + page.path("next").asText()));
        }
        assertEquals(6, seen.size());
        assertEquals("create_refund", seen.getFirst());
    }

    @Test
    void badParametersAre400sNamingTheParameter() throws IOException {
        assertError(app.get("/api/v1/tools?category=bogus"), 400,
                "unknown category 'bogus' (expected read, write, execute, destructive or financial)");
        assertError(app.get("/api/v1/tools?size=101"), 400, "size must be a whole number from 1 to 100, got '101'");
        assertError(app.get("/api/v1/tools?page=x"), 400, "page must be a whole number from 1 to 10000, got 'x'");
        assertError(app.get("/api/v1/tools?page=200&size=100"), 400,
                "page 200 of size 100 reaches past hit 10,000; use the cursor for deeper results");
        assertError(app.get("/api/v1/tools?sort=name"), 400, "unknown sort 'name' (expected relevance or severity)");
        assertError(app.get("/api/v1/tools?flag=evil"), 400, "unknown flag 'evil' (expected annotation-conflict, "
                + "hidden-instructions, tool-shadowing, preference-manipulation, invisible-characters, credential-access or open-world)");
        assertError(app.get("/api/v1/tools?server=Not%20A%20Key"), 400,
                "server 'Not A Key' is not a catalogue key (lower-case letters, digits, '.', '_', '-')");
        assertError(app.get("/api/v1/tools?cursor=zzz"), 400, "cursor 'zzz' is not a cursor this API returned");
        assertError(app.get("/api/v1/servers/github/policy?format=opa"), 400,
                "unknown policy format 'opa' (expected policylayer, intercept, claude-code, docker-gateway, cedar or agentgateway)");
        assertError(app.get("/api/v1/tools?q=" + "x".repeat(1001)), 400, "q is 1001 characters long; at most 1000 are searched");
        String prefixes = String.join("%7C", java.util.Collections.nCopies(17, "a*"));
        assertError(app.get("/api/v1/tools?q=" + prefixes), 400, "q has 17 prefix searches (word*); at most 16 are searched at once");
        assertError(app.get("/api/v1/servers?q=" + prefixes), 400, "q has 17 prefix searches (word*); at most 16 are searched at once");
        assertEquals(200, app.get("/api/v1/tools?q=" + String.join("%7C", java.util.Collections.nCopies(16, "a*")) + "%7Cb%5C*").status(),
                "16 prefixes and an escaped star are searched");
    }

    @Test
    void anyFreeTextIsAnsweredWithoutServerError() throws IOException {
        for (String q : List.of("%22unbalanced", "(((", "-", "*", "%5C", "a%7E2", "%3Cscript%3E", "%00", "%F0%9F%98%80",
                "title:x", "%2B%2B%2B", "%7C%7C", "-repo", "delete_repo*")) {
            var answer = app.get("/api/v1/tools?q=" + q);
            assertEquals(200, answer.status(), q + " → " + answer.body());
        }
    }

    @Test
    void textOfTooManyWordsIsA400NotAServerError() throws IOException {
        var words = new StringBuilder();
        for (int i = 0; i < 200; i++) words.append(i == 0 ? "" : "+").append('w').append(i);
        String message = "q has too many words to search at once (200); it needs more than 1,024 clauses";
        assertError(app.get("/api/v1/tools?q=" + words), 400, message);
        var page = app.get("/?q=" + words);
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains(message), page.body());
    }

    @Test
    void requestsJettyRefusesBeforeTheAppAreJsonErrorsToo() throws IOException {
        assertError(app.get("/api/v1/servers/github/tools/%ED%A0%80"), 400, "Bad UTF-8 encoding");
        assertError(app.get("/api/v1/tools?q=" + "x".repeat(20_000)), 414, "URI Too Long");
        assertError(app.get("/api/v1/tools", "X-Filler", "x".repeat(20_000)), 431, "Request Header Fields Too Large");
    }

    @Test
    void unknownServerAndToolAre404s() throws IOException {
        assertError(app.get("/api/v1/servers/nope"), 404, "no server 'nope' in the catalogue");
        assertError(app.get("/api/v1/servers/github/tools/nope"), 404, "server 'github' has no tool 'nope'");
        assertError(app.get("/api/v1/servers/nope/tools/x"), 404, "no server 'nope' in the catalogue");
        assertError(app.get("/api/v1/servers/nope/policy"), 404, "no server 'nope' in the catalogue");
        assertEquals(404, app.get("/api/v1/nothing-here").status());
        assertEquals("Endpoint GET /api/v1/nothing-here not found", json(app.get("/api/v1/nothing-here")).path("error").asText());
    }

    @Test
    void serverAnswersSummaryToolsMostSevereFirstAndPolicyLinks() throws IOException {
        JsonNode github = json(app.get("/api/v1/servers/github"));
        assertEquals("crawled", github.path("server").path("status").asText());
        assertEquals(5, github.path("server").path("tools").asInt());
        assertEquals("delete_repo", github.path("tools").get(0).path("tool").asText());
        assertEquals("/api/v1/servers/github/policy?format=intercept", github.path("policies").path("intercept").asText());
        List<String> formats = new ArrayList<>();
        github.path("policies").fieldNames().forEachRemaining(formats::add);
        assertEquals(List.of("policylayer", "intercept", "claude-code", "docker-gateway", "cedar", "agentgateway"), formats);
        JsonNode broken = json(app.get("/api/v1/servers/broken"));
        assertEquals("initialize", broken.path("server").path("stage").asText());
        assertEquals(0, broken.path("tools").size());
        JsonNode list = json(app.get("/api/v1/servers?q=strip"));
        assertEquals(0, list.path("total").asInt(), "no partial words: " + list);
        list = json(app.get("/api/v1/servers"));
        assertEquals(3, list.path("total").asInt());
        assertEquals("broken", list.path("items").get(0).path("id").asText());
    }

    @Test
    void toolAnswersFullProfileWithDefinitionEvenForAwkwardNames() throws IOException {
        JsonNode tool = json(app.get("/api/v1/servers/github/tools/manage_issue"));
        assertEquals("destructive", tool.path("category").asText());
        assertEquals(3, tool.path("actions").size());
        assertEquals("manage_issue", tool.path("definition").path("name").asText());
        assertFalse(tool.path("hash").asText().isEmpty());
        JsonNode awkward = json(app.get("/api/v1/servers/github/tools/name%20with%20spaces%2Bplus"));
        assertEquals("name with spaces+plus", awkward.path("tool").asText());
    }

    @Test
    void policiesComeInEachFormatWithItsContentType() throws IOException {
        var layer = app.get("/api/v1/servers/github/policy");
        assertEquals("application/json;charset=utf-8", layer.header("Content-Type").replace(" ", ""));
        assertEquals(List.of("delete_repo"), strings(json(layer).path("hide")));
        var yaml = app.get("/api/v1/servers/github/policy?format=intercept");
        assertEquals("application/yaml;charset=utf-8", yaml.header("Content-Type").replace(" ", ""));
        JsonNode intercept = new YAMLMapper().readTree(yaml.body());
        assertEquals("args.action", intercept.path("tools").path("manage_issue").path("rules").get(0)
                .path("conditions").get(0).path("path").asText());
        assertTrue(yaml.body().contains(TestCatalogue.RULESET));
        JsonNode claude = json(app.get("/api/v1/servers/github/policy?format=claude-code&profile=strict"));
        assertTrue(strings(claude.path("permissions").path("deny")).contains("mcp__github__delete_repo"));
        assertEquals("inline; filename=\"github.claude-code.json\"",
                app.get("/api/v1/servers/github/policy?format=claude-code").header("Content-Disposition"));

        var docker = app.get("/api/v1/servers/github/policy?format=docker-gateway");
        assertEquals("application/yaml;charset=utf-8", docker.header("Content-Type").replace(" ", ""));
        assertEquals(List.of("create_issue", "list_issues", "name with spaces+plus"),
                strings(new YAMLMapper().readTree(docker.body()).path("github")), "manage_issue has a denied action");
        var cedar = app.get("/api/v1/servers/github/policy?format=cedar");
        assertEquals("text/plain;charset=utf-8", cedar.header("Content-Type").replace(" ", ""));
        assertEquals("inline; filename=\"github.cedar\"", cedar.header("Content-Disposition"));
        assertTrue(cedar.body().contains("forbid (principal, action == Action::\"call_tool\", resource == Tool::\"github/delete_repo\");"),
                cedar.body());
        var agentgateway = app.get("/api/v1/servers/github/policy?format=agentgateway&profile=strict");
        assertEquals("application/yaml;charset=utf-8", agentgateway.header("Content-Type").replace(" ", ""));
        assertTrue(strings(new YAMLMapper().readTree(agentgateway.body()).path("mcpAuthorization").path("rules"))
                .contains("mcp.tool.name == 'list_issues'"), agentgateway.body());
    }

    @Test
    void theOpenApiDocumentListsEveryPolicyFormat() throws IOException {
        JsonNode format = json(app.get("/openapi.json")).path("paths").path("/api/v1/servers/{server}/policy").path("get")
                .path("parameters").get(1);
        assertEquals("format", format.path("name").asText());
        assertEquals(java.util.Arrays.stream(io.toolrisk.policy.PolicyFormat.values()).map(io.toolrisk.policy.PolicyFormat::wireName).toList(),
                strings(format.path("schema").path("enum")));
    }

    @Test
    void classifyTakesEachInputShape() throws IOException {
        String tool = "{\"name\":\"send_email\",\"description\":\"Send an email.\"}";
        var array = app.post("/api/v1/classify", ("[" + tool + "]").getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(200, array.status(), array.body());
        assertEquals("send_email", json(array).get(0).path("tool").asText());
        var list = app.post("/api/v1/classify", ("{\"tools\":[" + tool + "," + tool + "]}").getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(2, json(list).size());
        var lines = app.post("/api/v1/classify", (tool + "\n{\"nope\":1}\n").getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertEquals(ClassifyApi.NDJSON, lines.header("Content-Type"));
        String[] out = lines.body().split("\n");
        assertEquals(2, out.length);
        assertEquals("send_email", Json.MAPPER.readTree(out[0]).path("tool").asText());
        assertEquals("tool has no \"name\"", Json.MAPPER.readTree(out[1]).path("error").asText());
    }

    @Test
    void classifyRefusesEmptyUnreadableAndOversizedBodies() throws IOException {
        assertError(app.post("/api/v1/classify", new byte[0], "application/json"), 400,
                "the request body is empty; send a tools/list result, a JSON array of tools or JSON Lines");
        assertError(app.post("/api/v1/classify", "hello".getBytes(StandardCharsets.UTF_8), "application/json"), 400,
                "no tool could be read: line 1: not JSON: Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        byte[] huge = new byte[(int) SearchApi.MAX_CLASSIFY_BODY_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertError(app.post("/api/v1/classify", huge, "application/json"), 413,
                "the request body is over the limit of 4,194,304 bytes");
    }

    @Test
    void statsHealthAndChanges() throws IOException {
        JsonNode stats = json(app.get("/api/v1/stats"));
        assertEquals("ready", stats.path("state").asText());
        assertEquals(snapshot, stats.path("snapshot").asText());
        assertEquals(6, stats.path("tools").path("total").asInt());
        assertEquals(1, stats.path("servers").path("failed").asInt());
        assertEquals(3, stats.path("tools").path("severities").path("critical").asInt());
        assertEquals(snapshot, json(app.get("/health")).path("snapshot").asText());
        JsonNode changes = json(app.get("/api/v1/changes"));
        assertEquals(1, changes.path("items").size());
        JsonNode set = changes.path("items").get(0);
        assertEquals(List.of("stripe"), strings(set.path("serversAdded")));
        assertTrue(set.path("tools").get(0).path("possibleRugPull").asBoolean());
        assertEquals(1, set.path("possibleRugPulls").asInt());
        assertEquals(0, json(app.get("/api/v1/changes?server=broken")).path("items").size());
        assertEquals(1, json(app.get("/api/v1/changes?server=github")).path("items").get(0).path("tools").size());
    }

    @Test
    void catalogueResponsesCarryAnEtagThatAnswers304() throws IOException {
        var first = app.get("/api/v1/tools?q=repo");
        String etag = first.header("ETag");
        assertNotNull(etag);
        var again = app.get("/api/v1/tools?q=repo", "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(200, app.get("/api/v1/tools?q=issue", "If-None-Match", etag).status());
    }

    @Test
    void responsesAreGzippedOnRequestAndGetsAllowAnyOrigin() throws IOException {
        var request = new Request.Builder().url(app.url("/api/v1/tools?size=100")).header("Accept-Encoding", "gzip").build();
        try (Response response = app.http.newCall(request).execute()) {
            assertEquals("gzip", response.header("Content-Encoding"));
            assertEquals("*", response.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void everyRouteIsInTheOpenApiDocument() throws IOException {
        JsonNode paths = json(app.get("/openapi.json")).path("paths");
        List<String> missing = new ArrayList<>();
        for (var entry : app.app.unsafe.internalRouter.allHttpHandlers()) {
            var endpoint = entry.endpoint;
            String method = endpoint.method.name().toLowerCase(java.util.Locale.ROOT);
            if (method.equals("before") || method.equals("after")) continue;
            if (!paths.path(endpoint.path).has(method)) missing.add(method + " " + endpoint.path);
        }
        assertEquals(List.of(), missing);
        assertTrue(paths.size() >= 13);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
