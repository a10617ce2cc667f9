package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;

import java.util.Map;

/**
 * Counts over a whole index: tools per category, severity and flag, and servers per crawl status
 * ({@code crawled}, {@code failed}, {@code needs-credentials}).
 */
public record CatalogueStats(CatalogueInfo info, Map<Category, Long> categories, Map<Severity, Long> severities,
                             Map<FlagKind, Long> flags, Map<String, Long> serverStatuses) {
    public CatalogueStats {
        categories = Map.copyOf(categories);
        severities = Map.copyOf(severities);
        flags = Map.copyOf(flags);
        serverStatuses = Map.copyOf(serverStatuses);
    }
}
