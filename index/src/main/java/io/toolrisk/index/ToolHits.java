package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a tool search: the total number of hits, the listing JSON of each hit on the page (UTF-8 bytes
 * of an object: the profile, title and description), the count of hits per category and per severity (the
 * profiles', which flags can raise above what the category gives), and the cursor for the next page when there
 * is one.
 */
public record ToolHits(long total, List<byte[]> items, Map<Category, Long> categories, Map<Severity, Long> severities,
                       Optional<SearchCursor> next) {
    public ToolHits {
        items = List.copyOf(items);
        categories = Map.copyOf(categories);
        severities = Map.copyOf(severities);
    }

    /** No hits at all: every count zero. */
    public static ToolHits none() {
        Map<Category, Long> categories = new EnumMap<>(Category.class);
        for (Category c : Category.values()) categories.put(c, 0L);
        Map<Severity, Long> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) severities.put(s, 0L);
        return new ToolHits(0, List.of(), categories, severities, Optional.empty());
    }
}
