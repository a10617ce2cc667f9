package io.toolrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.toolrisk.api.SearchApi;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.toolrisk.testing.TestCatalogue.evidence;
import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code toolrisk mcp} and {@code POST /mcp} as clients see them: our own crawler and scan, the official TypeScript
 * SDK's client over stdio and over Streamable HTTP, and the MCP Inspector's CLI over both.
 */
class McpCommandTest {
    private static final List<String> TOOLS = List.of("search_tools", "get_tool_risk", "classify_tool", "get_policy", "recent_changes");
    /** One call of every tool, as a client would make them, and two that cannot be answered. */
    private static final String PLAN = """
            {"calls": [
              {"name": "search_tools", "arguments": {"q": "repository", "category": ["destructive"]}},
              {"name": "get_tool_risk", "arguments": {"server": "github", "tool": "delete_repo"}},
              {"name": "classify_tool", "arguments": {"tool": {"name": "send_invoice", "description": "Sends an invoice to a customer by email."}}},
              {"name": "get_policy", "arguments": {"server": "github", "format": "claude-code"}},
              {"name": "recent_changes", "arguments": {"possibleRugPullsOnly": true}},
              {"name": "get_tool_risk", "arguments": {"server": "gitlab", "tool": "delete_repo"}},
              {"name": "drop_tables", "arguments": {}}
            ]}""";

    @TempDir
    static Path dir;
    static Path catalogue;
    static LiveIndex view;
    static Javalin serve;

    @BeforeAll
    static void writeCatalogueAndServeIt() throws IOException {
        catalogue = dir.resolve("catalogue");
        var store = new CatalogueStore(catalogue);
        writeCatalogue(store);
        view = LiveIndex.open(store);
        serve = SearchApi.create(view).start("127.0.0.1", 0);
    }

    private static void writeCatalogue(CatalogueStore store) throws IOException {
        String description = "Deletes a repository. This cannot be undone.";
        new TestCatalogue()
                .crawled("github",
                        tool("github", "delete_repo", description, Category.DESTRUCTIVE,
                                evidence("description", description, "cannot be undone", "irreversible-phrase")),
                        tool("github", "list_issues", "List issues of a repository.", Category.READ))
                .writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
    }

    @AfterAll
    static void stop() throws IOException {
        serve.stop();
        view.close();
    }

    /** {@code toolrisk mcp} on the test's catalogue, as a command line: the JVM of this test with its classpath. */
    private static List<String> mcpCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), ToolRiskCli.class.getName(), "mcp",
                "--catalogue", catalogue.toString());
    }

    private static String mcpUrl() {
        return "http://127.0.0.1:%d/mcp".formatted(serve.port());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run toolrisk(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = ToolRiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /**
     * {@code --stdio "toolrisk mcp"} as the sandbox can run it: the sandboxed server is nobody, who cannot read the
     * root-owned Maven repository, so the jars of the classpath are copied into the module's target folder (as
     * ./toolrisk has its lib/), and the catalogue is one written there too. The checkout may lie where the sandbox
     * hides everything ({@code ~/src/toolrisk}, {@code /tmp/x}), so what the server runs and reads is shown to it with
     * {@code --sandbox-read}, as a user would.
     */
    private static List<String> sandboxedMcp() throws IOException {
        Path sandboxed = Files.createDirectories(Path.of("target", "mcp-sandbox")).toAbsolutePath();
        Path lib = Files.createDirectories(sandboxed.resolve("lib"));
        Path checkout = Path.of("").toAbsolutePath().getParent();
        List<String> classpath = new ArrayList<>();
        List<String> shown = new ArrayList<>(List.of("--sandbox-read", sandboxed.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (path.startsWith(checkout)) {
                shown.addAll(List.of("--sandbox-read", path.toString()));
            } else if (Files.isRegularFile(path)) {
                Path copy = lib.resolve(path.getFileName());
                if (!Files.exists(copy)) Files.copy(path, copy);
                path = copy;
            }
            classpath.add(path.toString());
        }
        Path readable = sandboxed.resolve("catalogue");
        if (!Files.exists(readable.resolve("current"))) writeCatalogue(new CatalogueStore(readable));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> args = new ArrayList<>(List.of("--stdio", String.join(" ", java, "-cp", String.join(File.pathSeparator, classpath),
                ToolRiskCli.class.getName(), "mcp", "--catalogue", readable.toString())));
        args.addAll(shown);
        return args;
    }

    @Test
    void ourCrawlerListsItsToolsInTheSandbox() throws IOException {
        Run run = toolrisk(concat(List.of("crawl"), sandboxedMcp()).toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        JsonNode crawled = Json.MAPPER.readTree(run.out());
        assertEquals("toolrisk", crawled.at("/server/name").asText());
        assertEquals("2025-11-25", crawled.at("/server/protocolVersion").asText());
        List<String> names = new ArrayList<>();
        crawled.path("tools").forEach(t -> names.add(t.path("name").asText()));
        assertEquals(TOOLS, names);
    }

    @Test
    void itsOwnScanInTheSandboxFindsNothingToFlag() throws IOException {
        Run run = toolrisk(concat(concat(List.of("scan"), sandboxedMcp()),
                "--fail-on", "critical", "--fail-on", "conflict", "--fail-on", "flag").toArray(String[]::new));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Summary: 5 tools (5 read); flags: none"), run.out());
    }

    @Test
    void officialSdkClientOverStdio() throws Exception {
        List<String> target = new ArrayList<>(List.of("stdio"));
        target.addAll(mcpCommand());
        checkSdkReport(McpClients.sdk(PLAN, target));
    }

    @Test
    void officialSdkClientOverStreamableHttp() throws Exception {
        JsonNode report = McpClients.sdk(PLAN, List.of("http", mcpUrl()));
        checkSdkReport(report);
        assertTrue(report.path("sessionId").isNull(), "a stateless server issues no session");
    }

    /**
     * The SDK negotiated, listed the tools and made every call; it checked each structured answer against the tool's
     * output schema itself (a mismatch would be an error in the report).
     */
    private static void checkSdkReport(JsonNode report) {
        assertEquals("2025-11-25", report.path("protocolVersion").asText());
        assertEquals("toolrisk", report.path("serverInfo").path("name").asText());
        List<String> names = new ArrayList<>();
        for (JsonNode tool : report.path("tools")) {
            names.add(tool.path("name").asText());
            assertTrue(tool.path("annotations").path("readOnlyHint").asBoolean(), tool.toString());
            assertTrue(tool.has("title") && tool.has("outputSchema"), tool.toString());
        }
        assertEquals(TOOLS, names);
        JsonNode calls = report.path("calls");
        for (int i = 0; i < 5; i++) {
            JsonNode call = calls.get(i);
            assertFalse(call.has("error"), call.toString());
            assertFalse(call.path("result").path("isError").asBoolean(), call.toString());
            assertTrue(call.path("result").path("structuredContent").isObject(), call.toString());
        }
        assertEquals("delete_repo", calls.get(0).at("/result/structuredContent/items/0/tool").asText());
        assertEquals("cannot be undone", calls.get(1).at("/result/structuredContent/evidence/0/quote").asText());
        assertEquals("financial", calls.get(2).at("/result/structuredContent/category").asText());
        assertTrue(calls.get(3).at("/result/structuredContent/policy").asText().contains("mcp__github__delete_repo"));
        assertEquals(0, calls.get(4).at("/result/structuredContent/items").size());
        assertTrue(calls.get(5).at("/result/isError").asBoolean());
        assertEquals("no server 'gitlab' in the catalogue", calls.get(5).at("/result/content/0/text").asText());
        assertEquals(-32602, calls.get(6).at("/error/code").asInt(), calls.get(6).toString());
    }

    @Test
    void inspectorCliListsAndCallsOverStdioAndHttp(@TempDir Path home) throws Exception {
        List<String> stdio = new ArrayList<>(mcpCommand());
        McpClients.Result listed = McpClients.inspector(home, concat(stdio, "--method", "tools/list"));
        assertEquals(0, listed.exit(), listed.err());
        List<String> names = new ArrayList<>();
        listed.json().path("tools").forEach(t -> names.add(t.path("name").asText()));
        assertEquals(TOOLS, names);

        McpClients.Result called = McpClients.inspector(home, List.of(mcpUrl(), "--transport", "http",
                "--method", "tools/call", "--tool-name", "get_tool_risk", "--tool-arg", "server=github", "tool=delete_repo"));
        assertEquals(0, called.exit(), called.err());
        assertEquals("destructive", called.json().at("/structuredContent/category").asText());

        // The Inspector's newer negotiation first asks for a revision this server does not know, then falls back.
        McpClients.Result probed = McpClients.inspector(home, concat(List.of("--protocol-era", "auto"),
                concat(stdio, "--method", "tools/call", "--tool-name", "search_tools", "--tool-arg", "q=issues")));
        assertEquals(0, probed.exit(), probed.err());
        assertEquals(1, probed.json().at("/structuredContent/total").asInt());
    }

    private static List<String> concat(List<String> first, String... more) {
        return concat(first, List.of(more));
    }

    private static List<String> concat(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    @Test
    void mcpCommandSaysWhatItServesOnStderrOnly() throws Exception {
        var process = new ProcessBuilder(mcpCommand()).start();
        try (var in = process.getOutputStream()) {
            in.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n".getBytes());
        }
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        assertEquals(0, process.waitFor());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n", out);
        assertTrue(err.contains("toolrisk mcp: serving snapshot "), err);
    }
}
