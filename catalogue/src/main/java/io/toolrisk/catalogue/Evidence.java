package io.toolrisk.catalogue;

/**
 * The exact words that made a rule fire: {@code quote} is {@code field}'s text from {@code start}
 * (inclusive) to {@code end} (exclusive), in UTF-16 offsets. For schema text the field is a JSON pointer
 * such as {@code inputSchema/properties/force}.
 */
public record Evidence(String field, String quote, int start, int end, String rule) {
    public Evidence {
        requireText("field", field);
        requireText("rule", rule);
        if (quote == null) throw new IllegalArgumentException("evidence quote must not be null (rule '%s')".formatted(rule));
        if (start < 0 || end < start)
            throw new IllegalArgumentException("evidence span %d..%d is not a span (rule '%s')".formatted(start, end, rule));
    }

    static void requireText(String what, String value) {
        if (value == null || value.isBlank())
            throw new IllegalArgumentException("%s must not be blank (got '%s')".formatted(what, value));
    }
}
