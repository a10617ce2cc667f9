package io.toolrisk.catalogue;

/** A signal beyond the category, with the quote that shows it and a sentence saying why it matters. */
public record Flag(FlagKind flag, String field, String quote, String detail) {
    public Flag {
        if (flag == null) throw new IllegalArgumentException("flag kind must not be null");
        Evidence.requireText("field", field);
        quote = quote == null ? "" : quote;
        detail = detail == null ? "" : detail;
    }
}
