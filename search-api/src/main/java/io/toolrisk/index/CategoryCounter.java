package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import java.io.IOException;
import java.util.Collection;

/**
 * Counts the hits of a search per category, without scoring them. Five values need no
 * ordinal map or taxonomy: one numeric doc value per tool, counted into an array. Severity counts follow, as
 * severity follows from category.
 */
final class CategoryCounter implements CollectorManager<CategoryCounter.Counts, long[]> {
    static final class Counts extends SimpleCollector {
        private final long[] counts = new long[Category.values().length];
        private NumericDocValues ranks;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            ranks = DocValues.getNumeric(context.reader(), ToolFields.CATEGORY_RANK);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (ranks.advanceExact(doc)) counts[(int) ranks.longValue()]++;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Counts newCollector() {
        return new Counts();
    }

    @Override
    public long[] reduce(Collection<Counts> collectors) {
        long[] total = new long[Category.values().length];
        for (Counts c : collectors) {
            for (int i = 0; i < total.length; i++) total[i] += c.counts[i];
        }
        return total;
    }
}
