package io.toolrisk.mcpserver;

/**
 * A tool call that cannot be answered as asked — a bad argument, a server or tool not in the catalogue, an answer over
 * the limits: the caller gets it as a tool result with {@code isError}, its message in words a model can act on.
 */
final class ToolError extends RuntimeException {
    ToolError(String message) {
        super(message, null, false, false);
    }
}
