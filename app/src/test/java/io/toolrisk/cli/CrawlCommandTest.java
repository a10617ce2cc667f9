package io.toolrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CrawlCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsServerInfoAndToolsOfARealServerAsSent() throws Exception {
        Path server = peers().resolve("@modelcontextprotocol/server-memory/dist/index.js");
        int exit = run("crawl", "--stdio", "node " + server, "--sandbox-read", peers().getParent().toString());

        assertEquals(0, exit, err::toString);
        assertEquals("", err.toString());
        JsonNode printed = Json.MAPPER.readTree(out.toString());
        assertEquals("memory-server", printed.at("/server/name").textValue());
        assertEquals("2025-11-25", printed.at("/server/protocolVersion").textValue());
        assertTrue(printed.at("/server/capabilities/tools").isObject());
        List<String> names = new ArrayList<>();
        printed.get("tools").forEach(t -> names.add(t.get("name").textValue()));
        assertEquals(List.of("create_entities", "create_relations", "add_observations", "delete_entities",
                "delete_observations", "delete_relations", "read_graph", "search_nodes", "open_nodes"), names);
        assertEquals(Json.MAPPER.readTree("{\"readOnlyHint\":false,\"destructiveHint\":true,\"idempotentHint\":true,\"openWorldHint\":false}"),
                printed.at("/tools/3/annotations"));
        assertEquals(toolsListedDirectly(server), printed.get("tools"), "tools as the server sent them");
        assertTrue(out.toString().endsWith("}\n"), "one JSON document and a newline");
    }

    @Test
    void serverThatExitsBecauseTheSandboxHidesItsScriptSaysSoNamingTheOptionThatShowsIt() {
        // The peers are installed in the crawler's home, which the sandbox hides.
        Path server = peers().resolve("@modelcontextprotocol/server-memory/dist/index.js");
        int exit = run("crawl", "--stdio", "node " + server);

        assertEquals(3, exit);
        assertTrue(err.toString().startsWith(("toolrisk crawl: initialize failed: server exited with code 1; it was given %s, "
                + "which the sandbox hides: show it with --sandbox-read %s, or pass --no-sandbox (stderr: ")
                .formatted(server, peers().getParent())), err::toString);
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void noSandboxIsExplicitAndThenTheServerSeesWhatThisUserSees() throws Exception {
        Path server = peers().resolve("@modelcontextprotocol/server-memory/dist/index.js");
        assertEquals(0, run("crawl", "--stdio", "node " + server, "--no-sandbox"), err::toString);
        assertEquals("memory-server", Json.MAPPER.readTree(out.toString()).at("/server/name").textValue());
    }

    @Test
    void sandboxOptionsBesideNoSandboxAreAUsageError() {
        assertEquals(2, run("crawl", "--stdio", "node server.js", "--no-sandbox", "--sandbox-network", "none"));
        assertEquals("toolrisk crawl: --sandbox-network and --sandbox-read apply to the sandbox, not with --no-sandbox\n", err.toString());
    }

    /** The tools array the server answers to a hand-written session, for comparison. */
    private static JsonNode toolsListedDirectly(Path server) throws Exception {
        Process node = new ProcessBuilder("node", server.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(node.getInputStream()));
             var stdin = new PrintWriter(node.getOutputStream(), true)) {
            stdin.println("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode message = Json.MAPPER.readTree(line);
                if (message.path("id").asInt() == 1) {
                    stdin.println("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                    stdin.println("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
                } else if (message.path("id").asInt() == 2) {
                    return message.at("/result/tools");
                }
            }
            throw new AssertionError("the server ended without listing its tools");
        } finally {
            node.destroyForcibly();
        }
    }

    @Test
    void serverThatExitsIsOneLineWithStageReasonAndItsStderr() {
        int exit = run("crawl", "--stdio", "node -e \"process.stderr.write('Error: TOKEN missing\\n'); process.exit(3)\"");

        assertEquals(3, exit);
        assertEquals("", out.toString());
        assertEquals("toolrisk crawl: initialize failed: server exited with code 3 (stderr: Error: TOKEN missing)\n", err.toString());
    }

    @Test
    void aServerThatCannotFindItsScriptShowsNodesErrorLineNotItsVersion() {
        int exit = run("crawl", "--stdio", "node /nonexistent/toolrisk-test/index.js", "--no-sandbox");

        assertEquals(3, exit);
        assertEquals("toolrisk crawl: initialize failed: server exited with code 1 "
                + "(stderr: Error: Cannot find module '/nonexistent/toolrisk-test/index.js')\n", err.toString());
    }

    @Test
    void serverThatNeverAnswersFailsAtTheTimeout() {
        int exit = run("crawl", "--stdio", "sleep 30", "--timeout", "1s");

        assertEquals(3, exit);
        assertEquals("toolrisk crawl: initialize failed: the server timeout of 1s ran out waiting for the answer to initialize\n",
                err.toString());
    }

    @Test
    void unreachableUrlFailsConnect() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int exit = run("crawl", "--url", "http://127.0.0.1:%d/mcp".formatted(port), "--timeout", "2s");

        assertEquals(3, exit);
        assertTrue(err.toString().startsWith("toolrisk crawl: connect failed: cannot connect to http://127.0.0.1:%d/mcp: ".formatted(port)),
                err::toString);
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void missingVariableIsNamed() {
        int exit = run("crawl", "--url", "http://127.0.0.1:9/mcp", "--header", "Authorization: Bearer ${TOOLRISK_TEST_NEVER_SET}");

        assertEquals(3, exit);
        assertEquals("toolrisk crawl: needs TOOLRISK_TEST_NEVER_SET, which is not set in the environment\n", err.toString());
    }

    @Test
    void badTimeoutIsAUsageError() {
        assertEquals(2, run("crawl", "--url", "http://127.0.0.1:9/mcp", "--timeout", "soon"));
        assertEquals("toolrisk crawl: --timeout: invalid duration 'soon': expected a number with ms, s, m or h, like 30s; "
                + "see 'toolrisk crawl --help'\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("crawl", "--url", "http://127.0.0.1:9/mcp", "--timeout", "0s"));
        assertEquals("toolrisk crawl: --timeout must be longer than zero, got '0s'\n", err.toString());
    }

    @Test
    void envWithUrlIsAUsageError() {
        assertEquals(2, run("crawl", "--url", "http://127.0.0.1:9/mcp", "--env", "A=b"));
        assertEquals("toolrisk crawl: --env applies to --stdio only\n", err.toString());
    }

    @Test
    void unclosedQuoteIsAUsageError() {
        assertEquals(2, run("crawl", "--stdio", "node 'server.js"));
        assertEquals("toolrisk crawl: unclosed single quote in 'node 'server.js'\n", err.toString());
    }

    private int run(String... args) {
        CommandLine cli = ToolRiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    static Path peers() {
        String dir = System.getProperty("toolrisk.peers.dir");
        Path modules = dir == null ? null : Path.of(dir, "node_modules");
        if (modules == null || !Files.isDirectory(modules.resolve("@modelcontextprotocol/server-memory")))
            fail("the real MCP servers are not installed in " + dir + ": run .ci/setup-peers.sh (CI runs it)");
        return modules;
    }
}
