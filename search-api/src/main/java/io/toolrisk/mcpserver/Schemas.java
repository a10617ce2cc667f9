package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.WireName;

import java.util.Arrays;
import java.util.List;

/**
 * The JSON Schemas of the tools' inputs and outputs, built from small parts so that the profile, the evidence and the
 * flags are described once. Every schema is inline (no {@code $ref}): clients validate with whatever draft they have.
 * Input objects refuse properties they do not name; output objects allow more, so that answers may grow.
 */
final class Schemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Schemas() {
    }

    /** An object with {@code properties} given as name, schema pairs, and the names that are {@code required}. */
    static ObjectNode object(List<String> required, Object... properties) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        for (int i = 0; i < properties.length; i += 2) props.set((String) properties[i], (ObjectNode) properties[i + 1]);
        if (!required.isEmpty()) {
            ArrayNode names = schema.putArray("required");
            required.forEach(names::add);
        }
        return schema;
    }

    /** An input object: as {@link #object}, refusing other properties. */
    static ObjectNode input(List<String> required, Object... properties) {
        return object(required, properties).put("additionalProperties", false);
    }

    static ObjectNode string(String description) {
        return described(NODES.objectNode().put("type", "string"), description);
    }

    static ObjectNode integer(String description, int minimum, int maximum, int defaultValue) {
        return described(NODES.objectNode().put("type", "integer").put("minimum", minimum).put("maximum", maximum)
                .put("default", defaultValue), description);
    }

    static ObjectNode integer(String description) {
        return described(NODES.objectNode().put("type", "integer"), description);
    }

    static ObjectNode number(String description) {
        return described(NODES.objectNode().put("type", "number"), description);
    }

    static ObjectNode bool(String description) {
        return described(NODES.objectNode().put("type", "boolean"), description);
    }

    static ObjectNode array(ObjectNode items, String description) {
        ObjectNode schema = NODES.objectNode().put("type", "array");
        schema.set("items", items);
        return described(schema, description);
    }

    static ObjectNode oneOf(List<String> values, String description) {
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ArrayNode allowed = schema.putArray("enum");
        values.forEach(allowed::add);
        return described(schema, description);
    }

    static <E extends Enum<E> & WireName> List<String> wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList();
    }

    /** A catalogue key of a server: what the API's URLs and the policies name it by. */
    static ObjectNode serverKey(String description) {
        return string(description).put("pattern", "^[a-z0-9][a-z0-9._-]{0,127}$");
    }

    /** The risk profile of DESIGN.md, as every tool that answers with one answers it. */
    static ObjectNode profile() {
        return object(List.of("tool", "category", "severity", "confidence", "evidence", "flags", "ruleset"),
                "server", string("the server's catalogue key"),
                "tool", string("the tool's name, exactly as its server lists it"),
                "category", oneOf(wireNames(Category.class), "what the tool does"),
                "severity", oneOf(wireNames(Severity.class), "follows from the category; flags that make any tool dangerous raise it"),
                "confidence", number("how strongly the evidence points to the category, 0 to 1"),
                "evidence", array(evidence(), "the words that decided the category, strongest first"),
                "flags", array(flag(), "signals beyond the category, each with its quote"),
                "actions", array(object(List.of("param", "value", "category", "severity"),
                        "param", string("the parameter whose value selects the operation"),
                        "value", string("one value of it"),
                        "category", oneOf(wireNames(Category.class), "what that operation does"),
                        "severity", oneOf(wireNames(Severity.class), "follows from its category")),
                        "for a tool whose parameter selects one of several operations: each operation's category"),
                "ruleset", string("the version of the rules that classified it"));
    }

    /** A profile as a listing carries it: with the tool's title and description. */
    static ObjectNode listedProfile() {
        ObjectNode schema = profile();
        ((ObjectNode) schema.get("properties")).set("title", string("the tool's title, when it has one"));
        ((ObjectNode) schema.get("properties")).set("description", string("the tool's description as its server sent it"));
        return schema;
    }

    static ObjectNode evidence() {
        return object(List.of("field", "quote", "start", "end", "rule"),
                "field", string("where the words are: name, title, description, or a JSON pointer into inputSchema"),
                "quote", string("the exact words"),
                "start", integer("offset of the quote in the field (UTF-16 units)"),
                "end", integer("offset just past the quote"),
                "rule", string("the id of the rule that matched"));
    }

    static ObjectNode flag() {
        return object(List.of("flag", "field", "quote", "detail"),
                "flag", oneOf(wireNames(FlagKind.class), "the kind of signal"),
                "field", string("where it was found"),
                "quote", string("the words that show it"),
                "detail", string("why it matters"));
    }

    /** A count per value of an enum: {@code {"read": 3, "write": 0, ...}}. */
    static <E extends Enum<E> & WireName> ObjectNode counts(Class<E> type, String description) {
        var properties = new Object[type.getEnumConstants().length * 2];
        int i = 0;
        for (String name : wireNames(type)) {
            properties[i++] = name;
            properties[i++] = integer(null);
        }
        return described(object(wireNames(type), properties), description);
    }

    private static ObjectNode described(ObjectNode schema, String description) {
        if (description != null) schema.put("description", description);
        return schema;
    }
}
