package io.toolrisk.catalogue;

/**
 * Signals beyond the category that a profile can carry, each with evidence. Some make a tool dangerous whatever
 * it does: their {@link #severityFloor()} raises the profile's severity (DESIGN.md, flags).
 */
public enum FlagKind implements WireName {
    ANNOTATION_CONFLICT(Severity.LOW),
    HIDDEN_INSTRUCTIONS(Severity.CRITICAL),
    TOOL_SHADOWING(Severity.CRITICAL),
    PREFERENCE_MANIPULATION(Severity.HIGH),
    INVISIBLE_CHARACTERS(Severity.CRITICAL),
    CREDENTIAL_ACCESS(Severity.LOW),
    OPEN_WORLD(Severity.LOW);

    private final Severity severityFloor;

    FlagKind(Severity severityFloor) {
        this.severityFloor = severityFloor;
    }

    /**
     * The least severity a profile with this flag has: critical for a definition that addresses the model against
     * the user, hides characters or steers other tools; high for one that advertises itself to the model; low (no
     * floor) for the rest.
     */
    public Severity severityFloor() {
        return severityFloor;
    }

    /**
     * True for the flags that make every policy deny the tool until a human has read its definition, whatever
     * its category: those whose floor is critical (hidden instructions, tool shadowing, invisible characters).
     */
    public boolean needsReview() {
        return severityFloor == Severity.CRITICAL;
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static FlagKind fromWireName(String name) {
        return WireName.parse(FlagKind.class, name, "flag");
    }
}
