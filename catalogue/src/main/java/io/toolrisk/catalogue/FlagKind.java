package io.toolrisk.catalogue;

/**
 * Signals beyond the category that a profile can carry, each with evidence. Some make a tool dangerous whatever
 * it does: their {@link #severityFloor()} raises the profile's severity (DESIGN.md, flags).
 */
public enum FlagKind {
    ANNOTATION_CONFLICT("annotation-conflict", Severity.LOW),
    HIDDEN_INSTRUCTIONS("hidden-instructions", Severity.CRITICAL),
    TOOL_SHADOWING("tool-shadowing", Severity.CRITICAL),
    PREFERENCE_MANIPULATION("preference-manipulation", Severity.HIGH),
    INVISIBLE_CHARACTERS("invisible-characters", Severity.CRITICAL),
    CREDENTIAL_ACCESS("credential-access", Severity.LOW),
    OPEN_WORLD("open-world", Severity.LOW);

    private final String wireName;
    private final Severity severityFloor;

    FlagKind(String wireName, Severity severityFloor) {
        this.wireName = wireName;
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

    /** The name used in JSON and URLs, e.g. {@code annotation-conflict}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static FlagKind fromWireName(String name) {
        for (FlagKind k : values()) {
            if (k.wireName.equals(name)) return k;
        }
        throw new IllegalArgumentException(("unknown flag '%s' (expected annotation-conflict, hidden-instructions, "
                + "tool-shadowing, preference-manipulation, invisible-characters, credential-access or open-world)").formatted(name));
    }
}
