package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One server as the servers index lists it, read from its summary JSON: key, name and version, crawl status, and
 * its tools counted per category and per flag (tools carrying each flag).
 */
public record ServerRow(String id, String name, String version, String status, long tools,
                        Map<Category, Long> categories, Map<FlagKind, Long> flags) {
    /** Most dangerous first: more critical tools, then more high, then more medium, then more tools, then by key. */
    static final Comparator<ServerRow> BY_RISK = Comparator
            .comparingLong((ServerRow r) -> -r.count(Severity.CRITICAL))
            .thenComparingLong(r -> -r.count(Severity.HIGH))
            .thenComparingLong(r -> -r.count(Severity.MEDIUM))
            .thenComparingLong(r -> -r.tools())
            .thenComparing(ServerRow::id);
    static final Comparator<ServerRow> BY_NAME = Comparator.comparing(ServerRow::id);
    static final Comparator<ServerRow> BY_TOOLS = Comparator.comparingLong((ServerRow r) -> -r.tools()).thenComparing(ServerRow::id);

    public ServerRow {
        categories = Map.copyOf(categories);
        flags = Map.copyOf(flags);
    }

    /** The row of a server summary (the JSON the index stores for a server). */
    public static ServerRow of(JsonNode summary) {
        Map<Category, Long> categories = new EnumMap<>(Category.class);
        for (Category c : Category.values()) categories.put(c, summary.path("categories").path(c.wireName()).asLong());
        Map<FlagKind, Long> flags = new EnumMap<>(FlagKind.class);
        for (FlagKind k : FlagKind.values()) flags.put(k, summary.path("flags").path(k.wireName()).asLong());
        JsonNode info = summary.path("server");
        return new ServerRow(summary.path("id").asText(), info.path("title").asText(info.path("name").asText()),
                info.path("version").asText(), summary.path("status").asText(), summary.path("tools").asLong(), categories, flags);
    }

    /** Tools of severity {@code severity}. */
    long count(Severity severity) {
        long n = 0;
        for (Category c : Category.values()) if (c.severity() == severity) n += categories.getOrDefault(c, 0L);
        return n;
    }

    /** True when {@code text} (lower case) is part of the key or the name. */
    boolean matches(String text) {
        return id.toLowerCase(Locale.ROOT).contains(text) || name.toLowerCase(Locale.ROOT).contains(text);
    }
}
