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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refresh killed with {@code kill -9} at any moment leaves the live catalogue readable and as it was, and the
 * next refresh starts clean. The refresh runs as a real process of the CLI, killed at several points of its run.
 */
class RefreshKillTest {
    private static final int SERVERS = 200;
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

    private Process startRefresh() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.toolrisk.cli.ToolRiskCli",
                "refresh", "--servers", dir.resolve("servers.json").toString(), "--catalogue", dir.resolve("catalogue").toString(),
                "--full", "--concurrency", "4")
                .redirectErrorStream(true).redirectOutput(dir.resolve("refresh.log").toFile()).start();
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
    void killMinusNineAnywhereLeavesTheLiveCatalogueAsItWas() throws Exception {
        writeServers("v1");
        Process first = startRefresh();
        assertTrue(first.waitFor(3, TimeUnit.MINUTES), "the first refresh finishes");
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("refresh.log")));
        var store = new CatalogueStore(dir.resolve("catalogue"));
        Live before = live(store);
        assertEquals(SERVERS * TOOLS_PER_SERVER, before.snapshotTools());
        assertEquals(before.snapshotTools(), before.indexedTools());

        writeServers("v2");
        List<Long> killedAfter = new ArrayList<>();
        for (long delay : new long[] {800, 1600, 2400, 3200, 4000, 5000}) {
            Process refresh = startRefresh();
            boolean finished = refresh.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                refresh.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
                killedAfter.add(delay);
                Live now = live(store);
                if (!now.id().equals(before.id())) {
                    // Killed after it had switched `current` (while its JVM was exiting, say): the new catalogue
                    // must then be whole. Either way the live catalogue is a complete one.
                    assertEquals(SERVERS * TOOLS_PER_SERVER, now.snapshotTools(), "killed after " + delay + " ms");
                    assertEquals(now.snapshotTools(), now.indexedTools(), "killed after " + delay + " ms");
                    break;
                }
                assertEquals(before, now, "killed after " + delay + " ms; log: " + Files.readString(dir.resolve("refresh.log")));
            } else {
                break; // the machine was fast enough to finish; the kills before this one count
            }
        }
        assertFalse(killedAfter.isEmpty(), "at least one refresh was killed mid-way");

        Process last = startRefresh();
        assertTrue(last.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("refresh.log")));
        Live after = live(store);
        assertFalse(after.id().equals(before.id()), "the next refresh makes a new snapshot live");
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
