package io.toolrisk.catalogue;

/** How much harm a tool call can do; follows from its {@link Category}. Declared from least to most severe. */
public enum Severity implements WireName {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Severity fromWireName(String name) {
        return WireName.parse(Severity.class, name, "severity");
    }
}
