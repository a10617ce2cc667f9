package io.toolrisk.catalogue;

/** Signals beyond the category that a profile can carry, each with evidence. */
public enum FlagKind {
    ANNOTATION_CONFLICT("annotation-conflict"),
    HIDDEN_INSTRUCTIONS("hidden-instructions"),
    INVISIBLE_CHARACTERS("invisible-characters"),
    CREDENTIAL_ACCESS("credential-access"),
    OPEN_WORLD("open-world");

    private final String wireName;

    FlagKind(String wireName) {
        this.wireName = wireName;
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
                + "invisible-characters, credential-access or open-world)").formatted(name));
    }
}
