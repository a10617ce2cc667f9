package io.toolrisk.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;
import io.toolrisk.catalogue.json.ToolJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON the index stores for a tool, written once at index time so that a search answers with stored bytes:
 * the listing item is the DESIGN.md profile ({@code server} always set) followed by {@code flagNames} (the names
 * of its flags, each once, in the order of {@code flags}: what a result row shows), {@code title} (when there is
 * one) and {@code description}.
 */
final class ToolItemJson {
    private ToolItemJson() {
    }

    static byte[] item(String server, Tool tool, RiskProfile profile) {
        ObjectNode written = profileNode(profile);
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("server", server);
        for (Map.Entry<String, JsonNode> field : written.properties()) {
            if (!field.getKey().equals("server")) item.set(field.getKey(), field.getValue());
        }
        var flagNames = item.putArray("flagNames");
        profile.flags().stream().map(f -> f.flag().wireName()).distinct().forEach(flagNames::add);
        tool.displayTitle().ifPresent(t -> item.put("title", t));
        item.put("description", tool.description());
        return bytes(item);
    }

    static byte[] definition(Tool tool) {
        var out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            ToolJson.write(json, tool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return out.toByteArray();
    }

    private static ObjectNode profileNode(RiskProfile profile) {
        try (var buffer = new TokenBuffer(Json.MAPPER, false)) {
            ProfileJson.write(buffer, profile);
            return (ObjectNode) Json.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }
}
