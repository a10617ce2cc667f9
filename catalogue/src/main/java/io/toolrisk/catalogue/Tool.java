package io.toolrisk.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An MCP tool definition as {@code tools/list} returns it. {@code description} is empty when the server sent
 * none; {@code inputSchema} is a {@link MissingNode} when absent. Keys this record does not model (including
 * vendor extensions) are kept in {@code unknownFields}, in the order they came, so a tool can be written back
 * as it was read. {@code server} is the optional catalogue key a tool input may carry.
 */
public record Tool(
        String name,
        Optional<String> title,
        String description,
        JsonNode inputSchema,
        ToolAnnotations annotations,
        Optional<String> server,
        Map<String, JsonNode> unknownFields) {

    public Tool {
        if (name == null || name.isBlank())
            throw new IllegalArgumentException("tool name must not be blank (got '%s')".formatted(name));
        title = title == null ? Optional.empty() : title;
        description = description == null ? "" : description;
        inputSchema = inputSchema == null || inputSchema.isNull() ? MissingNode.getInstance() : inputSchema;
        annotations = annotations == null ? ToolAnnotations.NONE : annotations;
        server = server == null ? Optional.empty() : server;
        unknownFields = unknownFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /** A tool with only a name and a description, the rest absent. */
    public static Tool of(String name, String description) {
        return new Tool(name, Optional.empty(), description, MissingNode.getInstance(), ToolAnnotations.NONE,
                Optional.empty(), Map.of());
    }

    /** This tool with its server key set. */
    public Tool withServer(String serverId) {
        return new Tool(name, title, description, inputSchema, annotations, Optional.of(serverId), unknownFields);
    }

    /** The human title: {@code title}, else {@code annotations.title}, else empty. */
    public Optional<String> displayTitle() {
        return title.or(annotations::title);
    }
}
