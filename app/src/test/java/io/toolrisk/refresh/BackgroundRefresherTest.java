package io.toolrisk.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.api.SearchApi;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.stdio.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code serve} does on a fresh machine: serve at once, empty and saying why, then switch without a restart. */
class BackgroundRefresherTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private RefreshJob job() throws Exception {
        Files.writeString(dir.resolve("servers.json"), "{\"servers\": [{\"id\": \"notes\", \"file\": \"notes.jsonl\"}]}");
        Files.writeString(dir.resolve("notes.jsonl"), """
                {"name": "list_notes", "description": "Lists the titles of all notes."}
                {"name": "delete_note", "description": "Deletes a note. This cannot be undone."}
                """);
        var options = new RefreshOptions(Optional.of(dir.resolve("servers.json")), List.of(), dir.resolve("catalogue"), 2,
                Set.of(), false, Duration.ofHours(24), 5, CrawlLimits.DEFAULT, dir.resolve("cache"), Sandbox.DEFAULT);
        return new RefreshJob(options, Classifier.bundled(), Clock.systemUTC(), new PrintStream(log, true), Map.of());
    }

    private HttpResponse<String> get(Javalin app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesAtOnceWhileTheFirstRefreshRunsThenSwitchesToIt() throws Exception {
        RefreshJob job = job();
        var store = new CatalogueStore(dir.resolve("catalogue"));
        var release = new CountDownLatch(1);
        try (LiveIndex view = LiveIndex.open(store)) {
            var refresher = new BackgroundRefresher(view, progress -> {
                release.await();
                return job.run();
            }, new PrintStream(log, true));
            Javalin app = SearchApi.create(view).start("127.0.0.1", 0);
            try {
                assertTrue(refresher.start("first refresh running"));
                assertFalse(refresher.start("again"), "an overlapping refresh is skipped");

                JsonNode empty = Json.MAPPER.readTree(get(app, "/api/v1/stats").body());
                assertEquals("empty", empty.path("state").asText());
                assertEquals("first refresh running", empty.path("message").asText());
                HttpResponse<String> page = get(app, "/");
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("first refresh running"), page.body());
                assertEquals(200, get(app, "/api/v1/tools?q=note").statusCode());

                release.countDown();
                JsonNode ready = awaitReady(app);
                assertEquals(2, ready.path("tools").path("total").asInt());
                assertFalse(ready.has("message"), "the status is cleared once the catalogue is there");
                JsonNode hits = Json.MAPPER.readTree(get(app, "/api/v1/tools?q=delete").body());
                assertEquals("delete_note", hits.path("items").get(0).path("tool").asText());
            } finally {
                release.countDown();
                app.stop();
            }
        }
    }

    @Test
    void failedFirstRefreshSaysSoOnTheEmptyCatalogue() throws Exception {
        var store = new CatalogueStore(dir.resolve("catalogue"));
        try (LiveIndex view = LiveIndex.open(store)) {
            var refresher = new BackgroundRefresher(view, progress -> {
                throw new IOException("servers file not found: data/servers.json");
            }, new PrintStream(log, true));
            refresher.start("first refresh running");
            // Its thread sets the status, then says it no longer runs; a minute is only for a machine that never ran it.
            for (int i = 0; i < 3000 && refresher.running(); i++) TimeUnit.MILLISECONDS.sleep(20);
            assertFalse(refresher.running(), "the refresh ended");
            assertEquals(Optional.of("the first refresh failed: servers file not found: data/servers.json. "
                    + "Run ./toolrisk refresh to see the whole report."), view.status());
        }
    }

    @Test
    void theFirstRefreshShowsItsLatestProgressLineUnderItsStatus() throws Exception {
        var store = new CatalogueStore(dir.resolve("catalogue"));
        var reached = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (LiveIndex view = LiveIndex.open(store)) {
            var refresher = new BackgroundRefresher(view, progress -> {
                progress.println("refresh: 19 servers: crawling 19, carrying over 0");
                progress.println("refresh: 3/19 servers crawled (0 failed), 120 tools, 0:04 elapsed, ETA 0:21");
                reached.countDown();
                release.await();
                throw new IOException("stopped by the test");
            }, new PrintStream(log, true));
            refresher.start("first refresh running");
            assertTrue(reached.await(30, TimeUnit.SECONDS));
            assertEquals(Optional.of("first refresh running\n3/19 servers crawled (0 failed), 120 tools, 0:04 elapsed, ETA 0:21"),
                    view.status());
            assertTrue(log.toString().contains("refresh: 3/19 servers crawled"), "the lines still reach the log: " + log);
            release.countDown();
            for (int i = 0; i < 1500 && refresher.running(); i++) TimeUnit.MILLISECONDS.sleep(20);
            assertEquals(Optional.of("the first refresh failed: stopped by the test. Run ./toolrisk refresh to see the whole report."),
                    view.status());
        }
    }

    private JsonNode awaitReady(Javalin app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            JsonNode stats = Json.MAPPER.readTree(get(app, "/api/v1/stats").body());
            if (stats.path("state").asText().equals("ready")) return stats;
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("the catalogue never became ready; log: " + log);
    }

    @Test
    void aFailureWithoutAMessageIsReportedByItsKindNeverAsNull() {
        assertEquals("IOException", BackgroundRefresher.reason(new IOException()));
        assertEquals("disk full", BackgroundRefresher.reason(new IOException("disk full")));
        assertEquals("IllegalStateException", BackgroundRefresher.reason(new IllegalStateException(" ")));
    }
}
