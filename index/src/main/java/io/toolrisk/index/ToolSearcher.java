package io.toolrisk.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;
import io.toolrisk.catalogue.json.ToolJson;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Searches the index of one snapshot. Thread-safe: each call acquires a searcher from a {@link SearcherManager}
 * and releases it. The index never changes after it was built, so nothing refreshes.
 *
 * <p>Reference-counted so that a server can switch to a new snapshot while requests still run on the old one:
 * {@link #tryIncRef()} before use and {@link #decRef()} after; {@link #close()} drops the opener's reference,
 * and the index closes when the last user is done.
 */
public final class ToolSearcher implements Closeable {
    /**
     * Bytes of search answers kept per index for repeated queries: at about 20 KB per page of 20, the last
     * few thousand distinct searches.
     */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;

    private final Path dir;
    private final Directory directory;
    private final SearcherManager manager;
    private final Analyzer analyzer = ToolAnalyzer.create();
    private final LuceneQueries queries = new LuceneQueries(analyzer);
    private final CatalogueInfo info;
    private final CatalogueStats stats;
    private final AtomicInteger references = new AtomicInteger(1);
    private final RankCounter counter;
    private final RankedSearch ranked;
    private final ToolItems toolItems;

    private final SearchCache cache;

    private ToolSearcher(Path dir, long cacheBytes) throws IOException {
        this.dir = dir;
        this.cache = new SearchCache(cacheBytes);
        this.directory = FSDirectory.open(dir);
        try {
            this.manager = new SearcherManager(directory, null);
            IndexSearcher searcher = manager.acquire();
            try {
                this.info = readInfo((DirectoryReader) searcher.getIndexReader());
                this.stats = computeStats(searcher);
                RankRanges ranges = RankRanges.of(searcher.getIndexReader(), !CatalogueIndexer.FORMAT.equals(
                        ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData().get("format")));
                this.counter = new RankCounter(ranges);
                this.ranked = new RankedSearch(ranges);
                this.toolItems = new ToolItems(searcher.getIndexReader());
            } finally {
                manager.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Opens the index in {@code dir}.
     *
     * @throws IOException when there is no ToolRisk index there
     */
    public static ToolSearcher open(Path dir) throws IOException {
        return open(dir, DEFAULT_CACHE_BYTES);
    }

    /**
     * Opens the index in {@code dir}, keeping up to {@code cacheBytes} of search answers (0: none).
     *
     * @throws IOException when there is no ToolRisk index there
     */
    public static ToolSearcher open(Path dir, long cacheBytes) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("no index at %s".formatted(dir));
        return new ToolSearcher(dir, cacheBytes);
    }

    public Path dir() {
        return dir;
    }

    public CatalogueInfo info() {
        return info;
    }

    public CatalogueStats stats() {
        return stats;
    }

    /**
     * One page of tools matching {@code query}, with the count per category and severity of all its hits: from the
     * cache of recent answers, or searched. Counts come from the ranks' runs of documents ({@link RankCounter});
     * the page, with text, from {@link RankedSearch}, and without, straight from the index order (the search
     * stops after the page).
     *
     * @throws IllegalArgumentException when the text needs more clauses than Lucene allows in one query
     */
    public ToolHits search(ToolQuery query) throws IOException {
        try {
            return cache.get(query, this::searchIndex);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyClauses(query.text());
        }
    }

    /** Each word is looked for in several fields, so a few hundred words reach Lucene's limit on clauses. */
    private static IllegalArgumentException tooManyClauses(String text) {
        return new IllegalArgumentException("q has too many words to search at once (%d); it needs more than %,d clauses"
                .formatted(text.split("\\s+").length, IndexSearcher.getMaxClauseCount()));
    }

    /** How many searches the cache answered, and how many it did not, since the index was opened. */
    public CacheUse cacheUse() {
        long[] counts = cache.hitsAndMisses();
        return new CacheUse(counts[0], counts[1]);
    }

    /** Searches answered from the cache ({@code hits}) and by searching the index ({@code misses}). */
    public record CacheUse(long hits, long misses) {
    }

    private ToolHits searchIndex(ToolQuery query) throws IOException {
        boolean scored = !query.text().isEmpty();
        int wanted = query.after().isPresent() ? query.size() : query.page() * query.size();
        boolean[] ranks = ranks(query);
        IndexSearcher searcher = manager.acquire();
        try {
            long[] counts = counter.count(searcher, queries.matchQuery(query), ranks);
            TopFieldDocs docs;
            if (scored) {
                docs = ranked.search(searcher, queries.rankQuery(query), ranks, query.order(), wanted, query.after());
            } else {
                FieldDoc after = query.after().map(c -> c.fieldDoc(false)).orElse(null);
                docs = searcher.search(queries.toolQuery(query), new TopFieldCollectorManager(LuceneQueries.INDEX_ORDER, wanted, after, wanted));
            }
            Map<Category, Long> byCategory = new EnumMap<>(Category.class);
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            for (Category c : Category.values()) byCategory.put(c, 0L);
            for (Severity s : Severity.values()) bySeverity.put(s, 0L);
            long total = 0;
            for (int rank = 0; rank < RiskRank.COUNT; rank++) {
                byCategory.merge(RiskRank.category(rank), counts[rank], Long::sum);
                bySeverity.merge(RiskRank.severity(rank), counts[rank], Long::sum);
                total += counts[rank];
            }
            int from = query.after().isPresent() ? 0 : (query.page() - 1) * query.size();
            int[] page = new int[Math.max(0, docs.scoreDocs.length - from)];
            for (int i = 0; i < page.length; i++) page[i] = docs.scoreDocs[from + i].doc;
            List<byte[]> items = List.of(toolItems.items(page));
            boolean more = query.after().isPresent() ? docs.scoreDocs.length == wanted : from + items.size() < total;
            Optional<SearchCursor> next = more && !items.isEmpty()
                    ? Optional.of(SearchCursor.after(query.order(), (FieldDoc) docs.scoreDocs[docs.scoreDocs.length - 1], scored))
                    : Optional.empty();
            return new ToolHits(total, items, byCategory, bySeverity, next);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * The ranks (severity and category) a query's category and severity filters let through (values of one filter
     * OR'ed, filters AND'ed), by rank.
     */
    private static boolean[] ranks(ToolQuery query) {
        boolean[] ranks = new boolean[RiskRank.COUNT];
        for (int rank = 0; rank < RiskRank.COUNT; rank++) {
            ranks[rank] = (query.categories().isEmpty() || query.categories().contains(RiskRank.category(rank)))
                    && (query.severities().isEmpty() || query.severities().contains(RiskRank.severity(rank)));
        }
        return ranks;
    }

    /**
     * The tool {@code tool} of server {@code server}, if the index has it. Names that differ only in lone surrogates
     * share a term (Lucene writes each as U+FFFD), so the hits are checked for the exact name.
     */
    public Optional<IndexedTool> findTool(String server, String tool) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            var query = new BooleanQuery.Builder()
                    .add(LuceneQueries.TOOLS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(ToolFields.ID, ToolFields.toolId(server, tool))), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(query, Math.max(1, searcher.count(query)));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                IndexedTool found = indexedTool(server, hit.doc, stored);
                if (found.tool().name().equals(tool)) return Optional.of(found);
            }
            return Optional.empty();
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * All the tools of {@code server}, most severe first, then by name, each with its definition decoded: a few
     * hundred microseconds a tool, so a server of 10,000 tools takes seconds. Serving uses {@link #serverTools(String,
     * int, int)} and {@link #serverProfiles}.
     */
    public List<IndexedTool> serverTools(String server) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            Query query = serverToolsQuery(server);
            TopDocs top = searcher.search(query, Math.max(1, searcher.count(query)), LuceneQueries.INDEX_ORDER);
            List<IndexedTool> tools = new ArrayList<>(top.scoreDocs.length);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) tools.add(indexedTool(server, hit.doc, stored));
            return tools;
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * Page {@code page} (from 1) of {@code size} tools of {@code server}, most severe first, then by name, as their
     * listing JSON, read from doc values without decoding: what a page of a 10,000-tool server costs is a page.
     */
    public ServerTools serverTools(String server, int page, int size) throws IOException {
        if (page < 1 || size < 1) throw new IllegalArgumentException("page and size must be 1 or more, got %d and %d".formatted(page, size));
        IndexSearcher searcher = manager.acquire();
        try {
            Query query = serverToolsQuery(server);
            int total = searcher.count(query);
            long from = (long) (page - 1) * size;
            if (from >= total) return new ServerTools(total, List.of());
            int to = (int) Math.min(total, from + size);
            TopDocs top = searcher.search(query, to, LuceneQueries.INDEX_ORDER);
            int[] docs = new int[to - (int) from];
            for (int i = 0; i < docs.length; i++) docs[i] = top.scoreDocs[(int) from + i].doc;
            return new ServerTools(total, List.of(toolItems.items(docs)));
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * The profiles of every tool of {@code server}, most severe first, then by name, the order policies list them in:
     * read from the listing JSON alone, without the definitions.
     */
    public List<RiskProfile> serverProfiles(String server) throws IOException {
        List<RiskProfile> profiles = new ArrayList<>();
        for (byte[] item : serverTools(server, 1, Integer.MAX_VALUE).items()) profiles.add(ProfileJson.read(Json.MAPPER.readTree(item)));
        return profiles;
    }

    private static Query serverToolsQuery(String server) {
        return new BooleanQuery.Builder()
                .add(LuceneQueries.TOOLS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ToolFields.SERVER, server)), BooleanClause.Occur.FILTER)
                .build();
    }

    /** The summary JSON of server {@code server}, if the index has it. */
    public Optional<byte[]> findServer(String server) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            var query = new BooleanQuery.Builder()
                    .add(LuceneQueries.SERVERS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(ToolFields.SERVER, server)), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) return Optional.empty();
            return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc).getBinaryValue(ToolFields.SUMMARY).bytes);
        } finally {
            manager.release(searcher);
        }
    }

    /** A page of servers whose key, name or title match {@code text} (all when blank), best match first, then by key. */
    public ServerHits servers(String text, int page, int size) throws IOException {
        if (size < 1 || size > ToolQuery.MAX_SIZE)
            throw new IllegalArgumentException("size must be 1..%d, got %d".formatted(ToolQuery.MAX_SIZE, size));
        if (page < 1 || (long) page * size > ToolQuery.MAX_PAGED_HITS)
            throw new IllegalArgumentException("page must be 1..%d for size %d, got %d"
                    .formatted(ToolQuery.MAX_PAGED_HITS / size, size, page));
        if (text.length() > ToolQuery.MAX_TEXT_LENGTH)
            throw new IllegalArgumentException("q is %d characters long; at most %d are searched"
                    .formatted(text.length(), ToolQuery.MAX_TEXT_LENGTH));
        IndexSearcher searcher = manager.acquire();
        try {
            Sort sort = new Sort(SortField.FIELD_SCORE, new SortedSetSortField(ToolFields.SERVER, false));
            TopFieldDocs top;
            try {
                top = searcher.search(queries.serverQuery(text), page * size, sort);
            } catch (IndexSearcher.TooManyClauses e) {
                throw tooManyClauses(text);
            }
            List<byte[]> items = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = (page - 1) * size; i < top.scoreDocs.length; i++) {
                items.add(stored.document(top.scoreDocs[i].doc).getBinaryValue(ToolFields.SUMMARY).bytes);
            }
            return new ServerHits(top.totalHits.value(), items);
        } finally {
            manager.release(searcher);
        }
    }

    private IndexedTool indexedTool(String server, int hit, StoredFields stored) throws IOException {
        Document doc = stored.document(hit, Set.of(ToolFields.TOOL, ToolFields.HASH));
        var item = (ObjectNode) Json.MAPPER.readTree(toolItems.item(hit));
        var tool = ToolJson.read(Json.MAPPER.readTree(doc.getBinaryValue(ToolFields.TOOL).bytes));
        return new IndexedTool(server, tool, ProfileJson.read(item), doc.get(ToolFields.HASH), item);
    }

    private static CatalogueInfo readInfo(DirectoryReader reader) throws IOException {
        Map<String, String> data = reader.getIndexCommit().getUserData();
        if (!CatalogueIndexer.FORMAT.equals(data.get("format")) && !CatalogueIndexer.FORMAT_CATEGORY_RANKS.equals(data.get("format"))
                && !CatalogueIndexer.FORMAT_STORED_ITEMS.equals(data.get("format")))
            throw new IOException("%s is not a ToolRisk index (format '%s', expected '%s')"
                    .formatted(reader.directory(), data.get("format"), CatalogueIndexer.FORMAT));
        return new CatalogueInfo(data.get("snapshot"), Instant.parse(data.get("createdAt")), data.get("ruleset"),
                Optional.ofNullable(data.get("previous")),
                Long.parseLong(data.get("servers")), Long.parseLong(data.get("tools")));
    }

    /** Counts of live documents: an updated index still holds the deleted documents of the servers it replaced. */
    private CatalogueStats computeStats(IndexSearcher searcher) throws IOException {
        Map<Category, Long> categories = new EnumMap<>(Category.class);
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) severities.put(s, 0L);
        for (Category c : Category.values()) categories.put(c, count(searcher, ToolFields.CATEGORY, c.wireName()));
        for (Severity s : Severity.values()) severities.put(s, count(searcher, ToolFields.SEVERITY, s.wireName()));
        Map<FlagKind, Long> flags = new EnumMap<>(FlagKind.class);
        for (FlagKind k : FlagKind.values()) flags.put(k, count(searcher, ToolFields.FLAG, k.wireName()));
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (String status : List.of("crawled", "failed", "needs-credentials"))
            statuses.put(status, count(searcher, ToolFields.STATUS, status));
        return new CatalogueStats(info, categories, severities, flags, statuses);
    }

    private static long count(IndexSearcher searcher, String field, String value) throws IOException {
        return searcher.count(new TermQuery(new Term(field, value)));
    }

    /** Takes a reference; false when the searcher is already closed (then use a newer one). */
    public boolean tryIncRef() {
        while (true) {
            int count = references.get();
            if (count <= 0) return false;
            if (references.compareAndSet(count, count + 1)) return true;
        }
    }

    /** Drops a reference; the last one closes the index. */
    public void decRef() throws IOException {
        int left = references.decrementAndGet();
        if (left == 0) {
            try {
                manager.close();
            } finally {
                try {
                    analyzer.close();
                } finally {
                    directory.close();
                }
            }
        } else if (left < 0) {
            throw new IllegalStateException("ToolSearcher for %s was released more often than acquired".formatted(dir));
        }
    }

    /** Drops the opener's reference. */
    @Override
    public void close() throws IOException {
        decRef();
    }
}
