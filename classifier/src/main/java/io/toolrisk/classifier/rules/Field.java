package io.toolrisk.classifier.rules;

import io.toolrisk.catalogue.WireName;

/**
 * The parts of a tool definition a rule can read. Identifier fields (the name, schema property names,
 * the values of an operation enum) are cut into tokens; text fields (title, description, property
 * descriptions) into words; {@link #ANNOTATIONS} holds the declared hints.
 */
public enum Field implements WireName {
    NAME(true),
    TITLE(false),
    DESCRIPTION(false),
    PROPERTY(true),
    ENUM(true),
    PROPERTY_DESCRIPTION(false),
    ANNOTATIONS(false);

    private final boolean identifier;

    Field(boolean identifier) {
        this.identifier = identifier;
    }

    /** True for fields cut into identifier tokens rather than prose words. */
    public boolean isIdentifier() {
        return identifier;
    }

    /** True for the fields that hold prose. */
    public boolean isText() {
        return this == TITLE || this == DESCRIPTION || this == PROPERTY_DESCRIPTION;
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Field fromWireName(String name) {
        return WireName.parse(Field.class, name, "field");
    }
}
