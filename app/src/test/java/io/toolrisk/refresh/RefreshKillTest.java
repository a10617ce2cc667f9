package io.toolrisk.refresh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotReader;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refresh killed with {@code kill -9} at any moment leaves the live catalogue readable and whole: as it was when
 * killed before the new snapshot went live, the new one after. The next refresh starts clean. The refresh runs as a
 * real process of the CLI, killed at each {@link RefreshStage} of its run: points it reaches, whatever the machine's
 * speed.
 */
class RefreshKillTest {
    // Small: the kills wait for stages, not for a run long enough that a delay lands inside it.
    private static final int SERVERS = 50;
    private static final int TOOLS_PER_SERVER = 40;

    @TempDir
    Path dir;

    private static final String[] VERBS = {"get", "list", "create", "update", "delete", "run", "send", "search", "refund", "archive"};
    private static final String[] NOUNS = {"file", "issue", "invoice", "message", "pod", "repository", "customer", "table", "page", "job"};

    /** Recorded servers of generated tools: every verb and noun, a schema, a description that says what it does. */
    private void writeServers(String generation) throws IOException {
        var entries = Json.MAPPER.createArrayNode();
        for (int s = 0; s < SERVERS; s++) {
            var tools = Json.MAPPER.createArrayNode();
            for (int t = 0; t < TOOLS_PER_SERVER; t++) {
                String verb = VERBS[(s + t) % VERBS.length];
                String noun = NOUNS[t % NOUNS.length];
                ObjectNode tool = tools.addObject();
                tool.put("name", verb + "_" + noun + "_" + t);
                tool.put("description", "%s the %s named in the arguments (%s, server %d).".formatted(
                        Character.toUpperCase(verb.charAt(0)) + verb.substring(1), noun, generation, s));
                ObjectNode schema = tool.putObject("inputSchema").put("type", "object");
                schema.putObject("properties").putObject(noun + "_id").put("type", "string").put("description", "The " + noun);
            }
            String id = "server-%03d".formatted(s);
            Files.write(dir.resolve(id + ".json"), Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().set("tools", tools)));
            entries.addObject().put("id", id).put("file", id + ".json");
        }
        Files.write(dir.resolve("servers.json"), Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().set("servers", entries)));
    }

    private RefreshProcess refresh() throws IOException {
        return RefreshProcess.start(dir.resolve("refresh.log"), args());
    }

    private RefreshProcess refreshStoppedAt(RefreshStage stage, Path marker) throws IOException {
        return RefreshProcess.stoppedAt(stage, marker, dir.resolve("refresh.log"), args());
    }

    private String[] args() {
        return new String[] {"--servers", dir.resolve("servers.json").toString(), "--catalogue", dir.resolve("catalogue").toString(),
                "--full", "--concurrency", "4"};
    }

    private record Live(String id, String snapshotSha, long indexedTools, long snapshotTools) {
    }

    private Live live(CatalogueStore store) throws Exception {
        String id = store.currentId().orElseThrow();
        long snapshotTools = 0;
        try (SnapshotReader reader = store.openSnapshot(id)) {
            for (var server : reader) snapshotTools += server.tools().size();
        }
        long indexed;
        try (ToolSearcher searcher = ToolSearcher.open(store.indexDir(id))) {
            indexed = searcher.info().tools();
            assertTrue(searcher.search(ToolQuery.text("delete")).total() > 0, "the index answers queries");
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(store.snapshotFile(id))));
        return new Live(id, sha, indexed, snapshotTools);
    }

    @Test
    void killMinusNineAtEveryStageLeavesTheLiveCatalogueWholeAndTheNextRunStartsClean() throws Exception {
        writeServers("v1");
        refresh().assertSucceeds();
        var store = new CatalogueStore(dir.resolve("catalogue"));
        Live live = live(store);
        assertEquals(SERVERS * TOOLS_PER_SERVER, live.snapshotTools());
        assertEquals(live.snapshotTools(), live.indexedTools());

        writeServers("v2");
        for (RefreshStage stage : RefreshStage.values()) {
            Path marker = dir.resolve("reached-" + stage);
            RefreshProcess refresh = refreshStoppedAt(stage, marker);
            refresh.awaitStage(marker);
            refresh.kill();
            Live now = live(store);
            if (stage.compareTo(RefreshStage.LIVE) < 0) {
                assertEquals(live, now, "killed at " + stage + ": the live catalogue is as it was; " + refresh.log());
            } else {
                // Killed once it had switched `current`: the new catalogue is live, and whole.
                assertNotEquals(live.id(), now.id(), "killed at " + stage);
                assertEquals(SERVERS * TOOLS_PER_SERVER, now.snapshotTools(), "killed at " + stage);
                assertEquals(now.snapshotTools(), now.indexedTools(), "killed at " + stage);
                live = now;
            }
        }

        refresh().assertSucceeds();
        Live after = live(store);
        assertNotEquals(live.id(), after.id(), "the next refresh makes a new snapshot live");
        assertEquals(after.snapshotTools(), after.indexedTools());
        try (Stream<Path> leftovers = Files.walk(store.dir())) {
            assertEquals(List.of(), leftovers.map(p -> store.dir().relativize(p).toString())
                    .filter(p -> p.endsWith(".tmp") || p.startsWith("spool") || p.startsWith("policies.next")).toList());
        }
        try (Stream<Path> indexes = Files.list(store.dir().resolve("index"))) {
            List<String> ids = store.snapshotIds();
            indexes.forEach(index -> assertTrue(ids.contains(index.getFileName().toString()), "no orphan index " + index));
        }
        assertEquals(Optional.of(after.id()), store.currentId());
    }
}
