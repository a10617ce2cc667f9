package io.toolrisk.catalogue;

import java.util.Optional;

/** A signal beyond the category, with the quote that shows it and a sentence saying why it matters. */
public record Flag(FlagKind flag, String field, String quote, String detail) {
    /** The field of an annotation conflict where the author declares the tool destructive. */
    public static final String DESTRUCTIVE_HINT_FIELD = "annotations/destructiveHint";
    /** The quote of such a conflict. */
    public static final String DESTRUCTIVE_HINT_TRUE = "destructiveHint: true";
    /** The field of an annotation conflict where the author declares the tool as changing things. */
    public static final String READ_ONLY_HINT_FIELD = "annotations/readOnlyHint";
    /** The quote of such a conflict. */
    public static final String READ_ONLY_HINT_FALSE = "readOnlyHint: false";

    public Flag {
        if (flag == null) throw new IllegalArgumentException("flag kind must not be null");
        Evidence.requireText("field", field);
        quote = quote == null ? "" : quote;
        detail = detail == null ? "" : detail;
    }

    /**
     * What the tool's author claims it is, when this flag records an author claiming more danger than the evidence
     * shows: destructive for {@code destructiveHint: true}, write for {@code readOnlyHint: false}. Policies treat the
     * tool by the stricter reading. Empty for every other flag.
     */
    public Optional<Category> authorsClaim() {
        if (flag != FlagKind.ANNOTATION_CONFLICT) return Optional.empty();
        if (field.equals(DESTRUCTIVE_HINT_FIELD) && quote.equals(DESTRUCTIVE_HINT_TRUE)) return Optional.of(Category.DESTRUCTIVE);
        if (field.equals(READ_ONLY_HINT_FIELD) && quote.equals(READ_ONLY_HINT_FALSE)) return Optional.of(Category.WRITE);
        return Optional.empty();
    }
}
