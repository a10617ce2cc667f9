package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.List;

/**
 * Where the tools of each category lie in each segment. The index is sorted most severe first, then by id, so
 * within a segment the tools of one category are one run of document numbers, in id order: a search can count
 * or rank the hits of one category by scoring that run alone, and tells tools from server documents (which
 * have no category and sort between the read tools and the rest) by position, without a filter clause.
 * Computed once per opened index, from one pass over the category doc values.
 */
final class CategoryRanges {
    /** Categories in document order: most severe first. */
    static final List<Category> DOC_ORDER = List.of(Category.FINANCIAL, Category.DESTRUCTIVE, Category.EXECUTE,
            Category.WRITE, Category.READ);

    /** Per segment (leaf ord), per category ordinal: first document and one past the last. */
    private final int[][] starts;
    private final int[][] ends;

    private CategoryRanges(int[][] starts, int[][] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * The ranges of every segment of {@code reader}.
     *
     * @throws IOException when a segment is not in the index order (then it is not an index this code built)
     */
    static CategoryRanges of(IndexReader reader) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        int categories = Category.values().length;
        int[][] starts = new int[leaves.size()][categories];
        int[][] ends = new int[leaves.size()][categories];
        for (LeafReaderContext leaf : leaves) {
            int[] start = starts[leaf.ord];
            int[] end = ends[leaf.ord];
            java.util.Arrays.fill(start, -1);
            NumericDocValues ranks = DocValues.getNumeric(leaf.reader(), ToolFields.CATEGORY_RANK);
            long[] seen = new long[categories];
            int previous = Integer.MAX_VALUE;
            for (int doc = ranks.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ranks.nextDoc()) {
                int rank = (int) ranks.longValue();
                if (rank < 0 || rank >= categories || rank > previous)
                    throw new IOException("segment %s of %s is not sorted most severe first (category rank %d at document %d)"
                            .formatted(leaf.reader(), reader, rank, doc));
                if (start[rank] < 0) start[rank] = doc;
                end[rank] = doc + 1;
                seen[rank]++;
                previous = rank;
            }
            // Empty categories get an empty range where they would be, so that positions stay in order.
            int position = 0;
            for (Category c : DOC_ORDER) {
                int r = c.ordinal();
                if (start[r] < 0) {
                    start[r] = position;
                    end[r] = position;
                } else if (seen[r] != end[r] - start[r]) {
                    throw new IOException("segment %s of %s holds other documents among its %s tools"
                            .formatted(leaf.reader(), reader, c.wireName()));
                }
                position = end[r];
            }
        }
        return new CategoryRanges(starts, ends);
    }

    int start(LeafReaderContext leaf, Category category) {
        return starts[leaf.ord][category.ordinal()];
    }

    int end(LeafReaderContext leaf, Category category) {
        return ends[leaf.ord][category.ordinal()];
    }

    /**
     * The first document of {@code leaf} that comes after a tool of category rank {@code rank} and id {@code id}
     * in index order (that tool need not exist): where a search after a cursor resumes among equal scores.
     */
    int firstAfter(LeafReaderContext leaf, int rank, String id) throws IOException {
        Category category = Category.values()[Math.clamp(rank, 0, Category.values().length - 1)];
        if (rank > category.ordinal()) return start(leaf, category);
        if (rank < category.ordinal()) return end(leaf, category);
        int low = start(leaf, category);
        int high = end(leaf, category);
        if (low == high) return low;
        LeafReader reader = leaf.reader();
        SortedSetDocValues ids = DocValues.getSortedSet(reader, ToolFields.ID);
        long target = ids.lookupTerm(new BytesRef(id));
        // An id that is not in the segment sorts between its neighbours: ordinal -(insertion point) - 1.
        long lastNotAfter = target >= 0 ? target : -target - 2;
        while (low < high) {
            int middle = (low + high) >>> 1;
            SortedSetDocValues probe = DocValues.getSortedSet(reader, ToolFields.ID);
            if (!probe.advanceExact(middle))
                throw new IOException("tool document %d of %s has no id".formatted(middle, reader));
            if (probe.nextOrd() <= lastNotAfter) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
