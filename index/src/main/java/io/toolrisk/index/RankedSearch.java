package io.toolrisk.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The top hits of a text search, in {@link LuceneQueries#RELEVANCE} or {@link LuceneQueries#SEVERITY} order,
 * without comparing the sort's tie-breaks hit by hit. Within a segment, hits of equal score already stand in
 * tie-break order (rank, then id: the index order), so each segment is ranked by score then document
 * number, which lets Lucene skip every hit that cannot beat the page's lowest score; the segments' pages are
 * then merged by the full sort. A word in a third of the catalogue gives hundreds of thousands of equal scores:
 * comparing their tie-breaks was most of its search time.
 *
 * <p>Severity order ranks each {@link RiskRank}'s run of documents ({@link RankRanges}) in turn, most severe first,
 * and stops when the page is full. The results are those of a {@code TopFieldCollector} with the same sort:
 * the same hits, the same order and the same sort values in each {@link FieldDoc}.
 */
final class RankedSearch {
    private final RankRanges ranges;

    RankedSearch(RankRanges ranges) {
        this.ranges = ranges;
    }

    /**
     * The first {@code wanted} hits of {@code query} among the tools of the ranks {@code ranks} holds (after {@code
     * cursor} when present), sorted by {@code order}.
     */
    TopFieldDocs search(IndexSearcher searcher, Query query, boolean[] ranks, ToolQuery.Order order, int wanted,
                        Optional<SearchCursor> cursor) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
        Sort sort = LuceneQueries.sort(order);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        TopFieldDocs[] perLeaf = new TopFieldDocs[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            List<ScoreDoc> hits = switch (order) {
                case RELEVANCE -> byRelevance(weight, leaf, ranks, wanted, cursor);
                case SEVERITY -> bySeverity(weight, leaf, ranks, wanted, cursor);
            };
            perLeaf[leaf.ord] = new TopFieldDocs(new TotalHits(hits.size(), TotalHits.Relation.EQUAL_TO),
                    sortValues(leaf, hits, order), sort.getSort());
        }
        if (perLeaf.length == 1) return perLeaf[0];
        if (perLeaf.length == 0) return new TopFieldDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new FieldDoc[0], sort.getSort());
        return TopDocs.merge(sort, wanted, perLeaf);
    }

    /** One pass over the wanted ranks' runs of the segment, best score first, ties in document order. */
    private List<ScoreDoc> byRelevance(Weight weight, LeafReaderContext leaf, boolean[] ranks, int wanted,
                                       Optional<SearchCursor> cursor) throws IOException {
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer == null) return List.of();
        ScoreDoc after = cursor.isEmpty() ? null : afterInLeaf(leaf, cursor.get());
        TopScoreDocCollector collector = new TopScoreDocCollectorManager(wanted, after, wanted).newCollector();
        LeafCollector hits = collector.getLeafCollector(leaf);
        int from = -1;
        int to = -1;
        for (int rank : RiskRank.DOC_ORDER) {
            int start = ranges.start(leaf, rank);
            int end = ranges.end(leaf, rank);
            if (start == end || !ranks[rank]) continue;
            if (start != to) {
                if (from >= 0) scorer.score(hits, leaf.reader().getLiveDocs(), from, to);
                from = start;
            }
            to = end;
        }
        if (from >= 0) scorer.score(hits, leaf.reader().getLiveDocs(), from, to);
        hits.finish();
        return Arrays.asList(collector.topDocs().scoreDocs);
    }

    /**
     * Each wanted rank's run in turn, most severe first, until the page is full. Each run gets a scorer of its
     * own: the lowest competitive score one run reached says nothing about the next.
     */
    private List<ScoreDoc> bySeverity(Weight weight, LeafReaderContext leaf, boolean[] ranks, int wanted,
                                      Optional<SearchCursor> cursor) throws IOException {
        List<ScoreDoc> hits = new ArrayList<>();
        for (int rank : RiskRank.DOC_ORDER) {
            int start = ranges.start(leaf, rank);
            int end = ranges.end(leaf, rank);
            if (start == end || !ranks[rank]) continue;
            if (hits.size() == wanted) break;
            ScoreDoc after = null;
            if (cursor.isPresent()) {
                int at = cursor.get().rank();
                if (rank > at) continue;
                if (rank == at) after = afterInLeaf(leaf, cursor.get());
            }
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) return hits;
            int room = wanted - hits.size();
            TopScoreDocCollector collector = new TopScoreDocCollectorManager(room, after, room).newCollector();
            LeafCollector run = collector.getLeafCollector(leaf);
            scorer.score(run, leaf.reader().getLiveDocs(), start, end);
            run.finish();
            hits.addAll(Arrays.asList(collector.topDocs().scoreDocs));
        }
        return hits;
    }

    /**
     * The cursor as Lucene's score-then-document position in this segment: hits with the cursor's score count as
     * after it from the first document that follows the cursor's tool in index order.
     */
    private ScoreDoc afterInLeaf(LeafReaderContext leaf, SearchCursor cursor) throws IOException {
        int first = ranges.firstAfter(leaf, cursor.rank(), cursor.id());
        return new ScoreDoc(leaf.docBase + first - 1, cursor.score());
    }

    /** The hits with the values of {@code order}'s sort fields, as a {@code TopFieldCollector} would fill them. */
    private FieldDoc[] sortValues(LeafReaderContext leaf, List<ScoreDoc> hits, ToolQuery.Order order) throws IOException {
        FieldDoc[] docs = new FieldDoc[hits.size()];
        Integer[] byDoc = new Integer[hits.size()];
        for (int i = 0; i < byDoc.length; i++) byDoc[i] = i;
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits.get(i).doc));
        SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), ToolFields.ID);
        for (int i : byDoc) {
            ScoreDoc hit = hits.get(i);
            int doc = hit.doc - leaf.docBase;
            if (!ids.advanceExact(doc)) throw new IOException("tool document %d of %s has no id".formatted(doc, leaf.reader()));
            BytesRef id = BytesRef.deepCopyOf(ids.lookupOrd(ids.nextOrd()));
            int rank = ranges.rankOf(leaf, doc);
            Object[] fields = switch (order) {
                case RELEVANCE -> new Object[] {hit.score, rank, id};
                case SEVERITY -> new Object[] {rank, hit.score, id};
            };
            docs[i] = new FieldDoc(hit.doc, hit.score, fields);
        }
        return docs;
    }
}
