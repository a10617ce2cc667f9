package io.toolrisk.crawler;

import io.toolrisk.catalogue.Tool;
import io.toolrisk.crawler.CrawlResult.Stage;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.http.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CrawlerTest {
    private final Crawler crawler = new Crawler(TestServers.PATIENT,
            HttpClients.create(TestServers.PATIENT.connectTimeout(), TestServers.PATIENT.requestTimeout()), Map.of("PATH", "/usr/bin:/bin"), TestServers.SANDBOX);

    @TempDir
    Path dir;

    @Test
    void recordedToolsListIsReadWithoutRunningAnything() throws Exception {
        Path file = Files.writeString(dir.resolve("tools.json"), """
                {"tools": [{"name": "a", "annotations": {"readOnlyHint": true}}, {"description": "nameless"}, {"name": "b"}]}""");
        var crawled = assertInstanceOf(CrawlResult.Crawled.class, crawler.crawl(new ServerEntry.File("recorded", file, Optional.empty())));
        assertEquals(List.of("a", "b"), crawled.tools().stream().map(Tool::name).toList());
        assertEquals(List.of("skipped the tool on line 1: tool has no \"name\""), crawled.warnings());
        assertEquals("recorded", crawled.info().name());
        assertEquals(new ServerRef("recorded", "file: " + file, Optional.empty()), crawled.server());
    }

    @Test
    void missingRecordedFileFailsRead() throws InterruptedException {
        Path missing = dir.resolve("nope.json");
        var failed = assertInstanceOf(CrawlResult.Failed.class, crawler.crawl(new ServerEntry.File("gone", missing, Optional.empty())));
        assertEquals(Stage.READ, failed.stage());
        assertEquals("no such file: " + missing, failed.reason());
    }

    @Test
    void headerNamingAnUnsetVariableNeedsCredentials() throws InterruptedException {
        var entry = new ServerEntry.Http("weather", "https://weather.example/mcp", Map.of("Authorization", "Bearer ${API_KEY}"), Optional.empty());
        var needs = assertInstanceOf(CrawlResult.NeedsCredentials.class, crawler.crawl(entry));
        assertEquals(List.of("API_KEY"), needs.missingVariables());
        assertEquals("url: https://weather.example/mcp", needs.server().target());
    }

    @Test
    void concurrencyBelowOneIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> crawler.crawlAll(List.of(), 0, CrawlListener.NONE));
        assertEquals("concurrency must be at least 1, got 0", e.getMessage());
    }
}
