package io.toolrisk.catalogue.store;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.DefinitionHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-25T13:00:00Z");

    @TempDir
    Path dir;

    static ServerRecord server(String id, String... tools) {
        List<CataloguedTool> catalogued = new ArrayList<>();
        for (String name : tools) {
            Tool tool = Tool.of(name, "does " + name);
            catalogued.add(DefinitionHash.catalogued(tool, new RiskProfile(Optional.of(id), name, Category.WRITE, 0.8,
                    List.of(), List.of(), List.of(), "test")));
        }
        return new ServerRecord(id, "file: " + id + ".json", "1.0", NOW,
                new CrawlStatus.Crawled(new ServerInfo(id, Optional.empty(), "1.0", "2025-11-25", null, Optional.empty())),
                catalogued);
    }

    private String writeSnapshot(CatalogueStore store, Instant at, ServerRecord... servers) throws IOException {
        String id = store.newSnapshotId(at);
        try (SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(id, at, "test", store.currentId()))) {
            for (ServerRecord server : servers) writer.write(server);
            writer.commit();
        }
        return id;
    }

    @Test
    void snapshotRoundTripsServerByServer() throws IOException {
        var store = new CatalogueStore(dir);
        ServerRecord failed = new ServerRecord("broken", "stdio: x", "", NOW, new CrawlStatus.Failed("initialize", "timed out after 30s"), List.of());
        ServerRecord locked = new ServerRecord("locked", "url: https://x", "", NOW, new CrawlStatus.NeedsCredentials(List.of("TOKEN")), List.of());
        String id = writeSnapshot(store, NOW, server("alpha", "create_page", "get_page"), failed, locked);
        assertEquals("20261125T130000Z", id);
        try (SnapshotReader reader = store.openSnapshot(id)) {
            assertEquals("test", reader.header().ruleset());
            List<ServerRecord> read = new ArrayList<>();
            reader.forEach(read::add);
            assertEquals(List.of(server("alpha", "create_page", "get_page"), failed, locked), read);
        }
    }

    @Test
    void skimmingReadsOnlyTheWantedServersAndNamesTheOthers() throws IOException {
        var store = new CatalogueStore(dir);
        ServerRecord failed = new ServerRecord("broken", "stdio: x", "", NOW, new CrawlStatus.Failed("initialize", "timed out after 30s"), List.of());
        String id = writeSnapshot(store, NOW, server("alpha", "create_page", "get_page"), failed, server("gamma", "run"));
        try (SnapshotReader reader = store.openSnapshot(id)) {
            List<SnapshotReader.SkimmedServer> skimmed = new ArrayList<>();
            reader.skim(s -> !s.equals("alpha")).forEachRemaining(skimmed::add);
            assertEquals(List.of(new SnapshotReader.SkimmedServer("alpha", Optional.empty()),
                    new SnapshotReader.SkimmedServer("broken", Optional.of(failed)),
                    new SnapshotReader.SkimmedServer("gamma", Optional.of(server("gamma", "run")))), skimmed);
        }
    }

    @Test
    void serverListRoundTrips() throws IOException {
        var store = new CatalogueStore(dir);
        assertEquals(Optional.empty(), store.readServerList("20261125T130000Z"));
        var summaries = List.of(ServerSummary.of(server("alpha", "a", "b")));
        store.writeServerList("20261125T130000Z", summaries);
        assertEquals(Optional.of(summaries), store.readServerList("20261125T130000Z"));
        assertEquals(2, summaries.get(0).tools());
        assertEquals(List.of(), store.snapshotIds(), "a server list is not a snapshot");
    }

    @Test
    void cursorReadsSkipsAndCopiesServersVerbatim() throws IOException {
        var store = new CatalogueStore(dir);
        ServerRecord failed = new ServerRecord("b-broken", "stdio: x", "", NOW, new CrawlStatus.Failed("list", "error -32603"), List.of());
        String first = writeSnapshot(store, NOW, server("a-alpha", "create_page", "get_page"), failed, server("c-gamma", "t"));
        String second = store.newSnapshotId(NOW.plusSeconds(1));
        try (SnapshotReader reader = store.openSnapshot(first);
             SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(second, NOW.plusSeconds(1), "test", Optional.of(first)))) {
            SnapshotReader.Cursor cursor = reader.cursor();
            assertEquals(Optional.of("a-alpha"), cursor.peekId());
            assertEquals(Optional.of("a-alpha"), cursor.peekId(), "peeking does not move");
            cursor.copyTo(writer);
            cursor.skip();
            assertEquals(server("c-gamma", "t"), cursor.read());
            assertEquals(Optional.empty(), cursor.peekId());
            writer.commit();
        }
        try (SnapshotReader reader = store.openSnapshot(second)) {
            List<ServerRecord> read = new ArrayList<>();
            reader.forEach(read::add);
            assertEquals(List.of(server("a-alpha", "create_page", "get_page")), read);
        }
    }

    @Test
    void uncommittedSnapshotLeavesNothingBehind() throws IOException {
        var store = new CatalogueStore(dir);
        String id = store.newSnapshotId(NOW);
        try (SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(id, NOW, "test", Optional.empty()))) {
            writer.write(server("alpha", "a"));
        }
        assertEquals(List.of(), store.snapshotIds());
        assertFalse(Files.exists(store.snapshotFile(id)));
        try (var files = Files.list(dir.resolve("snapshots"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void currentSwitchesOnlyToACompleteSnapshot() throws IOException {
        var store = new CatalogueStore(dir);
        assertEquals(Optional.empty(), store.currentId());
        String first = writeSnapshot(store, NOW, server("alpha", "a"));
        store.switchCurrent(first);
        assertEquals(Optional.of(first), store.currentId());
        var e = assertThrows(IOException.class, () -> store.switchCurrent("20261125T140000Z"));
        assertTrue(e.getMessage().startsWith("cannot switch to snapshot 20261125T140000Z"), e.getMessage());
        assertEquals(Optional.of(first), store.currentId());
    }

    @Test
    void idsWithinOneSecondAreDistinctAndOrdered() throws IOException {
        var store = new CatalogueStore(dir);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) ids.add(writeSnapshot(store, NOW, server("alpha", "a")));
        assertEquals("20261125T130000Z-11", ids.get(10));
        assertEquals(ids, store.snapshotIds());
    }

    /** Four refreshes: the second was killed after writing its snapshot, before making it live. */
    private List<String> threeLiveAndOneKilled(CatalogueStore store) throws IOException {
        String first = writeSnapshot(store, NOW, server("a", "x"));
        store.switchCurrent(first);
        String killed = writeSnapshot(store, NOW.plusSeconds(60), server("a", "x"));
        Files.writeString(store.changesFile(killed), "{}");
        Files.createDirectories(store.indexDir(killed));
        String third = writeSnapshot(store, NOW.plusSeconds(120), server("a", "x"));
        store.switchCurrent(third);
        String fourth = writeSnapshot(store, NOW.plusSeconds(180), server("a", "x"));
        store.switchCurrent(fourth);
        return List.of(first, killed, third, fourth);
    }

    @Test
    void liveSnapshotsAreTheCurrentOneAndThoseCurrentBeforeIt() throws IOException {
        var store = new CatalogueStore(dir);
        List<String> ids = threeLiveAndOneKilled(store);
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(0)), store.liveSnapshotIds());
        assertEquals(ids, store.snapshotIds(), "the killed refresh's snapshot is complete, but never went live");
    }

    @Test
    void pruneKeepsTheNewestThatWentLiveAndDropsOneThatNeverDid() throws IOException {
        var store = new CatalogueStore(dir);
        List<String> ids = threeLiveAndOneKilled(store);
        store.prune(2);
        assertEquals(List.of(ids.get(2), ids.get(3)), store.snapshotIds());
        assertFalse(Files.exists(store.changesFile(ids.get(1))));
        assertFalse(Files.exists(store.indexDir(ids.get(1))));
    }

    @Test
    void snapshotsWrittenAfterTheCurrentOneDoNotCountForKeep() throws IOException {
        var store = new CatalogueStore(dir);
        String live = writeSnapshot(store, NOW, server("a", "x"));
        store.switchCurrent(live);
        writeSnapshot(store, NOW.plusSeconds(60), server("a", "x"));
        writeSnapshot(store, NOW.plusSeconds(120), server("a", "x"));
        store.prune(1);
        assertEquals(List.of(live), store.snapshotIds());
    }

    @Test
    void removeIncompleteDeletesASnapshotThatNeverWentLive() throws IOException {
        var store = new CatalogueStore(dir);
        List<String> ids = threeLiveAndOneKilled(store);
        store.removeIncomplete();
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(3)), store.snapshotIds());
        assertFalse(Files.exists(store.changesFile(ids.get(1))));
        assertFalse(Files.exists(store.indexDir(ids.get(1))));
    }

    @Test
    void anUnreadableSnapshotEndsTheLiveOnesAndNothingBeforeItIsDeletedForIt() throws IOException {
        var store = new CatalogueStore(dir);
        List<String> ids = threeLiveAndOneKilled(store);
        Files.writeString(store.snapshotFile(ids.get(2)), "{\"format\":\"broken\"");
        assertEquals(List.of(ids.get(3), ids.get(2)), store.liveSnapshotIds());
        store.removeIncomplete();
        assertEquals(ids, store.snapshotIds());
    }

    @Test
    void removeIncompleteDeletesOrphanIndexesButNotTheCurrentOne() throws IOException {
        var store = new CatalogueStore(dir);
        String id = writeSnapshot(store, NOW, server("a", "x"));
        store.switchCurrent(id);
        Files.createDirectories(store.indexDir(id));
        Files.createDirectories(store.indexDir("20261125T150000Z"));
        Files.writeString(dir.resolve("snapshots").resolve("20261125T150000Z.json.tmp"), "{");
        store.removeIncomplete();
        assertTrue(Files.isDirectory(store.indexDir(id)));
        assertFalse(Files.exists(store.indexDir("20261125T150000Z")));
        assertFalse(Files.exists(dir.resolve("snapshots").resolve("20261125T150000Z.json.tmp")));
    }

    @Test
    void corruptSnapshotIsAClearError() throws IOException {
        var store = new CatalogueStore(dir);
        Files.createDirectories(dir.resolve("snapshots"));
        Files.writeString(store.snapshotFile("20261125T130000Z"), "{\"format\":\"other\",\"servers\":[]}");
        var e = assertThrows(IOException.class, () -> store.openSnapshot("20261125T130000Z"));
        assertTrue(e.getMessage().contains("format is 'other', expected 'toolrisk-snapshot/1'"), e.getMessage());
    }

    @Test
    void deletingATreeRemovesLinksWithoutFollowingThemAndOpensUpUnreadableFolders() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("keep.txt"), "mine");
        Path tree = Files.createDirectories(dir.resolve("tree/locked/deep"));
        Files.writeString(tree.resolve("f.txt"), "x");
        Files.createSymbolicLink(dir.resolve("tree/link-to-outside"), outside.getParent());
        Files.setPosixFilePermissions(dir.resolve("tree/locked"), PosixFilePermissions.fromString("---------"));

        CatalogueStore.deleteTree(dir.resolve("tree"));

        assertFalse(Files.exists(dir.resolve("tree"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("mine", Files.readString(outside), "what a link pointed at is left alone");
        CatalogueStore.deleteTree(dir.resolve("tree")); // missing is fine
    }
}
