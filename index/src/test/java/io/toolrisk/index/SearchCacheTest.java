package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCacheTest {
    private final List<ToolQuery> searched = new ArrayList<>();

    private ToolHits answer(ToolQuery query) {
        searched.add(query);
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) counts.put(c, 1L);
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) severities.put(s, 1L);
        return new ToolHits(5, List.of(new byte[1_000]), counts, severities, Optional.empty());
    }

    @Test
    void repeatedQueryIsAnsweredOnceAndDistinctPagesAreDistinctAnswers() throws IOException {
        var cache = new SearchCache(1 << 20);
        ToolHits first = cache.get(ToolQuery.text("get"), this::answer);
        assertSame(first, cache.get(ToolQuery.text(" get "), this::answer), "the same query once normalized");
        cache.get(ToolQuery.text("get").withPage(2, 20), this::answer);
        assertEquals(List.of(ToolQuery.text("get"), ToolQuery.text("get").withPage(2, 20)), searched);
        assertArrayEquals(new long[] {1, 2}, cache.hitsAndMisses());
    }

    @Test
    void answersAreDroppedWhenTheBudgetIsSpent() throws IOException {
        long budget = 16 * 1_512L; // sixteen answers of 1,000 item bytes plus overhead
        var cache = new SearchCache(budget);
        for (int i = 0; i < 200; i++) cache.get(ToolQuery.text("q" + i), this::answer);
        assertTrue(cache.weight() <= budget, () -> "cached " + cache.weight() + " bytes, budget " + budget);
        assertTrue(cache.weight() > 0, "something is kept");
    }

    @Test
    void aColdQueryAskedByManyAtOnceIsSearchedOnce() throws Exception {
        var cache = new SearchCache(1 << 20);
        var searches = new AtomicInteger();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        SearchCache.Search slow = query -> {
            searches.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return answer(query);
        };
        int clients = 16;
        var answers = new ArrayList<Future<ToolHits>>();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) answers.add(pool.submit(() -> cache.get(ToolQuery.text("cold"), slow)));
            started.await();
            release.countDown();
            ToolHits first = answers.getFirst().get();
            for (Future<ToolHits> f : answers) assertSame(first, f.get());
        }
        assertEquals(1, searches.get(), "one search for sixteen clients");
    }

    @Test
    void aFailedSearchIsNotCachedAndKeepsItsIoException() {
        var cache = new SearchCache(1 << 20);
        IOException e = assertThrows(IOException.class,
                () -> cache.get(ToolQuery.text("x"), q -> { throw new IOException("index closed"); }));
        assertEquals("index closed", e.getMessage());
        assertDoesNotThrow(() -> cache.get(ToolQuery.text("x"), this::answer));
    }

    @Test
    void zeroBudgetCachesNothing() throws IOException {
        var cache = new SearchCache(0);
        cache.get(ToolQuery.text("get"), this::answer);
        cache.get(ToolQuery.text("get"), this::answer);
        assertEquals(2, searched.size());
    }
}
