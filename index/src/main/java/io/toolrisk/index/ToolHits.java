package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a tool search: the total number of hits, the listing JSON of each hit on the page (UTF-8 bytes
 * of an object: the profile, title and description), the facet counts per category and per severity, and the
 * cursor for the next page when there is one. Each facet counts the hits as if its own filter were not set, the
 * other filters applied ({@link ToolSearcher#search}).
 */
public record ToolHits(long total, List<byte[]> items, Map<Category, Long> categories, Map<Severity, Long> severities,
                       Optional<SearchCursor> next) {
    public ToolHits {
        items = List.copyOf(items);
        categories = Map.copyOf(categories);
        severities = Map.copyOf(severities);
    }

    /** Hits with no category or severity filter: the severity facet is the sum of the categories. */
    public ToolHits(long total, List<byte[]> items, Map<Category, Long> categories, Optional<SearchCursor> next) {
        this(total, items, categories, sumBySeverity(categories), next);
    }

    private static Map<Severity, Long> sumBySeverity(Map<Category, Long> categories) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0L);
        categories.forEach((c, n) -> counts.merge(c.severity(), n, Long::sum));
        return counts;
    }
}
