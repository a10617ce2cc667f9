package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** One tool of ToolRisk's MCP server: the structured answer to a call. Its definition is a {@code DEFINITION} beside it. */
sealed interface McpTool permits SearchTools, ToolRiskLookup, ClassifyTool, PolicyLookup, RecentChanges {
    /**
     * The answer to a call with {@code arguments}, as the definition's output schema describes it.
     *
     * @throws ToolError for what the caller can fix: a bad argument, a server or tool not in the catalogue
     */
    ObjectNode call(ObjectNode arguments) throws IOException;
}
