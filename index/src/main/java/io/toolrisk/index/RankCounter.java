package io.toolrisk.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;

/**
 * Counts the hits of a search per {@link RiskRank} (severity, then category), exactly, without looking at any
 * hit's doc values: each rank's tools are one run of documents per segment ({@link RankRanges}), so the count of
 * a rank is the number of matches the query's bulk scorer finds in that run. Lucene hands dense matches over as
 * bit sets, which are counted a word at a time, so a word in a third of the catalogue costs about a millisecond
 * rather than a doc-values lookup per hit.
 */
final class RankCounter {
    private final RankRanges ranges;

    RankCounter(RankRanges ranges) {
        this.ranges = ranges;
    }

    /** Hits of {@code matches} among the tools of each rank {@code wanted} holds, indexed by rank; zero for the others. */
    long[] count(IndexSearcher searcher, Query matches, boolean[] wanted) throws IOException {
        long[] counts = new long[RiskRank.COUNT];
        Weight weight = searcher.createWeight(searcher.rewrite(matches), ScoreMode.COMPLETE_NO_SCORES, 1f);
        var counter = new Counter();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) continue;
            for (int rank : RiskRank.DOC_ORDER) {
                int start = ranges.start(leaf, rank);
                int end = ranges.end(leaf, rank);
                if (start == end || !wanted[rank]) continue;
                counter.hits = 0;
                // Ranges come in increasing order, as a bulk scorer requires of successive calls.
                scorer.score(counter, leaf.reader().getLiveDocs(), start, end);
                counts[rank] += counter.hits;
            }
        }
        return counts;
    }

    private static final class Counter implements LeafCollector {
        long hits;

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) {
            hits++;
        }

        @Override
        public void collectRange(int min, int max) {
            hits += max - min;
        }

        @Override
        public void collect(DocIdStream stream) throws IOException {
            hits += stream.count();
        }
    }
}
