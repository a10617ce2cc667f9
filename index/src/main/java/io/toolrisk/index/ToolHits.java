package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a tool search: the total number of hits, the listing JSON of each hit on the page (UTF-8 bytes
 * of an object: the profile, title and description), the count of hits per category, and the cursor for the
 * next page when there is one.
 */
public record ToolHits(long total, List<byte[]> items, Map<Category, Long> categories, Optional<SearchCursor> next) {
    public ToolHits {
        items = List.copyOf(items);
        categories = Map.copyOf(categories);
    }

    /** Hits per severity, summed from the categories. */
    public Map<Severity, Long> severities() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0L);
        categories.forEach((c, n) -> counts.merge(c.severity(), n, Long::sum));
        return counts;
    }
}
