package io.toolrisk.crawler.discovery;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of the fields of a discovery document, failing with the field and where it is. */
final class JsonFields {
    private final JsonNode node;
    private final String where;

    JsonFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw wrong(field, "a string");
        return Optional.of(value.textValue());
    }

    String text(String field) {
        return optionalText(field).orElseThrow(() -> new IllegalArgumentException(
                "%s: \"%s\" is missing".formatted(where, field)));
    }

    List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return List.of();
        if (!value.isArray()) throw wrong(field, "an array of strings");
        var out = new ArrayList<String>();
        for (JsonNode element : value) {
            if (!element.isTextual()) throw wrong(field, "an array of strings");
            out.add(element.textValue());
        }
        return out;
    }

    /** A string-to-string object; numbers and booleans are taken as their text, as client configs write them. */
    Map<String, String> textMap(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Map.of();
        if (!value.isObject()) throw wrong(field, "an object of strings");
        var out = new LinkedHashMap<String, String>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) throw wrong(field + "." + e.getKey(), "a string");
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    Optional<Integer> optionalInt(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.canConvertToInt() || !value.isIntegralNumber()) throw wrong(field, "an integer");
        return Optional.of(value.intValue());
    }

    private IllegalArgumentException wrong(String field, String expected) {
        return new IllegalArgumentException("%s: \"%s\" must be %s".formatted(where, field, expected));
    }
}
