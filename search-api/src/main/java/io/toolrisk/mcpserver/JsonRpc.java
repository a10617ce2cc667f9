package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON-RPC 2.0 answers of the server side: results and errors, with the standard error codes. */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** The implementation-defined code the Streamable HTTP transport uses for refusals at the HTTP level. */
    static final int TRANSPORT_REFUSED = -32000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRpc() {
    }

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.set("result", result);
        return message;
    }

    /** An error answer; {@code id} is null when the request's id could not be read. */
    static ObjectNode error(JsonNode id, int code, String text) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
        message.set("id", id == null ? NullNode.getInstance() : id);
        message.putObject("error").put("code", code).put("message", text);
        return message;
    }

    /** True for an id MCP accepts: a string or an integer (never null, unlike plain JSON-RPC). */
    static boolean isValidId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber());
    }
}
