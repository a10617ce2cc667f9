package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Sha256;
import io.toolrisk.catalogue.Tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of what a tool promises: name, description, inputSchema and annotations, with object keys in a
 * canonical order so that a server re-ordering its JSON does not count as a change.
 */
public final class DefinitionHash {
    private static final String[] HASHED_FIELDS = {"name", "description", "inputSchema", "annotations"};

    private DefinitionHash() {
    }

    /** {@code tool} with its profile and the hash of its definition, as a snapshot keeps it. */
    public static CataloguedTool catalogued(Tool tool, RiskProfile profile) {
        return new CataloguedTool(tool, profile, of(tool));
    }

    /** SHA-256 hex of the canonical definition of {@code tool}. */
    public static String of(Tool tool) {
        ObjectNode written = ToolJson.toNode(tool);
        ObjectNode definition = Json.MAPPER.createObjectNode();
        for (String field : HASHED_FIELDS) definition.set(field, canonical(written.path(field)));
        try {
            return Sha256.hex(Json.MAPPER.writeValueAsBytes(definition));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isMissingNode()) return Json.MAPPER.nullNode();
        if (node.isObject()) {
            var sorted = new TreeMap<String, JsonNode>();
            for (Map.Entry<String, JsonNode> field : node.properties()) sorted.put(field.getKey(), canonical(field.getValue()));
            ObjectNode copy = Json.MAPPER.createObjectNode();
            copy.setAll(sorted);
            return copy;
        }
        if (node.isArray()) {
            var copy = Json.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }
}
