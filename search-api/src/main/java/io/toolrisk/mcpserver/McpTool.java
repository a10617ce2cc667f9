package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** One tool of ToolRisk's MCP server: its definition, and the structured answer to a call. */
sealed interface McpTool permits SearchTools, ToolRiskLookup, ClassifyTool, PolicyLookup, RecentChanges {
    /** The name clients call it by. */
    String name();

    /** The definition as the newest revision lists it ({@link ToolDefinition}). */
    ObjectNode definition();

    /**
     * The answer to a call with {@code arguments}, as the definition's output schema describes it.
     *
     * @throws ToolError for what the caller can fix: a bad argument, a server or tool not in the catalogue
     */
    ObjectNode call(ObjectNode arguments) throws IOException;
}
