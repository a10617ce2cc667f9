package io.toolrisk.index;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of recent searches of one index, least recently used dropped first, within a budget of bytes
 * (the items' JSON, which is nearly all of an answer). An index is never written to once built, so an answer
 * stays right for as long as the index is served; a new snapshot is a new {@link ToolSearcher} with an empty
 * cache. Thread-safe; two requests missing the same query at once both search, and either answer is kept.
 */
final class SearchCache {
    /** What a cached answer costs beyond its items: the map entry, the query, the counts. */
    private static final int ENTRY_OVERHEAD = 512;

    /** Computes an answer on a miss. */
    @FunctionalInterface
    interface Search {
        ToolHits search(ToolQuery query) throws IOException;
    }

    private final long budget;
    private final LinkedHashMap<ToolQuery, ToolHits> answers = new LinkedHashMap<>(256, 0.75f, true);
    private long used;
    private long hits;
    private long misses;

    /** A cache of at most {@code budget} bytes; 0 caches nothing. */
    SearchCache(long budget) {
        if (budget < 0) throw new IllegalArgumentException("cache budget must be 0 or more bytes, got " + budget);
        this.budget = budget;
    }

    ToolHits get(ToolQuery query, Search search) throws IOException {
        if (budget == 0) return search.search(query);
        synchronized (this) {
            ToolHits cached = answers.get(query);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        ToolHits answer = search.search(query);
        long size = size(answer);
        if (size > budget / 16) return answer;
        synchronized (this) {
            ToolHits previous = answers.put(query, answer);
            used += size - (previous == null ? 0 : size(previous));
            Iterator<Map.Entry<ToolQuery, ToolHits>> eldest = answers.entrySet().iterator();
            while (used > budget && eldest.hasNext()) {
                used -= size(eldest.next().getValue());
                eldest.remove();
            }
        }
        return answer;
    }

    /** Answers served from the cache and searched, since the index was opened. */
    synchronized long[] hitsAndMisses() {
        return new long[] {hits, misses};
    }

    private static long size(ToolHits answer) {
        long size = ENTRY_OVERHEAD;
        for (byte[] item : answer.items()) size += item.length;
        return size;
    }
}
