package io.toolrisk.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.crawler.CrawlResult.Stage;
import io.toolrisk.crawler.discovery.ServerEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that misbehave, crawled together with good ones, a few at a time as a refresh crawls: each ends as its own
 * clear result, and the good servers' tools come through. Servers that end by themselves (an answer, an exit, a bound
 * reached) are crawled with timeouts only a hung server meets; those that never answer, with a short request timeout.
 * So no result depends on how fast node starts: on a 2-core machine kept busy by other processes, fifteen node servers
 * started at once took more than 8 s to start.
 */
class MisbehavingServersTest {
    private static final Map<String, CrawlResult> RESULTS = new LinkedHashMap<>();
    /** On the command line of the process the spawner starts, so that the test can find it among all processes. */
    private static final String SPAWNED_MARKER = "spawned-" + java.util.UUID.randomUUID();
    private static final List<String> PROGRESS = new ArrayList<>();
    /** Servers crawled at once: as many node processes as a loaded 2-core machine starts without starving them. */
    private static final int CONCURRENCY = 4;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // far beyond the servers' own timeouts: only a crawl that never ends meets it
    static void crawlThemAll() throws InterruptedException {
        List<ServerEntry> endByThemselves = List.of(
                TestServers.misbehaving("good"),
                TestServers.misbehaving("die-after-initialize"),
                TestServers.misbehaving("garbage"),
                TestServers.misbehaving("huge-description"),
                TestServers.misbehaving("endless-cursor"),
                TestServers.misbehaving("endless-pages"),
                TestServers.misbehaving("list-error"),
                TestServers.misbehaving("exit-at-start"),
                TestServers.misbehaving("deep"),
                TestServers.misbehaving("env-probe", Map.of("PROBE", "${TOOLRISK_TEST_NAMED}")),
                TestServers.misbehaving("needs-token", Map.of("TOKEN", "${TOOLRISK_TEST_UNSET_TOKEN}")),
                ServerEntry.Stdio.of("no-such-program", "no-such-mcp-server", List.of(), Map.of()));
        List<ServerEntry> neverAnswer = List.of(
                TestServers.misbehaving("silent"),
                TestServers.misbehaving("drip"),
                TestServers.misbehaving("spawner", Map.of(), SPAWNED_MARKER));
        var patient = new Crawler(TestServers.PATIENT.withMaxTools(10_000, 20), TestServers.SANDBOX);
        for (CrawlResult result : patient.crawlAll(endByThemselves, CONCURRENCY,
                (result, done, total) -> PROGRESS.add(done + "/" + total + " " + result.server().id())))
            RESULTS.put(result.server().id(), result);
        var timingOut = new Crawler(TestServers.TIMING_OUT, TestServers.SANDBOX);
        for (CrawlResult result : timingOut.crawlAll(neverAnswer, CONCURRENCY, CrawlListener.NONE))
            RESULTS.put(result.server().id(), result);
    }

    @Test
    void everyServerEndsWithAResult() {
        assertEquals(15, RESULTS.size());
    }

    @Test
    void resultsComeInInputOrderWithProgressForEach() {
        assertEquals(List.of("good", "die-after-initialize", "garbage", "huge-description", "endless-cursor",
                "endless-pages", "list-error", "exit-at-start", "deep", "env-probe", "needs-token", "no-such-program",
                "silent", "drip", "spawner"), List.copyOf(RESULTS.keySet()));
        assertEquals(12, PROGRESS.size());
        assertTrue(PROGRESS.getLast().startsWith("12/12 "), PROGRESS.getLast());
    }

    @Test
    void goodServerAmongThemIsCrawledThroughBannerNotificationsAndARootsRequest() {
        var crawled = assertInstanceOf(CrawlResult.Crawled.class, RESULTS.get("good"));
        assertEquals("misbehaving-good", crawled.info().name());
        assertEquals("2025-06-18", crawled.info().protocolVersion());
        assertEquals(List.of("read_note", "delete_note"), crawled.tools().stream().map(Tool::name).toList());
        Tool read = crawled.tools().getFirst();
        assertEquals(true, read.annotations().readOnlyHint().orElseThrow());
        assertEquals("notes", read.annotations().other().get("category").textValue());
    }

    @Test
    void toolWithoutNameIsSkippedWithAWarning() {
        var crawled = assertInstanceOf(CrawlResult.Crawled.class, RESULTS.get("good"));
        assertEquals(List.of("skipped tool #2 on page 1: tool has no \"name\""), crawled.warnings());
    }

    @Test
    void serverThatNeverAnswersFailsInitializeAtTheRequestTimeout() {
        assertFailed("silent", Stage.INITIALIZE, "no answer to initialize within 5s");
    }

    @Test
    void serverThatDiesAfterInitializeFailsListWithItsExitCodeAndStderr() {
        var failed = assertFailed("die-after-initialize", Stage.LIST, "server exited with code 3");
        assertEquals("fatal: lost the database connection", failed.stderrTail());
    }

    @Test
    void serverPrintingGarbageFailsInitialize() {
        assertFailed("garbage", Stage.INITIALIZE, "server printed more than 1,000 non-JSON lines on stdout");
    }

    @Test
    void fiftyMegabyteDescriptionFailsListAtTheMessageLimit() {
        assertFailed("huge-description", Stage.LIST,
                "server sent a stdout line longer than the 16,777,216-byte message limit");
    }

    @Test
    void repeatingCursorFailsListAsAPaginationLoop() {
        assertFailed("endless-cursor", Stage.LIST, "tools/list cursor \"again\" repeated on page 2 (a pagination loop)");
    }

    @Test
    void endlessFreshCursorsFailListAtTheMaximumPages() {
        assertFailed("endless-pages", Stage.LIST, "tools/list still had a nextCursor after 20 pages");
    }

    @Test
    void jsonNestedDeeperThanTheLimitFailsList() {
        var failed = assertInstanceOf(CrawlResult.Failed.class, RESULTS.get("deep"));
        assertEquals(Stage.LIST, failed.stage());
        assertTrue(failed.reason().startsWith("server sent a message over the limits: Document nesting depth (257) exceeds"),
                failed.reason());
    }

    @Test
    void errorAnswerToToolsListFailsList() {
        assertFailed("list-error", Stage.LIST, "server answered tools/list with error -32603: Internal error: database unavailable");
    }

    @Test
    void dripFeedSlowerThanTheTimeoutFailsInitialize() {
        assertFailed("drip", Stage.INITIALIZE, "no answer to initialize within 5s");
    }

    @Test
    void serverExitingAtStartFailsInitializeWithItsStderr() {
        var failed = assertFailed("exit-at-start", Stage.INITIALIZE, "server exited with code 1");
        assertEquals("Error: ACME_TOKEN is required", failed.stderrTail());
    }

    @Test
    void missingProgramFailsLaunch() {
        assertFailed("no-such-program", Stage.LAUNCH, "cannot start 'no-such-mcp-server': not found on PATH");
    }

    @Test
    void processTreeIsKilledIncludingChildren() throws InterruptedException {
        var failed = assertFailed("spawner", Stage.INITIALIZE, "no answer to initialize within 5s");
        assertEquals("child started", failed.stderrTail());
        // Killed with the tree when the crawl ended; the kernel may take a moment to reap it on a busy machine.
        for (int i = 0; i < 600 && processesWith(SPAWNED_MARKER) > 0; i++) Thread.sleep(100);
        assertEquals(0, processesWith(SPAWNED_MARKER), "the spawned child still runs a minute after its crawl ended");
    }

    @Test
    void serverSeesOnlyPathTempHomeAndTheVariablesItsEntryNames() throws Exception {
        var crawled = assertInstanceOf(CrawlResult.Crawled.class, RESULTS.get("env-probe"));
        Tool probe = crawled.tools().getFirst();
        JsonNode env = Json.MAPPER.readTree(probe.description());
        Set<String> names = new TreeSet<>();
        env.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("HOME", "PATH", "PROBE"), names);
        assertEquals("given-to-the-server", env.get("PROBE").textValue());
        assertFalse(probe.description().contains("crawler-only-secret"));
        assertEquals("crawler-only-secret", System.getenv("TOOLRISK_TEST_SECRET"), "the crawler itself holds it");
        assertEquals("/home/server", env.get("HOME").textValue(), "the sandbox's own home");
        assertEquals("/home/server", probe.unknownFields().get("cwd").textValue());
    }

    @Test
    void entryNamingAnUnsetVariableNeedsCredentialsAndIsNotStarted() {
        var needs = assertInstanceOf(CrawlResult.NeedsCredentials.class, RESULTS.get("needs-token"));
        assertEquals(List.of("TOOLRISK_TEST_UNSET_TOKEN"), needs.missingVariables());
    }

    private static long processesWith(String marker) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker)).count();
    }

    private static CrawlResult.Failed assertFailed(String id, Stage stage, String reason) {
        var failed = assertInstanceOf(CrawlResult.Failed.class, RESULTS.get(id), () -> RESULTS.get(id).toString());
        assertEquals(stage, failed.stage(), failed::toString);
        assertEquals(reason, failed.reason());
        return failed;
    }
}
