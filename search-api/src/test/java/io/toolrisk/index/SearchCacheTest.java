package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SearchCacheTest {
    private final List<ToolQuery> searched = new ArrayList<>();

    private ToolHits answer(ToolQuery query) {
        searched.add(query);
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) counts.put(c, 1L);
        Map<io.toolrisk.catalogue.Severity, Long> severities = new EnumMap<>(io.toolrisk.catalogue.Severity.class);
        for (io.toolrisk.catalogue.Severity s : io.toolrisk.catalogue.Severity.values()) severities.put(s, 1L);
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
    void leastRecentlyUsedAnswersGoWhenTheBudgetIsSpent() throws IOException {
        var cache = new SearchCache(16 * 1_512L); // sixteen answers of 1,000 item bytes plus overhead
        for (int i = 0; i < 16; i++) cache.get(ToolQuery.text("q" + i), this::answer);
        cache.get(ToolQuery.text("q0"), this::answer); // used again: now the most recent
        cache.get(ToolQuery.text("q16"), this::answer); // over budget: q1 goes
        searched.clear();
        cache.get(ToolQuery.text("q0"), this::answer);
        cache.get(ToolQuery.text("q1"), this::answer);
        assertEquals(List.of(ToolQuery.text("q1")), searched);
    }

    @Test
    void zeroBudgetCachesNothing() throws IOException {
        var cache = new SearchCache(0);
        cache.get(ToolQuery.text("get"), this::answer);
        cache.get(ToolQuery.text("get"), this::answer);
        assertEquals(2, searched.size());
    }
}
