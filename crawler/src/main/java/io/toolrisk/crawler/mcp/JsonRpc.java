package io.toolrisk.crawler.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building and telling apart JSON-RPC 2.0 messages. */
public final class JsonRpc {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a message from the server is. */
    public enum Kind { REQUEST, NOTIFICATION, RESPONSE, INVALID }

    private JsonRpc() {
    }

    public static Kind kindOf(JsonNode message) {
        if (!message.isObject()) return Kind.INVALID;
        JsonNode id = message.get("id");
        boolean hasId = id != null && !id.isNull();
        if (message.path("method").isTextual()) return hasId ? Kind.REQUEST : Kind.NOTIFICATION;
        if (hasId && (message.has("result") || message.has("error"))) return Kind.RESPONSE;
        return Kind.INVALID;
    }

    /** True when {@code message} is a request, which over HTTP needs an answer in the same exchange. */
    public static boolean isRequest(JsonNode message) {
        return kindOf(message) == Kind.REQUEST;
    }

    /** True when {@code message} is the initialize request. */
    public static boolean isInitialize(JsonNode message) {
        return isRequest(message) && "initialize".equals(message.get("method").textValue());
    }

    /** True when {@code message} is a response to the request numbered {@code id}. */
    public static boolean answers(JsonNode message, long id) {
        if (kindOf(message) != Kind.RESPONSE) return false;
        JsonNode got = message.get("id");
        // Some servers echo a numeric id as a string.
        return got.isIntegralNumber() ? got.asLong() == id : got.isTextual() && got.textValue().equals(Long.toString(id));
    }

    static ObjectNode request(long id, String method, JsonNode params) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) message.set("params", params);
        return message;
    }

    static ObjectNode notification(String method) {
        return NODES.objectNode().put("jsonrpc", "2.0").put("method", method);
    }

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.set("result", result);
        return message;
    }

    static ObjectNode error(JsonNode id, int code, String text) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.putObject("error").put("code", code).put("message", text);
        return message;
    }
}
