package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one JSON Lines entry into a {@link Tool} with Jackson's streaming parser, for callers that only
 * classify: trees are built for {@code inputSchema} and for values of unexpected types, nothing else, and
 * fields the {@code Tool} record does not model are read (so that what is not JSON is rejected exactly as
 * by {@link ToolReader#parseLine}) and then dropped: the tool's {@code unknownFields} is always empty, so a
 * tool read here must not be written back as a tool. Any line this reader cannot take as a tool object is
 * handed to {@link ToolReader#parseLine}, so rejections carry the same messages. Thread-safe.
 */
public final class ToolLineParser {
    private ToolLineParser() {
    }

    /** Parses one JSON Lines entry; never throws for bad content. */
    public static ToolInput parseLine(byte[] bytes, int offset, int length, long lineNumber) {
        try (JsonParser parser = Json.FACTORY.createParser(bytes, offset, length)) {
            Tool tool = readTool(parser);
            if (tool != null && parser.nextToken() == null) return new ToolInput.Parsed(lineNumber, tool);
        } catch (IOException | IllegalArgumentException e) {
            // Not JSON, not an object, or not a valid tool: the tree reader says exactly what is wrong.
        }
        return ToolReader.parseLine(bytes, offset, length, lineNumber);
    }

    /** The tool of the object the parser stands before; null when the value is not an object. */
    private static Tool readTool(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) return null;
        String name = null;
        JsonNode nameNode = null;
        Optional<String> title = Optional.empty();
        String description = "";
        JsonNode inputSchema = null;
        ToolAnnotations annotations = ToolAnnotations.NONE;
        Optional<String> server = Optional.empty();
        // A key given twice keeps its last value, as in a tree: every key resets what an earlier one set.
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (key) {
                case "name" -> {
                    name = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    nameNode = name == null ? Json.MAPPER.readTree(p) : null;
                }
                case "title" -> title = value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : skipValue(p, Optional.empty());
                case "description" -> description = value == JsonToken.VALUE_STRING ? p.getText() : skipValue(p, "");
                case "inputSchema" -> inputSchema = Json.MAPPER.readTree(p);
                case "annotations" -> annotations = value == JsonToken.START_OBJECT ? readAnnotations(p) : skipValue(p, ToolAnnotations.NONE);
                case "server" -> server = value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : skipValue(p, Optional.empty());
                default -> Json.MAPPER.readTree(p);
            }
        }
        if (name == null) {
            // Missing, null or not a string: the tree reader words it.
            throw new IllegalArgumentException("tool \"name\" is " + (nameNode == null ? "missing" : nameNode.getNodeType()));
        }
        if (name.isBlank()) throw new IllegalArgumentException("tool \"name\" is blank");
        return new Tool(name, title, description, inputSchema, annotations, server, Map.of());
    }

    /** Reads a value of an unexpected type as a tree (so that it is checked as a tree reader checks it), and drops it. */
    private static <T> T skipValue(JsonParser p, T absent) throws IOException {
        Json.MAPPER.readTree(p);
        return absent;
    }

    /** The annotations object the parser stands on, with the semantics of {@link ToolJson#readAnnotations}. */
    private static ToolAnnotations readAnnotations(JsonParser p) throws IOException {
        Optional<String> title = Optional.empty();
        Optional<Boolean> readOnly = Optional.empty();
        Optional<Boolean> destructive = Optional.empty();
        Optional<Boolean> idempotent = Optional.empty();
        Optional<Boolean> openWorld = Optional.empty();
        Map<String, JsonNode> other = null;
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            Optional<Boolean> bool = value == JsonToken.VALUE_TRUE ? Optional.of(true)
                    : value == JsonToken.VALUE_FALSE ? Optional.of(false) : Optional.empty();
            boolean known = switch (key) {
                case "title" -> {
                    title = value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
                    yield title.isPresent();
                }
                case "readOnlyHint" -> (readOnly = bool).isPresent();
                case "destructiveHint" -> (destructive = bool).isPresent();
                case "idempotentHint" -> (idempotent = bool).isPresent();
                case "openWorldHint" -> (openWorld = bool).isPresent();
                default -> false;
            };
            if (!known) {
                if (other == null) other = new LinkedHashMap<>();
                other.put(key, Json.MAPPER.readTree(p));
            } else if (other != null) {
                other.remove(key); // an earlier value of the same key that was not a hint
            }
        }
        return new ToolAnnotations(title, readOnly, destructive, idempotent, openWorld, other);
    }
}
