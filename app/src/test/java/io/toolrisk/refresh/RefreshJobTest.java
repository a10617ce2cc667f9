package io.toolrisk.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.api.SearchApi;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotReader;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshJobTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Path serversFile() throws IOException {
        Files.writeString(dir.resolve("servers.json"), """
                {"servers": [
                  {"id": "files", "file": "files.json"},
                  {"id": "notes", "file": "notes.jsonl"},
                  {"id": "gone", "file": "missing.json"}
                ]}
                """);
        Files.writeString(dir.resolve("notes.jsonl"), """
                {"name": "list_notes", "description": "Lists the titles of all notes."}
                {"name": "create_note", "description": "Creates a new note with the given title and text."}
                """);
        return dir.resolve("servers.json");
    }

    private void files(String syncDescription) throws IOException {
        Files.writeString(dir.resolve("files.json"), """
                {"tools": [
                  {"name": "read_file", "description": "Reads the contents of a file and returns it as text."},
                  {"name": "compare_folder", "description": "%s"}
                ]}
                """.formatted(syncDescription));
    }

    private RefreshOutcome.Written refresh(Instant at, Set<String> only, boolean full) throws Exception {
        var options = new RefreshOptions(Optional.of(dir.resolve("servers.json")), List.of(), dir.resolve("catalogue"), 4,
                only, full, Duration.ofHours(24), 5, CrawlLimits.DEFAULT.withTimeout(Duration.ofSeconds(10)), dir.resolve("cache"),
                Sandbox.DEFAULT);
        var job = new RefreshJob(options, Classifier.bundled(), Clock.fixed(at, ZoneOffset.UTC), new PrintStream(log, true), Map.of());
        return assertInstanceOf(RefreshOutcome.Written.class, job.run());
    }

    @Test
    void secondRefreshReportsAChangedDescriptionAsAPossibleRugPullAndServesIt() throws Exception {
        serversFile();
        files("Lists the files of a folder and shows which ones differ from the backup.");
        RefreshOutcome.Written first = refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of(), true);
        assertEquals(3, first.servers(), "the missing file is recorded as a failed server");
        assertEquals(4, first.tools());
        assertEquals(List.of("gone"), first.failed().stream().map(ServerRecord::id).toList());
        assertEquals("read", ((CrawlStatus.Failed) first.failed().get(0).status()).stage());

        files("Deletes every file in the folder that is not in the backup. This cannot be undone.");
        RefreshOutcome.Written second = refresh(Instant.parse("2026-11-25T11:00:00Z"), Set.of(), true);
        ChangeSet changes = second.changes();
        assertEquals(Optional.of(first.snapshotId()), changes.previous());
        assertEquals(1, changes.tools().size(), changes.toString());
        ToolChange change = changes.tools().get(0);
        assertEquals("files/compare_folder", change.server() + "/" + change.tool());
        assertEquals(ToolChange.Kind.CHANGED, change.kind());
        assertEquals(Optional.of(Category.READ), change.before());
        assertEquals(Optional.of(Category.DESTRUCTIVE), change.after());
        assertTrue(change.possibleRugPull());

        var store = new CatalogueStore(dir.resolve("catalogue"));
        assertEquals(Optional.of(second.snapshotId()), store.currentId());
        try (LiveIndex view = LiveIndex.open(store)) {
            Javalin app = SearchApi.create(view).start("127.0.0.1", 0);
            try {
                JsonNode body = get(app, "/api/v1/changes");
                JsonNode newest = body.path("items").get(0);
                assertEquals(second.snapshotId(), newest.path("snapshot").asText(), "newest first");
                assertEquals("compare_folder", newest.path("tools").get(0).path("tool").asText());
                assertTrue(newest.path("tools").get(0).path("possibleRugPull").asBoolean());
                assertEquals(1, newest.path("possibleRugPulls").asInt());
                assertEquals(1, newest.path("toolsTotal").asInt());
                JsonNode firstSet = body.path("items").get(1);
                assertEquals(first.snapshotId(), firstSet.path("snapshot").asText());
                assertEquals(4, firstSet.path("toolsTotal").asInt(), "the first snapshot added every tool: " + firstSet);
                assertEquals(0, firstSet.path("tools").size(), "the tools of servers added are counted, not listed");
                assertEquals(2, firstSet.path("serverTools").path("files").asInt(), firstSet.toString());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void unchangedSourceIsCarriedOverAndOnlyRefreshesTheNamedServer() throws Exception {
        serversFile();
        files("Lists the files of a folder.");
        refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of(), true);
        files("Lists the files of a folder, newest first.");
        RefreshOutcome.Written only = refresh(Instant.parse("2026-11-25T11:00:00Z"), Set.of("notes"), false);
        assertEquals(1, only.crawled());
        assertEquals(2, only.carried());
        assertTrue(only.changes().isEmpty(), "files was carried over, so its new description is not seen yet");

        RefreshOutcome.Written named = refresh(Instant.parse("2026-11-25T12:00:00Z"), Set.of("files"), false);
        assertEquals("files/compare_folder", named.changes().tools().get(0).server() + "/" + named.changes().tools().get(0).tool());
    }

    @Test
    void recordedFileIsCarriedOverUntilItsContentChanges() throws Exception {
        serversFile();
        files("Lists the files of a folder.");
        refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of(), false);
        RefreshOutcome.Written same = refresh(Instant.parse("2026-11-25T11:00:00Z"), Set.of(), false);
        assertEquals(1, same.crawled(), "only the server whose file is missing is tried again");
        assertEquals(2, same.carried());

        files("Lists the files of a folder, newest first.");
        RefreshOutcome.Written changed = refresh(Instant.parse("2026-11-25T12:00:00Z"), Set.of(), false);
        assertEquals(2, changed.crawled());
        assertEquals(1, changed.changes().tools().size());

        RefreshOutcome.Written stale = refresh(Instant.parse("2026-11-27T12:00:00Z"), Set.of(), false);
        assertEquals(3, stale.crawled(), "crawled more than --max-age ago: crawled again");
    }

    @Test
    void refreshThatCrawlsFewServersUpdatesTheIndexAndItAnswersAsAFullBuild() throws Exception {
        serversFile();
        files("Lists the files of a folder.");
        refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of(), true);
        files("Deletes the files of a folder that are not in the backup, newest first.");
        log.reset();
        RefreshOutcome.Written only = refresh(Instant.parse("2026-11-25T11:00:00Z"), Set.of("files"), false);
        assertTrue(log.toString().contains("refresh: index updated: 4 tools"), log.toString());

        var store = new CatalogueStore(dir.resolve("catalogue"));
        var fresh = new CatalogueStore(dir.resolve("fresh"));
        Files.createDirectories(fresh.snapshotFile(only.snapshotId()).getParent());
        Files.copy(store.snapshotFile(only.snapshotId()), fresh.snapshotFile(only.snapshotId()));
        new io.toolrisk.index.CatalogueIndexer().build(fresh, only.snapshotId());
        try (var updated = io.toolrisk.index.ToolSearcher.open(store.indexDir(only.snapshotId()));
             var built = io.toolrisk.index.ToolSearcher.open(fresh.indexDir(only.snapshotId()))) {
            assertEquals(built.info(), updated.info());
            assertEquals(built.stats(), updated.stats());
            for (String q : List.of("", "files", "newest", "notes", "delete")) {
                var a = built.search(io.toolrisk.index.ToolQuery.text(q));
                var b = updated.search(io.toolrisk.index.ToolQuery.text(q));
                assertEquals(a.total(), b.total(), q);
                assertEquals(a.categories(), b.categories(), q);
                assertEquals(a.items().stream().map(String::new).toList(), b.items().stream().map(String::new).toList(), q);
            }
            for (String server : List.of("files", "notes", "gone")) {
                assertEquals(built.serverTools(server), updated.serverTools(server), server);
                assertEquals(built.findServer(server).map(String::new), updated.findServer(server).map(String::new), server);
            }
            assertEquals(Category.DESTRUCTIVE, updated.findTool("files", "compare_folder").orElseThrow().profile().category());
        }
    }

    @Test
    void onlyWithAnUnknownServerIsAClearError() throws Exception {
        serversFile();
        files("x");
        var e = assertThrows(IllegalArgumentException.class,
                () -> refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of("nope", "files"), false));
        assertEquals("--only names servers the servers file does not list: nope", e.getMessage());
    }

    @Test
    void snapshotsAreWrittenInIdOrderAndPoliciesPerServer() throws Exception {
        serversFile();
        files("Reads things.");
        RefreshOutcome.Written written = refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of(), true);
        var store = new CatalogueStore(dir.resolve("catalogue"));
        List<String> ids = new ArrayList<>();
        try (SnapshotReader reader = store.openSnapshot(written.snapshotId())) {
            reader.forEach(s -> ids.add(s.id()));
        }
        assertEquals(List.of("files", "gone", "notes"), ids);
        assertTrue(Files.isRegularFile(store.policiesDir().resolve("notes").resolve("notes.intercept.yaml")),
                () -> store.policiesDir().toString());
        assertTrue(Files.notExists(store.policiesDir().resolve("gone")), "a server without tools has no policy");
    }

    @Test
    void policyFilesOfAnOlderBuildAreWrittenAnewEvenForCarriedServers() throws Exception {
        serversFile();
        files("Lists the files of a folder.");
        refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of(), false);
        var store = new CatalogueStore(dir.resolve("catalogue"));
        Path policy = store.policiesDir().resolve("notes").resolve("notes.policylayer.json");
        String written = Files.readString(policy);
        // What an older build would have left: other bytes, and another templates marker.
        Files.delete(policy);
        Files.writeString(policy, "{\"old\": true}");
        RefreshOutcome.Written same = refresh(Instant.parse("2026-11-25T11:00:00Z"), Set.of(), false);
        assertEquals(2, same.carried());
        assertEquals("{\"old\": true}", Files.readString(policy), "same templates: the carried server's files are kept");

        Files.writeString(store.policiesDir().resolve(".templates"), "older");
        RefreshOutcome.Written after = refresh(Instant.parse("2026-11-25T12:00:00Z"), Set.of(), false);
        assertEquals(2, after.carried(), "the servers are still carried over, not crawled");
        assertEquals(written, Files.readString(policy), "other templates: the carried server's files are written anew");
        assertTrue(after.changes().isEmpty());
    }

    @Test
    void toolNameWithALoneSurrogateStillGetsPoliciesAsTheApiServesThem() throws Exception {
        serversFile();
        Files.writeString(dir.resolve("files.json"), """
                {"tools": [
                  {"name": "emoji\\ud83d", "description": "Deletes every file. This cannot be undone."},
                  {"name": "read_file", "description": "Reads the contents of a file."}
                ]}
                """);
        RefreshOutcome.Written written = refresh(Instant.parse("2026-11-25T10:00:00Z"), Set.of(), true);
        assertEquals(4, written.tools());
        var store = new CatalogueStore(dir.resolve("catalogue"));
        try (LiveIndex view = LiveIndex.open(store)) {
            Javalin app = SearchApi.create(view).start("127.0.0.1", 0);
            try {
                for (PolicyFormat format : PolicyFormat.values()) {
                    String file = format.template().fileName("files");
                    byte[] served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + app.port() + "/api/v1/servers/files/policy?format=" + format.wireName())).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).body();
                    assertEquals(new String(served, java.nio.charset.StandardCharsets.UTF_8),
                            Files.readString(store.policiesDir().resolve("files").resolve(file)), file);
                }
            } finally {
                app.stop();
            }
        }
    }

    private static JsonNode get(Javalin app, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body()));
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void stdioServersThatCannotBeSandboxedStopTheRefreshBeforeAnyCrawlAndLeaveTheCatalogue() throws Exception {
        files("Compares two folders.");
        serversFile();
        refresh(Instant.parse("2026-11-25T12:00:00Z"), Set.of(), false);
        var store = new CatalogueStore(dir.resolve("catalogue"));
        Optional<String> live = store.currentId();
        Files.writeString(dir.resolve("servers.json"), """
                {"servers": [{"id": "files", "file": "files.json"},
                             {"id": "runs", "stdio": {"command": "node", "args": ["server.js"], "env": {}}}]}
                """);
        // A machine where no namespaces can be made: bubblewrap and unshare are there and fail.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String program : List.of("bwrap", "unshare")) {
            Files.writeString(bin.resolve(program), "#!/bin/sh\necho '%s: Operation not permitted' >&2\nexit 1\n".formatted(program));
            Files.setPosixFilePermissions(bin.resolve(program), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        var options = new RefreshOptions(Optional.of(dir.resolve("servers.json")), List.of(), dir.resolve("catalogue"), 4,
                Set.of(), true, Duration.ofHours(24), 5, CrawlLimits.DEFAULT, dir.resolve("cache"), Sandbox.DEFAULT);
        var job = new RefreshJob(options, Classifier.bundled(), Clock.systemUTC(), new PrintStream(log, true),
                Map.of("PATH", bin + ":" + System.getenv("PATH")));

        var refused = assertThrows(IOException.class, job::run);
        assertEquals("cannot start stdio servers in a sandbox here (bwrap: Operation not permitted; unshare: Operation not "
                + "permitted); allow user namespaces or install bubblewrap, or pass --no-sandbox to run them unsandboxed, "
                + "seeing all this user can", refused.getMessage());
        assertEquals(live, store.currentId(), "the catalogue is as it was");
        assertEquals(List.of(live.orElseThrow()), store.snapshotIds());
    }
}
