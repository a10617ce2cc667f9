package io.toolrisk.classifier.rules;

import io.toolrisk.catalogue.WireName;

/**
 * The parts of a tool definition a rule can read. Identifier fields (the name, schema property names,
 * the values of an operation enum) are cut into tokens; text fields (title, description, property
 * descriptions, prose values of parameters, a server's instructions) into words; {@link #ANNOTATIONS} holds the
 * declared hints.
 */
public enum Field implements WireName {
    NAME(true),
    TITLE(false),
    DESCRIPTION(false),
    PROPERTY(true),
    ENUM(true),
    PROPERTY_DESCRIPTION(false),
    /** A parameter's default, enum or example value that reads as prose (it reaches the model as much as a description). */
    VALUE(false),
    /** The instructions a server sends with its {@code initialize} result, read with every tool of the server. */
    INSTRUCTIONS(false),
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
        return this == TITLE || this == DESCRIPTION || this == PROPERTY_DESCRIPTION || this == VALUE || this == INSTRUCTIONS;
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Field fromWireName(String name) {
        return WireName.parse(Field.class, name, "field");
    }
}
