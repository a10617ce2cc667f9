package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a {@link Tool} from its MCP JSON object and writes it back in the same shape. */
public final class ToolJson {
    private ToolJson() {
    }

    /**
     * The tool that {@code node} describes.
     *
     * @throws IllegalArgumentException when {@code node} is not an object or has no string {@code name}
     */
    public static Tool read(JsonNode node) {
        if (!node.isObject())
            throw new IllegalArgumentException("expected a tool object, got %s".formatted(describe(node)));
        JsonNode name = node.get("name");
        if (name == null || name.isNull())
            throw new IllegalArgumentException("tool has no \"name\"");
        if (!name.isTextual())
            throw new IllegalArgumentException("tool \"name\" must be a string, got %s".formatted(describe(name)));
        if (name.textValue().isBlank())
            throw new IllegalArgumentException("tool \"name\" is blank");

        Optional<String> title = Optional.empty();
        String description = "";
        JsonNode inputSchema = null;
        ToolAnnotations annotations = ToolAnnotations.NONE;
        Optional<String> server = Optional.empty();
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "name" -> { }
                case "title" -> {
                    if (value.isTextual()) title = Optional.of(value.textValue());
                    else if (!value.isNull()) unknown.put("title", value);
                }
                case "description" -> {
                    if (value.isTextual()) description = value.textValue();
                    else if (!value.isNull()) unknown.put("description", value);
                }
                case "inputSchema" -> inputSchema = value;
                case "annotations" -> {
                    if (value.isObject()) annotations = readAnnotations(value);
                    else if (!value.isNull()) unknown.put("annotations", value);
                }
                case "server" -> {
                    if (value.isTextual()) server = Optional.of(value.textValue());
                    else if (!value.isNull()) unknown.put("server", value);
                }
                default -> unknown.put(field.getKey(), value);
            }
        }
        return new Tool(name.textValue(), title, description, inputSchema, annotations, server, unknown);
    }

    static ToolAnnotations readAnnotations(JsonNode node) {
        Optional<String> title = Optional.empty();
        Optional<Boolean> readOnly = Optional.empty();
        Optional<Boolean> destructive = Optional.empty();
        Optional<Boolean> idempotent = Optional.empty();
        Optional<Boolean> openWorld = Optional.empty();
        Map<String, JsonNode> other = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            String key = field.getKey();
            boolean bool = value.isBoolean();
            switch (key) {
                case "title" -> {
                    if (value.isTextual()) title = Optional.of(value.textValue());
                    else other.put(key, value);
                }
                case "readOnlyHint" -> { if (bool) readOnly = Optional.of(value.booleanValue()); else other.put(key, value); }
                case "destructiveHint" -> { if (bool) destructive = Optional.of(value.booleanValue()); else other.put(key, value); }
                case "idempotentHint" -> { if (bool) idempotent = Optional.of(value.booleanValue()); else other.put(key, value); }
                case "openWorldHint" -> { if (bool) openWorld = Optional.of(value.booleanValue()); else other.put(key, value); }
                default -> other.put(key, value);
            }
        }
        return new ToolAnnotations(title, readOnly, destructive, idempotent, openWorld, other);
    }

    /** Writes {@code tool} as an MCP tool object; absent parts are left out, unknown fields follow. */
    public static void write(JsonGenerator out, Tool tool) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", tool.name());
        if (tool.title().isPresent()) out.writeStringField("title", tool.title().get());
        if (!tool.description().isEmpty()) out.writeStringField("description", tool.description());
        if (!tool.inputSchema().isMissingNode()) {
            out.writeFieldName("inputSchema");
            Json.MAPPER.writeTree(out, tool.inputSchema());
        }
        if (!tool.annotations().isEmpty()) {
            out.writeFieldName("annotations");
            writeAnnotations(out, tool.annotations());
        }
        if (tool.server().isPresent()) out.writeStringField("server", tool.server().get());
        writeFields(out, tool.unknownFields());
        out.writeEndObject();
    }

    /** {@code tool} as the JSON tree {@link #write} would write. */
    public static ObjectNode toNode(Tool tool) {
        try (var buffer = new TokenBuffer(Json.MAPPER, false)) {
            write(buffer, tool);
            return (ObjectNode) Json.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }

    static void writeAnnotations(JsonGenerator out, ToolAnnotations a) throws IOException {
        out.writeStartObject();
        if (a.title().isPresent()) out.writeStringField("title", a.title().get());
        writeHint(out, "readOnlyHint", a.readOnlyHint());
        writeHint(out, "destructiveHint", a.destructiveHint());
        writeHint(out, "idempotentHint", a.idempotentHint());
        writeHint(out, "openWorldHint", a.openWorldHint());
        writeFields(out, a.other());
        out.writeEndObject();
    }

    private static void writeHint(JsonGenerator out, String name, Optional<Boolean> hint) throws IOException {
        if (hint.isPresent()) out.writeBooleanField(name, hint.get());
    }

    private static void writeFields(JsonGenerator out, Map<String, JsonNode> fields) throws IOException {
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            out.writeFieldName(field.getKey());
            Json.MAPPER.writeTree(out, field.getValue());
        }
    }

    static String describe(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY, POJO, MISSING -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
