package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The top-level parameters of a tool's inputSchema: name, type, whether required, allowed values, description. */
final class ParameterTable {
    private static final int MAX_ENUM_SHOWN = 50;

    private ParameterTable() {
    }

    static void render(Tag into, JsonNode schema) {
        into.add("h2").text("Parameters");
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            into.add("p", "none").text(schema.isMissingNode() ? "The server sent no inputSchema." : "No parameters.");
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Tag table = Blocks.table(into, "parameters", List.of("name", "type", "required", "values", "description"));
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            JsonNode spec = p.getValue();
            Tag row = table.add("tr");
            row.add("td").add("code").text(p.getKey());
            row.add("td").text(type(spec));
            row.add("td").text(required.contains(p.getKey()) ? "yes" : "");
            Tag values = row.add("td");
            int shown = 0;
            for (JsonNode value : spec.path("enum")) {
                if (shown++ == MAX_ENUM_SHOWN) {
                    values.text("…");
                    break;
                }
                values.add("code").text(value.isTextual() ? value.textValue() : value.toString());
                values.text(" ");
            }
            row.add("td").text(spec.path("description").asText(""));
        }
    }

    private static String type(JsonNode spec) {
        JsonNode type = spec.path("type");
        if (type.isTextual()) return type.textValue();
        if (type.isArray()) return type.toString();
        if (spec.has("anyOf")) return "anyOf";
        if (spec.has("oneOf")) return "oneOf";
        return "";
    }
}
