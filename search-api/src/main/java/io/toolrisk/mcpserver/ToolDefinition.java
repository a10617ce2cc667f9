package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The definitions of ToolRisk's tools as {@code tools/list} gives them. Every one is read-only, and says so: it reads
 * the catalogue or classifies what it is sent, changes nothing, gives the same answer to the same call on the same
 * catalogue, and reaches nothing outside this process.
 */
final class ToolDefinition {
    private ToolDefinition() {
    }

    static ObjectNode readOnly(String name, String title, String description, ObjectNode inputSchema, ObjectNode outputSchema) {
        ObjectNode tool = JsonNodeFactory.instance.objectNode().put("name", name).put("title", title).put("description", description);
        tool.set("inputSchema", inputSchema);
        tool.set("outputSchema", outputSchema);
        tool.putObject("annotations").put("title", title).put("readOnlyHint", true).put("destructiveHint", false)
                .put("idempotentHint", true).put("openWorldHint", false);
        return tool;
    }

    /** {@code definition} as {@code version} knows tools: without what came after it. */
    static ObjectNode forVersion(ObjectNode definition, ProtocolVersion version) {
        ObjectNode shown = definition.deepCopy();
        if (!version.hasStructuredContent()) {
            shown.remove("title");
            shown.remove("outputSchema");
        }
        if (!version.hasToolAnnotations()) shown.remove("annotations");
        return shown;
    }
}
