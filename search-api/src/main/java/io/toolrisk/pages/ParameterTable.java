package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The top-level parameters of a tool's inputSchema: name, type, whether required, allowed values, description. */
final class ParameterTable {
    private static final int MAX_ENUM_SHOWN = 50;

    private ParameterTable() {
    }

    static void render(StringBuilder body, JsonNode schema) {
        body.append("<h2>Parameters</h2>");
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            body.append("<p class=\"none\">").append(schema.isMissingNode() ? "The server sent no inputSchema." : "No parameters.").append("</p>");
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        body.append("<table class=\"parameters\" id=\"parameters\"><tr><th>name</th><th>type</th><th>required</th><th>values</th><th>description</th></tr>");
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            JsonNode spec = p.getValue();
            body.append("<tr><td><code>").append(Html.text(p.getKey())).append("</code></td><td>")
                    .append(Html.text(type(spec))).append("</td><td>").append(required.contains(p.getKey()) ? "yes" : "")
                    .append("</td><td>");
            int shown = 0;
            for (JsonNode value : spec.path("enum")) {
                if (shown++ == MAX_ENUM_SHOWN) {
                    body.append("…");
                    break;
                }
                body.append("<code>").append(Html.text(value.isTextual() ? value.textValue() : value.toString())).append("</code> ");
            }
            body.append("</td><td>").append(Html.text(spec.path("description").asText(""))).append("</td></tr>");
        }
        body.append("</table>");
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
