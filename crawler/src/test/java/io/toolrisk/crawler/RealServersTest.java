package io.toolrisk.crawler;

import io.toolrisk.catalogue.Tool;
import io.toolrisk.crawler.discovery.ServerEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crawls real MCP servers from npm, installed from the peers lockfile by .ci/setup-peers.sh. */
class RealServersTest {
    private static final String EVERYTHING = "@modelcontextprotocol/server-everything/dist/index.js";
    /** What server-everything lists to a client that declares roots, sampling and elicitation. */
    private static final List<String> EVERYTHING_TOOLS = List.of("echo", "get-annotated-message", "get-env",
            "get-resource-links", "get-resource-reference", "get-structured-content", "get-sum", "get-tiny-image",
            "gzip-file-as-resource", "toggle-simulated-logging", "toggle-subscriber-updates",
            "trigger-long-running-operation", "get-roots-list", "trigger-elicitation-request",
            "trigger-sampling-request", "simulate-research-query");

    private static Crawler crawler;

    @BeforeAll
    static void requirePeers() {
        TestServers.peerModules();
        crawler = new Crawler(TestServers.PATIENT, TestServers.SANDBOX);
    }

    @Test
    void everythingOverStdio() throws InterruptedException {
        assertEverything(crawl(TestServers.peer("everything", EVERYTHING)), "2025-11-25");
    }

    @Test
    void everythingOverStreamableHttp() throws Exception {
        try (var server = LoopbackServer.start(TestServers.peerScript(EVERYTHING), "streamableHttp")) {
            var entry = new ServerEntry.Http("everything-http", "http://127.0.0.1:%d/mcp".formatted(server.port), Map.of(), Optional.empty());
            assertEverything(crawl(entry), "2025-11-25");
        }
    }

    @Test
    void everythingOverLegacySseAfterTheStreamableHttpPostIsRefused() throws Exception {
        try (var server = LoopbackServer.start(TestServers.peerScript(EVERYTHING), "sse")) {
            var entry = new ServerEntry.Http("everything-sse", "http://127.0.0.1:%d/sse".formatted(server.port), Map.of(), Optional.empty());
            assertEverything(crawl(entry), "2025-11-25");
        }
    }

    @Test
    void memoryServer() throws InterruptedException {
        var crawled = crawl(TestServers.peer("memory", "@modelcontextprotocol/server-memory/dist/index.js"));
        assertEquals(List.of("create_entities", "create_relations", "add_observations", "delete_entities",
                "delete_observations", "delete_relations", "read_graph", "search_nodes", "open_nodes"), names(crawled));
        Tool delete = tool(crawled, "delete_entities");
        assertEquals(Optional.of(true), delete.annotations().destructiveHint());
    }

    @Test
    void filesystemServerWithATemporaryRoot(@TempDir Path root) throws InterruptedException {
        // The sandbox hides the crawler's temp folder: the root is shown to the server, read-only.
        var showingRoot = new Crawler(crawler.limits(), TestServers.SANDBOX.withReadable(List.of(root)));
        CrawlResult result = showingRoot.crawl(TestServers.peer("filesystem", "@modelcontextprotocol/server-filesystem/dist/index.js", root.toString()));
        var crawled = assertInstanceOf(CrawlResult.Crawled.class, result, result::toString);
        assertEquals(14, crawled.tools().size(), names(crawled)::toString);
        assertTrue(names(crawled).contains("write_file"));
        assertEquals(Optional.of(true), tool(crawled, "read_text_file").annotations().readOnlyHint());
    }

    @Test
    void codeRunnerPrintsABannerOnStdoutFirst() throws InterruptedException {
        var crawled = crawl(TestServers.peer("code-runner", "mcp-server-code-runner/dist/cli.js"));
        assertEquals(List.of("run-code"), names(crawled));
    }

    @Test
    void oldServerNegotiatesTheFirstProtocolVersion() throws InterruptedException {
        var crawled = crawl(TestServers.peer("github", "@modelcontextprotocol/server-github/dist/index.js"));
        assertEquals("2024-11-05", crawled.info().protocolVersion());
        assertEquals(26, crawled.tools().size());
        assertTrue(crawled.tools().stream().allMatch(t -> t.annotations().isEmpty()));
    }

    private static void assertEverything(CrawlResult.Crawled crawled, String protocolVersion) {
        assertEquals("mcp-servers/everything", crawled.info().name());
        assertEquals(Optional.of("Everything Reference Server"), crawled.info().title());
        assertEquals(protocolVersion, crawled.info().protocolVersion());
        assertTrue(crawled.info().capabilities().has("tools"));
        assertTrue(crawled.info().instructions().isPresent());
        assertEquals(EVERYTHING_TOOLS, names(crawled));
        var echo = tool(crawled, "echo").annotations();
        assertEquals(List.of(Optional.of(true), Optional.of(false), Optional.of(true), Optional.of(false)),
                List.of(echo.readOnlyHint(), echo.destructiveHint(), echo.idempotentHint(), echo.openWorldHint()));
        assertEquals(Optional.of("Echo Tool"), tool(crawled, "echo").title());
        assertEquals(List.of(), crawled.warnings());
    }

    private static CrawlResult.Crawled crawl(ServerEntry entry) throws InterruptedException {
        CrawlResult result = crawler.crawl(entry);
        return assertInstanceOf(CrawlResult.Crawled.class, result, result::toString);
    }

    private static List<String> names(CrawlResult.Crawled crawled) {
        return crawled.tools().stream().map(Tool::name).toList();
    }

    private static Tool tool(CrawlResult.Crawled crawled, String name) {
        return crawled.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
