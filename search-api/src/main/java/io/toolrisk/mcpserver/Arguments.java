package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code arguments} of one tool call, read as its input schema says, each mistake a {@link ToolError} that names
 * the argument, what was expected and what came: the messages of the HTTP API's parameters, so that both read alike.
 */
final class Arguments {
    private final ObjectNode values;

    /**
     * @throws ToolError when {@code values} holds an argument not in {@code accepted}
     */
    Arguments(String tool, ObjectNode values, List<String> accepted) {
        this.values = values;
        for (String name : (Iterable<String>) values::fieldNames) {
            if (!accepted.contains(name))
                throw new ToolError("unknown argument '%s' (%s takes %s)".formatted(clip(name), tool,
                        accepted.isEmpty() ? "none" : String.join(", ", accepted)));
        }
    }

    /** True when the call gave {@code name} a value (null counts as none). */
    boolean has(String name) {
        JsonNode value = values.get(name);
        return value != null && !value.isNull();
    }

    /** A string argument, {@code ""} when absent or null. */
    String text(String name) {
        return optionalText(name).orElse("");
    }

    Optional<String> optionalText(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw new ToolError("%s must be a string, got %s".formatted(name, describe(value)));
        return Optional.of(value.textValue());
    }

    String requiredText(String name) {
        String value = optionalText(name).orElseThrow(() -> new ToolError("%s is required".formatted(name)));
        if (value.isBlank()) throw new ToolError("%s must not be blank".formatted(name));
        return value;
    }

    int integer(String name, int defaultValue, int min, int max) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) return defaultValue;
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= min && value.intValue() <= max)
            return value.intValue();
        throw new ToolError("%s must be a whole number from %d to %d, got %s".formatted(name, min, max, describe(value)));
    }

    boolean bool(String name, boolean defaultValue) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) return defaultValue;
        if (!value.isBoolean()) throw new ToolError("%s must be true or false, got %s".formatted(name, describe(value)));
        return value.booleanValue();
    }

    /** One value parsed by {@code parse}, whose {@link IllegalArgumentException} message says what is accepted. */
    <T> T one(String name, T defaultValue, Function<String, T> parse) {
        Optional<String> value = optionalText(name);
        if (value.isEmpty() || value.get().isBlank()) return defaultValue;
        try {
            return parse.apply(value.get().strip());
        } catch (IllegalArgumentException e) {
            throw new ToolError(e.getMessage());
        }
    }

    /** A list of values (an array of strings, or one string), each parsed by {@code parse}; at most {@code max} of them. */
    <T> Set<T> values(String name, int max, Function<String, T> parse) {
        JsonNode value = values.get(name);
        Set<T> parsed = new LinkedHashSet<>();
        if (value == null || value.isNull()) return parsed;
        if (value.isTextual()) value = values.arrayNode().add(value);
        if (!value.isArray()) throw new ToolError("%s must be an array of strings, got %s".formatted(name, describe(value)));
        if (value.size() > max) throw new ToolError("%s takes at most %d values, got %d".formatted(name, max, value.size()));
        for (JsonNode element : value) {
            if (!element.isTextual())
                throw new ToolError("%s must be an array of strings, got an element that is %s".formatted(name, describe(element)));
            try {
                parsed.add(parse.apply(element.textValue().strip()));
            } catch (IllegalArgumentException e) {
                throw new ToolError(e.getMessage());
            }
        }
        return parsed;
    }

    /** An object argument, required. */
    ObjectNode object(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) throw new ToolError("%s is required".formatted(name));
        if (!value.isObject()) throw new ToolError("%s must be an object, got %s".formatted(name, describe(value)));
        return (ObjectNode) value;
    }

    /** How a wrong value is named in a message: its JSON type, and the value itself when it is short. */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string '%s'".formatted(clip(value.textValue()));
            case NUMBER -> "the number " + clip(value.asText());
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BINARY, MISSING -> "nothing";
        };
    }

    /** Caller text quoted in a message, cut to a readable length and to one line. */
    static String clip(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}+", " ");
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100) + "…";
    }
}
