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
import java.util.Arrays;
import java.util.List;

/**
 * Where the tools of each {@link RiskRank} (severity, then category) lie in each segment. The index is sorted most
 * severe first, then by id, so within a segment the tools of one rank are one run of document numbers, in id
 * order: a search can count or rank the hits of one rank by scoring that run alone, and tells tools from server
 * documents (which have no rank and sort between the low-severity read tools and the rest) by position, without
 * a filter clause. Computed once per opened index, from one pass over the rank doc values.
 */
final class RankRanges {
    /** Per segment (leaf ord), per rank: first document and one past the last. */
    private final int[][] starts;
    private final int[][] ends;

    private RankRanges(int[][] starts, int[][] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * The ranges of every segment of {@code reader}; {@code categoryRanks} for an index of an earlier format, whose
     * rank field holds the category alone ({@link RiskRank#ofCategory}).
     *
     * @throws IOException when a segment is not in the index order (then it is not an index this code built)
     */
    static RankRanges of(IndexReader reader, boolean categoryRanks) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        int[][] starts = new int[leaves.size()][RiskRank.COUNT];
        int[][] ends = new int[leaves.size()][RiskRank.COUNT];
        int stored = categoryRanks ? Category.values().length : RiskRank.COUNT;
        for (LeafReaderContext leaf : leaves) {
            int[] start = starts[leaf.ord];
            int[] end = ends[leaf.ord];
            Arrays.fill(start, -1);
            NumericDocValues ranks = DocValues.getNumeric(leaf.reader(), ToolFields.RANK);
            long[] seen = new long[RiskRank.COUNT];
            int previous = Integer.MAX_VALUE;
            for (int doc = ranks.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ranks.nextDoc()) {
                long value = ranks.longValue();
                if (value < 0 || value >= stored || value > previous)
                    throw new IOException("segment %s of %s is not sorted most severe first (rank %d at document %d)"
                            .formatted(leaf.reader(), reader, value, doc));
                previous = (int) value;
                int rank = categoryRanks ? RiskRank.ofCategory((int) value) : (int) value;
                if (start[rank] < 0) start[rank] = doc;
                end[rank] = doc + 1;
                seen[rank]++;
            }
            // Empty ranks get an empty range where they would be, so that positions stay in order.
            int position = 0;
            for (int r : RiskRank.DOC_ORDER) {
                if (start[r] < 0) {
                    start[r] = position;
                    end[r] = position;
                } else if (seen[r] != end[r] - start[r]) {
                    throw new IOException("segment %s of %s holds other documents among its %s %s tools"
                            .formatted(leaf.reader(), reader, RiskRank.severity(r).wireName(), RiskRank.category(r).wireName()));
                }
                position = end[r];
            }
        }
        return new RankRanges(starts, ends);
    }

    int start(LeafReaderContext leaf, int rank) {
        return starts[leaf.ord][rank];
    }

    int end(LeafReaderContext leaf, int rank) {
        return ends[leaf.ord][rank];
    }

    /** The rank of tool document {@code doc} (in the segment's numbering). */
    int rankOf(LeafReaderContext leaf, int doc) throws IOException {
        for (int r : RiskRank.DOC_ORDER) {
            if (doc >= start(leaf, r) && doc < end(leaf, r)) return r;
        }
        throw new IOException("document %d of %s is not a tool".formatted(doc, leaf.reader()));
    }

    /**
     * The first document of {@code leaf} that comes after a tool of rank {@code rank} and id {@code id} in index
     * order (that tool need not exist): where a search after a cursor resumes among equal scores.
     */
    int firstAfter(LeafReaderContext leaf, int rank, String id) throws IOException {
        int r = Math.clamp(rank, 0, RiskRank.COUNT - 1);
        if (rank > r) return start(leaf, r);
        if (rank < r) return end(leaf, r);
        int low = start(leaf, r);
        int high = end(leaf, r);
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
