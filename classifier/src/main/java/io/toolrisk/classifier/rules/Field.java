package io.toolrisk.classifier.rules;

/**
 * The parts of a tool definition a rule can read. Identifier fields (the name, schema property names,
 * the values of an operation enum) are cut into tokens; text fields (title, description, property
 * descriptions, prose values of parameters, a server's instructions) into words; {@link #ANNOTATIONS} holds the
 * declared hints.
 */
public enum Field {
    NAME("name", true),
    TITLE("title", false),
    DESCRIPTION("description", false),
    PROPERTY("property", true),
    ENUM("enum", true),
    PROPERTY_DESCRIPTION("property-description", false),
    /** A parameter's default, enum or example value that reads as prose (it reaches the model as much as a description). */
    VALUE("value", false),
    /** The instructions a server sends with its {@code initialize} result, read with every tool of the server. */
    INSTRUCTIONS("instructions", false),
    ANNOTATIONS("annotations", false);

    private final String wireName;
    private final boolean identifier;

    Field(String wireName, boolean identifier) {
        this.wireName = wireName;
        this.identifier = identifier;
    }

    /** The name used in ruleset files. */
    public String wireName() {
        return wireName;
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
        for (Field f : values()) {
            if (f.wireName.equals(name)) return f;
        }
        throw new IllegalArgumentException(("unknown field '%s' (expected name, title, description, property, enum, "
                + "property-description, value, instructions or annotations)").formatted(name));
    }
}
