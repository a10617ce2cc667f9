package io.toolrisk.catalogue;

/** Signals beyond the category that a profile can carry, each with evidence. */
public enum FlagKind implements WireName {
    ANNOTATION_CONFLICT,
    HIDDEN_INSTRUCTIONS,
    INVISIBLE_CHARACTERS,
    CREDENTIAL_ACCESS,
    OPEN_WORLD;

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static FlagKind fromWireName(String name) {
        return WireName.parse(FlagKind.class, name, "flag");
    }
}
