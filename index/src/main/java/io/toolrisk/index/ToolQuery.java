package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A search over the catalogue's tools: free text (any syntax is read, never an error; only its length and, at
 * search time, its word count are bounded), filters (values of one filter are OR'ed, different filters AND'ed),
 * an order, and a page — by number, or after a cursor.
 *
 * @param text     free text; blank for all tools
 * @param page     1-based page number; ignored when {@code after} is present
 * @param size     hits per page, 1..{@value #MAX_SIZE}
 */
public record ToolQuery(
        String text,
        Set<Category> categories,
        Set<Severity> severities,
        Set<String> servers,
        Set<FlagKind> flags,
        Order order,
        int page,
        int size,
        Optional<SearchCursor> after) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Page numbers reach this many hits at most; deeper goes through a cursor. */
    public static final int MAX_PAGED_HITS = 10_000;
    public static final int MAX_TEXT_LENGTH = 1_000;
    /**
     * Prefix searches ({@code word*}) in one text at most: each walks the term dictionary of every text field and
     * unions the postings of every word it finds (130 of them took 0.3 s at a million tools).
     */
    public static final int MAX_PREFIXES = 16;

    /**
     * {@code text} when it can be searched as it is: at most {@link #MAX_TEXT_LENGTH} chars and
     * {@link #MAX_PREFIXES} prefix searches (an unescaped {@code *}).
     *
     * @throws IllegalArgumentException saying which limit it passes
     */
    public static String checkText(String text) {
        if (text.length() > MAX_TEXT_LENGTH)
            throw new IllegalArgumentException("q is %d characters long; at most %d are searched"
                    .formatted(text.length(), MAX_TEXT_LENGTH));
        int prefixes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '*') prefixes++;
        }
        if (prefixes > MAX_PREFIXES)
            throw new IllegalArgumentException("q has %d prefix searches (word*); at most %d are searched at once"
                    .formatted(prefixes, MAX_PREFIXES));
        return text;
    }

    /** How hits are ordered: by relevance (severity, then id, break ties) or by severity (relevance, then id). */
    public enum Order { RELEVANCE, SEVERITY }

    public ToolQuery {
        text = checkText(text == null ? "" : text.strip());
        categories = Set.copyOf(categories);
        severities = Set.copyOf(severities);
        servers = Set.copyOf(servers);
        flags = Set.copyOf(flags);
        if (order == null) order = Order.RELEVANCE;
        if (size < 1 || size > MAX_SIZE)
            throw new IllegalArgumentException("size must be 1..%d, got %d".formatted(MAX_SIZE, size));
        if (page < 1) throw new IllegalArgumentException("page must be at least 1, got " + page);
        if ((long) page * size > MAX_PAGED_HITS)
            throw new IllegalArgumentException("page %d of size %d reaches past hit %,d; use the cursor for deeper results"
                    .formatted(page, size, MAX_PAGED_HITS));
        after = after == null ? Optional.empty() : after;
        if (after.isPresent() && after.get().order() != order)
            throw new IllegalArgumentException("cursor was made for sort=%s, not sort=%s"
                    .formatted(after.get().order().name().toLowerCase(Locale.ROOT),
                            order.name().toLowerCase(Locale.ROOT)));
    }

    /** Free text only, first page, default size. */
    public static ToolQuery text(String text) {
        return new ToolQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), Order.RELEVANCE, 1, DEFAULT_SIZE, Optional.empty());
    }

    public ToolQuery withCategories(Set<Category> values) {
        return new ToolQuery(text, values, severities, servers, flags, order, page, size, after);
    }

    public ToolQuery withServers(Set<String> values) {
        return new ToolQuery(text, categories, severities, values, flags, order, page, size, after);
    }

    public ToolQuery withFlags(Set<FlagKind> values) {
        return new ToolQuery(text, categories, severities, servers, values, order, page, size, after);
    }

    public ToolQuery withSeverities(Set<Severity> values) {
        return new ToolQuery(text, categories, values, servers, flags, order, page, size, after);
    }

    public ToolQuery withOrder(Order value) {
        return new ToolQuery(text, categories, severities, servers, flags, value, page, size, Optional.empty());
    }

    public ToolQuery withPage(int pageNumber, int pageSize) {
        return new ToolQuery(text, categories, severities, servers, flags, order, pageNumber, pageSize, Optional.empty());
    }

    public ToolQuery after(SearchCursor cursor) {
        return new ToolQuery(text, categories, severities, servers, flags, order, 1, size, Optional.of(cursor));
    }
}
