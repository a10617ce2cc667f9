package io.toolrisk.crawler;

import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.catalogue.json.ToolShapes;
import io.toolrisk.crawler.CrawlResult.Stage;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.http.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A {@code file} server is read only from a regular file, within bounds, and says why when it yields no tool. */
class RecordedToolsTest {
    @TempDir
    Path dir;

    private static Crawler crawler(CrawlLimits limits) {
        return new Crawler(limits, HttpClients.create(limits.connectTimeout(), limits.requestTimeout()), Map.of("PATH", "/usr/bin:/bin"),
                TestServers.SANDBOX);
    }

    private static CrawlResult crawl(Crawler crawler, Path file) throws InterruptedException {
        return crawler.crawl(new ServerEntry.File("recorded", file, Optional.empty()));
    }

    private static void assertFailed(CrawlResult result, String reason) {
        var failed = assertInstanceOf(CrawlResult.Failed.class, result, result::toString);
        assertEquals(Stage.READ, failed.stage());
        assertEquals(reason, failed.reason());
    }

    @Test
    void devicesFifosAndDirectoriesAreRefusedWithoutReadingThem() throws Exception {
        Path fifo = dir.resolve("tools.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path link = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        Crawler crawler = crawler(TestServers.PATIENT);
        // Before: /dev/zero and /dev/urandom were read for ever, the FIFO waited for a writer for ever.
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (Path device : List.of(Path.of("/dev/zero"), Path.of("/dev/urandom"), fifo, link))
                assertFailed(crawl(crawler, device), device + " is not a regular file (a device, FIFO or socket); only a recorded file is read");
            assertFailed(crawl(crawler, dir), dir + " is not a regular file (a directory); only a recorded file is read");
        });
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws Exception {
        Path big = Files.writeString(dir.resolve("big.jsonl"), "{\"name\":\"a\",\"description\":\"" + "x".repeat(5000) + "\"}\n");
        assertFailed(crawl(crawler(TestServers.PATIENT.withMaxMessageBytes(1024)), big), big + " is 5,030 bytes, over the limit of 4,096 for a recorded file");
    }

    @Test
    void oneBadToolCostsThatToolNotTheFile() throws Exception {
        String deep = "{\"name\":\"deep\",\"inputSchema\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        Path file = Files.writeString(dir.resolve("tools.json"),
                "{\"tools\":[{\"name\":\"read_file\"}," + deep + ",{\"name\":\"write_file\"}]}");
        var crawled = assertInstanceOf(CrawlResult.Crawled.class, crawl(crawler(TestServers.PATIENT), file));
        assertEquals(List.of("read_file", "write_file"), crawled.tools().stream().map(Tool::name).toList());
        assertEquals(1, crawled.warnings().size());
        assertEquals(true, crawled.warnings().getFirst().startsWith("skipped the tool on line 1: not JSON: Document nesting depth (257)"),
                crawled.warnings().getFirst());
    }

    @Test
    void aFileWithoutAToolIsAFailureThatSaysWhy() throws Exception {
        Crawler crawler = crawler(TestServers.PATIENT);
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertFailed(crawl(crawler, empty), ToolReader.noTools(empty.toString()));
        Path none = Files.writeString(dir.resolve("none.json"), "{\"tools\": []}");
        assertFailed(crawl(crawler, none), ToolReader.noTools(none.toString()));
        Path nameless = Files.writeString(dir.resolve("nameless.jsonl"), "{\"description\":\"x\"}\n{\"description\":\"y\"}\n");
        assertFailed(crawl(crawler, nameless), "no tool could be read from " + nameless + ": on line 1: tool has no \"name\" (and 1 more)");
        Path text = Files.writeString(dir.resolve("text.json"), "hello");
        assertFailed(crawl(crawler, text), "no tool could be read from " + text
                + ": on line 1: not JSON: Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void everyPromisedShapeInAnyLayoutIsReadAndNoneWithoutAToolCountsAsCrawled() throws Exception {
        Crawler crawler = crawler(TestServers.PATIENT);
        for (ToolShapes.Shape shape : ToolShapes.all()) {
            Path file = Files.writeString(dir.resolve("tools.json"), shape.text());
            var crawled = assertInstanceOf(CrawlResult.Crawled.class, crawl(crawler, file), shape.name());
            assertEquals(ToolShapes.NAMES, crawled.tools().stream().map(Tool::name).toList(), shape.name());
            assertEquals(List.of(), crawled.warnings(), shape.name());
        }
        for (String none : ToolShapes.withoutTools()) {
            Path file = Files.writeString(dir.resolve("none.json"), none);
            assertFailed(crawl(crawler, file), ToolReader.noTools(file.toString()));
        }
    }
}
