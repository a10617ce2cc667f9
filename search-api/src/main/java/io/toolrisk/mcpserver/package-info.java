/**
 * ToolRisk as an MCP server: the catalogue's answers as five read-only MCP tools ({@code search_tools},
 * {@code get_tool_risk}, {@code classify_tool}, {@code get_policy}, {@code recent_changes}) behind the JSON-RPC
 * lifecycle of the protocol ({@link io.toolrisk.mcpserver.McpServer}), spoken over stdio
 * ({@link io.toolrisk.mcpserver.StdioServer}, which {@code toolrisk mcp} runs) and over Streamable HTTP
 * ({@link io.toolrisk.mcpserver.StreamableHttpEndpoint}, {@code POST /mcp} in {@code serve}). Every message is a
 * stranger's: sizes, depth, time and arguments are bounded, a bad argument is a tool error the caller can read and a
 * malformed message a JSON-RPC error, never a crash. It reads the live index and the changes feed and classifies what
 * a caller sends; it never crawls, writes a snapshot or calls out.
 */
package io.toolrisk.mcpserver;
