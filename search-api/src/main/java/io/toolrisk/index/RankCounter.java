package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
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
import java.util.Set;

/**
 * Counts the hits of a search per category, exactly, without looking at any hit's category: each category's
 * tools are one run of documents per segment ({@link CategoryRanges}), so the count of a category is the number
 * of matches the query's bulk scorer finds in that run. Lucene hands dense matches over as bit sets, which are
 * counted a word at a time, so a word in a third of the catalogue costs about a millisecond rather than a
 * doc-values lookup per hit.
 */
final class CategoryCounter {
    private final CategoryRanges ranges;

    CategoryCounter(CategoryRanges ranges) {
        this.ranges = ranges;
    }

    /**
     * Hits of {@code matches} among the tools of each of {@code categories}, indexed by category ordinal; zero for
     * the other categories.
     */
    long[] count(IndexSearcher searcher, Query matches, Set<Category> categories) throws IOException {
        long[] counts = new long[Category.values().length];
        Weight weight = searcher.createWeight(searcher.rewrite(matches), ScoreMode.COMPLETE_NO_SCORES, 1f);
        var counter = new Counter();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) continue;
            for (Category category : CategoryRanges.DOC_ORDER) {
                int start = ranges.start(leaf, category);
                int end = ranges.end(leaf, category);
                if (start == end || !categories.contains(category)) continue;
                counter.hits = 0;
                // Ranges come in increasing order, as a bulk scorer requires of successive calls.
                scorer.score(counter, leaf.reader().getLiveDocs(), start, end);
                counts[category.ordinal()] += counter.hits;
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
