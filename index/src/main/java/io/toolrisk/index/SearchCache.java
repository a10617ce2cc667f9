package io.toolrisk.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The answers of recent searches of one index within a budget of bytes (the items' JSON, which is nearly all of an
 * answer), kept by Caffeine. An index is never written to once built, so an answer stays right for as long as the
 * index is served; a new snapshot is a new {@link ToolSearcher} with an empty cache. Thread-safe; a query that
 * misses is searched once while other callers of the same query wait for its answer, so a burst of one cold query
 * costs one search, not one per client.
 */
final class SearchCache {
    /** What a cached answer costs beyond its items: the map entry, the query, the counts. */
    private static final int ENTRY_OVERHEAD = 512;

    /** Computes an answer on a miss. */
    @FunctionalInterface
    interface Search {
        ToolHits search(ToolQuery query) throws IOException;
    }

    /** Null when the budget is 0: nothing is cached. */
    private final Cache<ToolQuery, ToolHits> answers;

    /** A cache of at most {@code budget} bytes; 0 caches nothing. */
    SearchCache(long budget) {
        if (budget < 0) throw new IllegalArgumentException("cache budget must be 0 or more bytes, got " + budget);
        answers = budget == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(budget)
                .weigher((ToolQuery query, ToolHits answer) -> weight(answer))
                // Eviction runs on the caller's thread: no pool thread per index, and results a test can see at once.
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    ToolHits get(ToolQuery query, Search search) throws IOException {
        if (answers == null) return search.search(query);
        try {
            return answers.get(query, q -> {
                try {
                    return search.search(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Answers served from the cache and searched, since the index was opened. */
    long[] hitsAndMisses() {
        if (answers == null) return new long[] {0, 0};
        var stats = answers.stats();
        return new long[] {stats.hitCount(), stats.missCount()};
    }

    /** The bytes the cached answers weigh now. */
    long weight() {
        if (answers == null) return 0;
        answers.cleanUp();
        return answers.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private static int weight(ToolHits answer) {
        long size = ENTRY_OVERHEAD;
        for (byte[] item : answer.items()) size += item.length;
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
