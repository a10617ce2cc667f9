package io.toolrisk.catalogue;

import java.util.Locale;

/** How much harm a tool call can do; follows from its {@link Category}. Declared from least to most severe. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The name used in JSON and URLs: {@code low}, {@code medium}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Severity fromWireName(String name) {
        for (Severity s : values()) {
            if (s.wireName().equals(name)) return s;
        }
        throw new IllegalArgumentException(
                "unknown severity '%s' (expected low, medium, high or critical)".formatted(name));
    }
}
