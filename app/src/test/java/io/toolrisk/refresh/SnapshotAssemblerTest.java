package io.toolrisk.refresh;

import io.toolrisk.catalogue.CatalogueDiff;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.DefinitionHash;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotHeader;
import io.toolrisk.catalogue.store.SnapshotReader;
import io.toolrisk.catalogue.store.SnapshotWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SnapshotAssemblerTest {
    private static final Instant T1 = Instant.parse("2026-11-25T13:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-25T14:00:00Z");

    @TempDir
    Path dir;

    private static ServerRecord crawled(String id, Instant at, String... tools) {
        List<CataloguedTool> list = Arrays.stream(tools).map(name -> DefinitionHash.catalogued(Tool.of(name, "d"),
                new RiskProfile(Optional.of(id), name, Category.READ, 0.9, List.of(), List.of(), List.of(), "r"))).toList();
        return new ServerRecord(id, "file: x", "1", at,
                new CrawlStatus.Crawled(new ServerInfo(id, Optional.empty(), "1", "2025-11-25", null, Optional.empty())), list);
    }

    private static ServerRecord failed(String id, Instant at) {
        return new ServerRecord(id, "stdio: x", "", at, new CrawlStatus.Failed("initialize", "timed out"), List.of());
    }

    private record Result(List<ServerRecord> servers, ChangeSet changes, List<String> events) {
    }

    private Result assemble(List<ServerRecord> previous, Set<String> carried, ServerRecord... crawled) throws IOException {
        return assemble(previous, carried, Optional.empty(), crawled);
    }

    private Result assemble(List<ServerRecord> previous, Set<String> carried, Optional<UnaryOperator<ServerRecord>> carryOver,
                            ServerRecord... crawled) throws IOException {
        var store = new CatalogueStore(dir.resolve("catalogue-" + System.nanoTime()));
        String before = store.newSnapshotId(T1);
        try (SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(before, T1, "r", Optional.empty()))) {
            for (ServerRecord server : previous) writer.write(server);
            writer.commit();
        }
        String id = store.newSnapshotId(T2);
        var diff = new CatalogueDiff(id, Optional.of(before), T2);
        List<String> events = new ArrayList<>();
        try (var spool = new ServerSpool(dir.resolve("spool"), false);
             SnapshotReader old = store.openSnapshot(before);
             SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(id, T2, "r", Optional.of(before)))) {
            List<ServerRecord> shuffled = new ArrayList<>(List.of(crawled));
            Collections.reverse(shuffled);
            for (ServerRecord server : shuffled) spool.put(server);
            new SnapshotAssembler(spool, carried, carryOver).assemble(Optional.of(old.cursor()), writer, diff,
                    new SnapshotAssembler.Sink() {
                        @Override
                        public void written(ServerRecord server) {
                            events.add("written " + server.id());
                        }

                        @Override
                        public void copied(String server) {
                            events.add("copied " + server);
                        }
                    });
            writer.commit();
        }
        List<ServerRecord> written = new ArrayList<>();
        try (SnapshotReader reader = store.openSnapshot(id)) {
            reader.forEach(written::add);
        }
        return new Result(written, diff.result(), events);
    }

    @Test
    void writesServersInIdOrderWhateverOrderTheyWereCrawledIn() throws IOException {
        Result result = assemble(List.of(), Set.of(), crawled("zeta", T2, "a"), crawled("alpha", T2, "b"), crawled("mid", T2, "c"));
        assertEquals(List.of("alpha", "mid", "zeta"), result.servers().stream().map(ServerRecord::id).toList());
        assertEquals(List.of("alpha", "mid", "zeta"), result.changes().serversAdded());
    }

    @Test
    void carriesOverUnchangedServersAndDropsUnlistedOnes() throws IOException {
        List<ServerRecord> previous = List.of(crawled("a", T1, "x"), crawled("b", T1, "y"), crawled("c", T1, "z"));
        Result result = assemble(previous, Set.of("a"), crawled("b", T2, "y", "y2"));
        assertEquals(List.of(crawled("a", T1, "x"), crawled("b", T2, "y", "y2")), result.servers());
        assertEquals(List.of("copied a", "written b"), result.events(), "a carried server is copied, not rebuilt");
        assertEquals(List.of("c"), result.changes().serversRemoved());
        assertEquals("b/y2 added", result.changes().tools().get(0).server() + "/" + result.changes().tools().get(0).tool()
                + " " + result.changes().tools().get(0).kind().wireName());
    }

    @Test
    void carriedServersGoThroughCarryOverWhenTheyMustChange() throws IOException {
        List<ServerRecord> previous = List.of(crawled("a", T1, "x"), crawled("b", T1, "y"));
        Result result = assemble(previous, Set.of("a", "b"), Optional.of(server -> crawled(server.id(), T2, "renamed")));
        assertEquals(List.of(crawled("a", T2, "renamed"), crawled("b", T2, "renamed")), result.servers());
        assertEquals(List.of("written a", "written b"), result.events());
        assertEquals(4, result.changes().tools().size(), "x and y removed, renamed added twice");
    }

    @Test
    void failedCrawlKeepsTheLastGoodToolsAndRecordsTheFailure() throws IOException {
        Result result = assemble(List.of(crawled("a", T1, "x", "y")), Set.of(), failed("a", T2));
        ServerRecord a = result.servers().get(0);
        assertInstanceOf(CrawlStatus.Failed.class, a.status());
        assertEquals(List.of("x", "y"), a.tools().stream().map(t -> t.tool().name()).toList());
        assertEquals(T2, a.crawledAt());
        assertEquals(true, result.changes().isEmpty());
    }

    @Test
    void previousSnapshotOutOfOrderIsAClearError() {
        List<ServerRecord> previous = List.of(crawled("b", T1, "x"), crawled("a", T1, "y"));
        var e = assertThrows(IllegalStateException.class, () -> assemble(previous, Set.of("a", "b")));
        assertEquals("the previous snapshot is not in server-id order ('a' after 'b'); move the catalogue aside to start a new one",
                e.getMessage());
    }
}
