package io.toolrisk.index;

import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CatalogueIndexer#update}: an index updated from the previous snapshot's answers as a fully built one
 * does, the previous index is left as it was (it is serving), and a crash leaves nothing in place.
 */
class CatalogueIndexerUpdateTest {
    private static final Instant FIRST = Instant.parse("2026-11-25T13:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-25T14:00:00Z");
    private static final String[] VERBS = {"get", "list", "create", "update", "delete", "run", "pay", "search"};
    private static final String[] NOUNS = {"file", "issue", "repo", "invoice", "page", "job"};
    private static final String[] WORDS = {"quickly", "safely", "the", "user", "project", "cannot", "undone", "remote",
            "local", "data", "customer", "token"};
    /** Words of the queries compared: common ones with many equal scores, rare ones, and syntax. */
    static final List<String> QUERIES = List.of("get", "list", "file", "delete repo", "project data", "pay invoice",
            "\"remote data\"", "-file", "creat*", "s07", "token cannot", "nothing-matches-this");

    @TempDir
    Path dir;

    /** Server {@code s} as generation {@code generation} of it: same tools, descriptions and categories that differ. */
    static ServerRecord server(int s, int generation) {
        var random = new Random(s * 31L + generation);
        String id = "s%02d".formatted(s);
        List<CataloguedTool> tools = new ArrayList<>();
        for (int t = 0; t < 25; t++) {
            String name = VERBS[random.nextInt(VERBS.length)] + "_" + NOUNS[random.nextInt(NOUNS.length)] + (t % 3 == 0 ? "" : "_" + t);
            var description = new StringBuilder(Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', ' '));
            for (int w = random.nextInt(6); w > 0; w--) description.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            Category category = Category.values()[random.nextInt(Category.values().length)];
            tools.add(random.nextInt(7) == 0
                    ? tool(id, name, description.toString(), category, new Flag(FlagKind.CREDENTIAL_ACCESS, "description", "token", "reads tokens"))
                    : tool(id, name, description.toString(), category));
        }
        return new ServerRecord(id, "file: " + id + ".json", "v" + generation, TestCatalogue.CRAWLED_AT,
                new CrawlStatus.Crawled(new ServerInfo(id + "-mcp", Optional.of("Server " + id), "1.0.0", "2025-06-18", null,
                        Optional.empty())), tools);
    }

    /** Servers 0..29, generation 1: the first snapshot. */
    private static TestCatalogue first() {
        var catalogue = new TestCatalogue();
        for (int s = 0; s < 30; s++) catalogue.server(server(s, 1));
        return catalogue;
    }

    /** The second snapshot: servers 3, 11 and 20 changed, 7 and 25 gone, 30 and 31 new; the rest carried over. */
    private static TestCatalogue second() {
        var catalogue = new TestCatalogue();
        for (int s = 0; s < 32; s++) {
            if (s == 7 || s == 25) continue;
            catalogue.server(server(s, Set.of(3, 11, 20, 30, 31).contains(s) ? 2 : 1));
        }
        return catalogue;
    }

    private static final Set<String> CHANGED = Set.of("s03", "s11", "s20", "s30", "s31");

    private record Updated(CatalogueStore store, String previous, String next, CatalogueIndexer.Result result) {
    }

    /** The first snapshot built and current, the second written and its index updated from the first's. */
    private Updated updated(Path root) throws IOException {
        var store = new CatalogueStore(root);
        String previous = first().write(store, FIRST, TestCatalogue.RULESET);
        new CatalogueIndexer().build(store, previous);
        store.switchCurrent(previous);
        String next = second().write(store, SECOND, TestCatalogue.RULESET);
        return new Updated(store, previous, next, new CatalogueIndexer().update(store, previous, next, CHANGED));
    }

    /** The second snapshot alone, its index built whole. */
    private Path built(Path root) throws IOException {
        var store = new CatalogueStore(root);
        String id = second().write(store, SECOND, TestCatalogue.RULESET);
        new CatalogueIndexer().build(store, id);
        return store.indexDir(id);
    }

    @Test
    void updatedIndexAnswersAsAFullBuildOfTheSameSnapshot() throws IOException {
        Updated updated = updated(dir.resolve("updated"));
        assertTrue(updated.result().updated());
        assertEquals(30, updated.result().servers());
        Path builtIndex = built(dir.resolve("built"));
        try (var fromUpdate = ToolSearcher.open(updated.store().indexDir(updated.next()), 0);
             var fromBuild = ToolSearcher.open(builtIndex, 0)) {
            assertEquals(fromBuild.info(), fromUpdate.info());
            assertEquals(fromBuild.info().tools(), updated.result().tools());
            assertEquals(fromBuild.stats(), fromUpdate.stats());
            for (ToolQuery query : queries()) {
                ToolHits a = fromBuild.search(query), b = fromUpdate.search(query);
                assertEquals(a.total(), b.total(), query.toString());
                assertEquals(a.categories(), b.categories(), query.toString());
                if (query.text().isEmpty()) {
                    assertEquals(strings(a.items()), strings(b.items()), query.toString());
                } else {
                    // BM25 statistics count the replaced documents until a merge drops them, so scores (and
                    // the order of near ties) may differ from a fresh build; the hits may not.
                    assertEquals(Set.copyOf(strings(all(fromBuild, query))), Set.copyOf(strings(all(fromUpdate, query))), query.toString());
                }
            }
            for (int s = 0; s < 32; s++) {
                String server = "s%02d".formatted(s);
                assertArrayEquals(fromBuild.findServer(server).orElse(null), fromUpdate.findServer(server).orElse(null), server);
                assertEquals(fromBuild.serverTools(server), fromUpdate.serverTools(server), server);
            }
            assertEquals(Optional.empty(), fromUpdate.findServer("s07"), "a server the new snapshot lacks is gone");
        }
    }

    @Test
    void rankedPagesAndCountsOfAnUpdatedIndexMatchLuceneSortingAndCountingHitByHit() throws IOException {
        Updated updated = updated(dir);
        try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(
                updated.store().indexDir(updated.next())))) {
            assertTrue(reader.leaves().size() > 1, "an updated index has the new servers in segments of their own");
            assertTrue(reader.hasDeletions(), "and the replaced documents deleted");
            var searcher = new org.apache.lucene.search.IndexSearcher(reader);
            var ranges = RankRanges.of(reader, false);
            var queries = new LuceneQueries(ToolAnalyzer.create());
            for (ToolQuery query : queries()) {
                if (query.text().isEmpty()) continue;
                boolean[] ranks = new boolean[RiskRank.COUNT];
                for (int r = 0; r < RiskRank.COUNT; r++) {
                    ranks[r] = (query.categories().isEmpty() || query.categories().contains(RiskRank.category(r)))
                            && (query.severities().isEmpty() || query.severities().contains(RiskRank.severity(r)));
                }
                long[] counts = new RankCounter(ranges).count(searcher, queries.matchQuery(query), ranks);
                for (Category c : Category.values()) {
                    var one = new org.apache.lucene.search.BooleanQuery.Builder()
                            .add(queries.toolQuery(query), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                            .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(ToolFields.CATEGORY, c.wireName())),
                                    org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
                    long counted = 0;
                    for (int r = 0; r < RiskRank.COUNT; r++) if (RiskRank.category(r) == c) counted += counts[r];
                    assertEquals(searcher.count(one), counted, query + " " + c);
                }
                Optional<SearchCursor> cursor = Optional.empty();
                for (int page = 0; page < 4; page++) {
                    var expected = searcher.search(queries.toolQuery(query), new org.apache.lucene.search.TopFieldCollectorManager(
                            LuceneQueries.sort(query.order()), 7, cursor.map(c -> c.fieldDoc(true)).orElse(null), Integer.MAX_VALUE));
                    var actual = new RankedSearch(ranges).search(searcher, queries.rankQuery(query), ranks, query.order(), 7, cursor);
                    assertEquals(docs(expected.scoreDocs), docs(actual.scoreDocs), query + " page " + page);
                    for (int i = 0; i < expected.scoreDocs.length; i++) {
                        assertArrayEquals(((org.apache.lucene.search.FieldDoc) expected.scoreDocs[i]).fields,
                                ((org.apache.lucene.search.FieldDoc) actual.scoreDocs[i]).fields, query + " page " + page);
                    }
                    if (actual.scoreDocs.length < 7) break;
                    cursor = Optional.of(SearchCursor.after(query.order(),
                            (org.apache.lucene.search.FieldDoc) actual.scoreDocs[actual.scoreDocs.length - 1], true));
                }
            }
        }
    }

    @Test
    void previousIndexIsUnchangedAndServesThroughoutTheUpdate() throws Exception {
        var store = new CatalogueStore(dir);
        String previous = first().write(store, FIRST, TestCatalogue.RULESET);
        new CatalogueIndexer().build(store, previous);
        Map<String, String> before = fileHashes(store.indexDir(previous));
        try (var serving = ToolSearcher.open(store.indexDir(previous), 0)) {
            List<String> answer = strings(all(serving, ToolQuery.text("get")));
            String next = second().write(store, SECOND, TestCatalogue.RULESET);
            new CatalogueIndexer().update(store, previous, next, CHANGED);
            assertEquals(answer, strings(all(serving, ToolQuery.text("get"))), "the open index answers as before");
        }
        assertEquals(before, fileHashes(store.indexDir(previous)));
        try (var reopened = ToolSearcher.open(store.indexDir(previous), 0)) {
            assertEquals(30, reopened.info().servers());
            assertTrue(reopened.findServer("s07").isPresent());
        }
    }

    @Test
    void updateBuildsWholeWhenThePreviousIndexIsMissingOrFromAnotherRuleset() throws IOException {
        var store = new CatalogueStore(dir);
        String previous = first().write(store, FIRST, TestCatalogue.RULESET);
        new CatalogueIndexer().build(store, previous);
        String reclassified = second().write(store, SECOND, "another-ruleset");
        CatalogueIndexer.Result result = new CatalogueIndexer().update(store, previous, reclassified, CHANGED);
        assertFalse(result.updated());
        assertEquals(30, result.servers());
        String noPrevious = second().write(store, SECOND, TestCatalogue.RULESET);
        assertFalse(new CatalogueIndexer().update(store, "20261125T120000Z", noPrevious, CHANGED).updated());
    }

    @Test
    void updateKilledMidwayLeavesNothingInPlaceAndTheNextRunCleansUp() throws Exception {
        var store = new CatalogueStore(dir);
        String previous = first().write(store, FIRST, TestCatalogue.RULESET);
        new CatalogueIndexer().build(store, previous);
        store.switchCurrent(previous);
        String next = second().write(store, SECOND, TestCatalogue.RULESET);
        Map<String, String> before = fileHashes(store.indexDir(previous));
        Path marker = dir.resolve("indexing");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process update = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), UpdateUntilKilled.class.getName(),
                store.dir().toString(), previous, next, marker.toString(), String.join(",", CHANGED))
                .redirectErrorStream(true).redirectOutput(dir.resolve("update.log").toFile()).start();
        try {
            for (int waited = 0; !Files.exists(marker); waited += 10) {
                assertTrue(update.isAlive() && waited < 60_000, "the update reaches its first server; " + Files.readString(dir.resolve("update.log")));
                Thread.sleep(10);
            }
        } finally {
            update.destroyForcibly().waitFor(1, TimeUnit.MINUTES); // SIGKILL, mid-update: no cleanup runs
        }
        assertFalse(Files.exists(store.indexDir(next)), "no index in place for the new snapshot");
        assertTrue(Files.isDirectory(store.indexDir(next).resolveSibling("." + next + ".building")), "the crash left its work");

        store.removeIncomplete();
        try (var entries = Files.list(store.dir().resolve("index"))) {
            assertEquals(List.of(previous), entries.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(store.snapshotFile(next)), "the snapshot that never went live is gone too");
        assertEquals(before, fileHashes(store.indexDir(previous)));
        try (var serving = ToolSearcher.open(store.indexDir(previous), 0)) {
            assertEquals(30, serving.info().servers());
        }
        String again = second().write(store, SECOND, TestCatalogue.RULESET);
        assertTrue(new CatalogueIndexer().update(store, previous, again, CHANGED).updated(), "the next run updates cleanly");
    }

    /** {@code UpdateUntilKilled STORE PREVIOUS NEXT MARKER SERVERS}: updates, and stops for good after the first server. */
    public static final class UpdateUntilKilled {
        public static void main(String[] args) throws Exception {
            new CatalogueIndexer().update(new CatalogueStore(Path.of(args[0])), args[1], args[2], Set.of(args[4].split(",")), server -> {
                try {
                    Files.writeString(Path.of(args[3]), server);
                    Thread.sleep(Long.MAX_VALUE);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static List<ToolQuery> queries() {
        List<ToolQuery> queries = new ArrayList<>();
        for (String text : QUERIES) {
            for (ToolQuery.Order order : ToolQuery.Order.values()) {
                ToolQuery q = ToolQuery.text(text).withOrder(order);
                queries.add(q);
                queries.add(q.withPage(2, 5));
                queries.add(q.withCategories(Set.of(Category.READ, Category.FINANCIAL)));
                queries.add(q.withSeverities(Set.of(Severity.CRITICAL)).withFlags(Set.of(FlagKind.CREDENTIAL_ACCESS)));
                queries.add(q.withServers(Set.of("s03", "s04")));
            }
        }
        queries.add(ToolQuery.text("").withPage(3, 50));
        queries.add(ToolQuery.text("").withCategories(Set.of(Category.WRITE)).withPage(2, 10));
        return queries;
    }

    /** Every hit of {@code query}, through the cursor. */
    private static List<byte[]> all(ToolSearcher searcher, ToolQuery query) throws IOException {
        List<byte[]> items = new ArrayList<>();
        ToolHits page = searcher.search(query.withPage(1, 100));
        items.addAll(page.items());
        while (page.next().isPresent()) {
            page = searcher.search(query.withPage(1, 100).after(page.next().get()));
            items.addAll(page.items());
        }
        assertEquals(new HashSet<>(strings(items)).size(), items.size(), "no hit twice: " + query);
        return items;
    }

    private static List<String> strings(List<byte[]> items) {
        return items.stream().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private static List<Integer> docs(org.apache.lucene.search.ScoreDoc[] hits) {
        return java.util.Arrays.stream(hits).map(h -> h.doc).toList();
    }

    private static Map<String, String> fileHashes(Path index) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (var files = Files.list(index)) {
            for (Path file : files.toList()) {
                hashes.put(file.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }
}
