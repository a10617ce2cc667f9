package io.toolrisk.catalogue;

import java.util.Locale;

/**
 * What a tool can do, one per tool. Declared from least to most severe, so {@link #compareTo} orders
 * by risk and the most severe of several is their maximum.
 */
public enum Category {
    READ(Severity.LOW),
    WRITE(Severity.MEDIUM),
    EXECUTE(Severity.HIGH),
    DESTRUCTIVE(Severity.CRITICAL),
    FINANCIAL(Severity.CRITICAL);

    private final Severity severity;

    Category(Severity severity) {
        this.severity = severity;
    }

    /** The severity that follows from this category (DESIGN.md: severity follows reversibility). */
    public Severity severity() {
        return severity;
    }

    /** The name used in JSON, URLs and rules: {@code read}, {@code write}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Category fromWireName(String name) {
        for (Category c : values()) {
            if (c.wireName().equals(name)) return c;
        }
        throw new IllegalArgumentException(
                "unknown category '%s' (expected read, write, execute, destructive or financial)".formatted(name));
    }

    /** The more severe of two categories. */
    public Category max(Category other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
