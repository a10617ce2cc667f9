package io.toolrisk.classifier;

import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.text.Words;

/**
 * One place of a tool definition that rules read: its field kind, its words, and its path in the profile.
 * A schema path ({@code inputSchema/properties/force/description}) is put together only when a profile
 * needs it: most places never match anything.
 */
final class FieldText {
    private final Field field;
    private final Words words;
    private final String prefix;
    private final String key;
    private final String suffix;
    private String path;
    /** The text as written, when the words were cut from a form of it with the same length; null otherwise. */
    private String written;

    private FieldText(Field field, Words words, String prefix, String key, String suffix) {
        this.field = field;
        this.words = words;
        this.prefix = prefix;
        this.key = key;
        this.suffix = suffix;
    }

    /** A field with a fixed path such as {@code description}. */
    static FieldText of(Field field, String path, Words words) {
        var t = new FieldText(field, words, path, null, null);
        t.path = path;
        return t;
    }

    /** A schema field whose path is {@code prefix + escaped key + suffix}. */
    static FieldText inSchema(Field field, String prefix, String key, String suffix, Words words) {
        return new FieldText(field, words, prefix, key, suffix);
    }

    /** Quotes {@code text} (the field as written, as long as the text its words were cut from) in evidence. */
    FieldText quoting(String text) {
        if (text.length() != words.source().length()) throw new IllegalArgumentException("a quoted form must be as long as the text read");
        written = text;
        return this;
    }

    /** The field as written: what evidence quotes from (the same offsets as {@link #text()}). */
    String written() {
        return written == null ? words.source() : written;
    }

    /** Whether this is a field of a top-level parameter ({@code inputSchema/properties/<key>...}), not of a nested one. */
    boolean ofTopLevelParameter() {
        return "inputSchema/properties/".equals(prefix);
    }

    /** The schema key of a schema field (a parameter's name), or null for a field with a fixed path. */
    String key() {
        return key;
    }

    Field field() {
        return field;
    }

    Words words() {
        return words;
    }

    String text() {
        return words.source();
    }

    /** The path of this field in a profile: a name, or a JSON pointer below {@code inputSchema}. */
    String path() {
        if (path == null) path = prefix + ToolScan.pointerEscape(key) + suffix;
        return path;
    }
}
