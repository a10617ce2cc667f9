package io.toolrisk.catalogue;

/**
 * What a tool can do, one per tool. Declared from least to most severe, so {@link #compareTo} orders
 * by risk and the most severe of several is their maximum.
 */
public enum Category implements WireName {
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

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Category fromWireName(String name) {
        return WireName.parse(Category.class, name, "category");
    }

    /** The more severe of two categories. */
    public Category max(Category other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
