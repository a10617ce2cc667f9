package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.index.ChangeLog;
import io.toolrisk.index.LiveIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ToolRisk's MCP server, whatever carries its messages: the JSON-RPC lifecycle ({@code initialize} with protocol
 * negotiation, {@code ping}), {@code tools/list} and {@code tools/call} of five read-only tools over the live
 * catalogue. A malformed message or an unknown method or tool is a JSON-RPC error; a call the tool cannot answer as
 * asked (a bad argument, a server not in the catalogue, no answer within {@link #CALL_TIMEOUT}) is a tool result with
 * {@code isError}; nothing a client sends ends the server. Thread-safe: the transports call it from many threads.
 */
public final class McpServer {
    /** How long one tool call may take; the HTTP API's idle timeout is 15 s. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Messages in one JSON-RPC batch at most (the official SDK's bound too). */
    static final int MAX_BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(McpServer.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INSTRUCTIONS = "ToolRisk knows MCP tools and how risky each is: search_tools finds tools "
            + "by words, category, severity, server or flag; get_tool_risk gives one tool's profile with the quoted evidence; "
            + "classify_tool judges a definition you pass; get_policy gives a server's recommended gateway policy; "
            + "recent_changes lists what changed between refreshes, possible rug pulls marked.";

    /** A tool and its definition as the newest revision lists it ({@link ToolDefinition}). */
    private record Registered(ObjectNode definition, McpTool tool) {
        String name() {
            return definition.path("name").textValue();
        }
    }

    private final Map<String, Registered> tools = new LinkedHashMap<>();
    private final Duration callTimeout;
    private final String version;
    private final ExecutorService calls;

    /** A server answering from {@code view} and its changes feed {@code changes}, classifying with {@code classifier}. */
    public McpServer(LiveIndex view, Classifier classifier, ChangeLog changes) {
        // Each call on a virtual thread of its own, so that its time can be bounded; nothing to shut down.
        this(view, classifier, changes, CALL_TIMEOUT, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** As above, each call run by {@code calls} and bounded by {@code callTimeout}. */
    McpServer(LiveIndex view, Classifier classifier, ChangeLog changes, Duration callTimeout, ExecutorService calls) {
        this.callTimeout = callTimeout;
        this.calls = calls;
        for (Registered tool : List.of(
                new Registered(SearchTools.DEFINITION, new SearchTools(view)),
                new Registered(ToolRiskLookup.DEFINITION, new ToolRiskLookup(view)),
                new Registered(ClassifyTool.DEFINITION, new ClassifyTool(classifier)),
                new Registered(PolicyLookup.DEFINITION, new PolicyLookup(view)),
                new Registered(RecentChanges.DEFINITION, new RecentChanges(changes))))
            tools.put(tool.name(), tool);
        String implementation = McpServer.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "dev" : implementation;
    }

    /**
     * The answer to one message (or batch) of {@code session}: a response, an array of responses, or nothing for a
     * notification, a response, or a batch of those.
     */
    Optional<JsonNode> handle(JsonNode message, McpSession session) {
        if (!message.isArray()) return handleOne(message, session).map(JsonNode.class::cast);
        if (message.isEmpty()) return Optional.of(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: an empty batch"));
        if (message.size() > MAX_BATCH)
            return Optional.of(JsonRpc.error(null, JsonRpc.INVALID_REQUEST,
                    "Invalid Request: a batch of %d messages; at most %d are taken".formatted(message.size(), MAX_BATCH)));
        ArrayNode answers = NODES.arrayNode();
        for (JsonNode element : message) {
            if (isInitialize(element)) {
                answers.add(JsonRpc.error(idOf(element), JsonRpc.INVALID_REQUEST, "Invalid Request: initialize cannot be part of a batch"));
                continue;
            }
            handleOne(element, session).ifPresent(answers::add);
        }
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers);
    }

    private Optional<ObjectNode> handleOne(JsonNode message, McpSession session) {
        if (!message.isObject())
            return Optional.of(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: a message must be a JSON object"));
        JsonNode id = message.get("id");
        if (!"2.0".equals(message.path("jsonrpc").textValue()))
            return Optional.of(JsonRpc.error(idOf(message), JsonRpc.INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\""));
        JsonNode method = message.get("method");
        if (method == null) {
            // A response from the client: this server sends no requests, so there is nothing it could answer.
            if (id != null && (message.has("result") || message.has("error"))) return Optional.empty();
            return Optional.of(JsonRpc.error(idOf(message), JsonRpc.INVALID_REQUEST, "Invalid Request: no \"method\""));
        }
        if (!method.isTextual())
            return Optional.of(JsonRpc.error(idOf(message), JsonRpc.INVALID_REQUEST, "Invalid Request: \"method\" must be a string"));
        // A notification (initialized, cancelled, roots/list_changed): nothing to do for any, and nothing to answer.
        // Calls are short and bounded, so a cancelled one is left to finish.
        if (id == null) return Optional.empty();
        if (!JsonRpc.isValidId(id))
            return Optional.of(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: \"id\" must be a string or an integer"));
        JsonNode params = message.get("params");
        if (params != null && !params.isNull() && !params.isObject())
            return Optional.of(JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: \"params\" must be an object"));
        ObjectNode p = params instanceof ObjectNode o ? o : NODES.objectNode();
        return Optional.of(request(id, method.textValue(), p, session));
    }

    private ObjectNode request(JsonNode id, String method, ObjectNode params, McpSession session) {
        switch (method) {
            case "initialize" -> {
                return initialize(id, params, session);
            }
            case "ping" -> {
                return JsonRpc.result(id, NODES.objectNode());
            }
            case "tools/list", "tools/call" -> {
                if (!session.initialized())
                    return JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Invalid Request: the session is not initialized; send initialize first");
                ProtocolVersion version = session.version().orElseThrow();
                return method.equals("tools/list") ? listTools(id, params, version) : callTool(id, params, version);
            }
            default -> {
                return JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "Method not found: '%s'".formatted(Arguments.clip(method)));
            }
        }
    }

    private ObjectNode initialize(JsonNode id, ObjectNode params, McpSession session) {
        JsonNode requested = params.get("protocolVersion");
        if (requested == null || !requested.isTextual())
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: initialize needs \"protocolVersion\", a string");
        ProtocolVersion agreed = ProtocolVersion.negotiate(requested.textValue());
        if (!session.initialize(agreed))
            return JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Invalid Request: the session is initialized already");
        ObjectNode result = NODES.objectNode().put("protocolVersion", agreed.wire());
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        ObjectNode info = result.putObject("serverInfo").put("name", "toolrisk");
        if (agreed.hasStructuredContent()) info.put("title", "ToolRisk");
        info.put("version", version);
        result.put("instructions", INSTRUCTIONS);
        return JsonRpc.result(id, result);
    }

    private ObjectNode listTools(JsonNode id, ObjectNode params, ProtocolVersion version) {
        if (params.hasNonNull("cursor"))
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: unknown cursor (the tool list has one page)");
        ObjectNode result = NODES.objectNode();
        ArrayNode list = result.putArray("tools");
        for (Registered tool : tools.values()) list.add(ToolDefinition.forVersion(tool.definition(), version));
        return JsonRpc.result(id, result);
    }

    private ObjectNode callTool(JsonNode id, ObjectNode params, ProtocolVersion version) {
        JsonNode name = params.get("name");
        if (name == null || !name.isTextual())
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: tools/call needs \"name\", a string");
        Registered tool = tools.get(name.textValue());
        if (tool == null)
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Unknown tool: '%s' (this server has %s)"
                    .formatted(Arguments.clip(name.textValue()), String.join(", ", tools.keySet())));
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject())
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: \"arguments\" must be an object");
        ObjectNode args = arguments instanceof ObjectNode o ? o : NODES.objectNode();
        return JsonRpc.result(id, call(tool, args, version));
    }

    /** The tool's answer as a call result: structured content and its text, or a tool error. */
    private ObjectNode call(Registered tool, ObjectNode arguments, ProtocolVersion version) {
        Future<ObjectNode> answer = calls.submit(() -> tool.tool().call(arguments));
        try {
            return success(answer.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS), version);
        } catch (TimeoutException e) {
            // Not interrupted: an interrupt closes the index files a search is reading. The call ends by itself.
            answer.cancel(false);
            return failure("%s did not finish within %s; narrow the request".formatted(tool.name(), seconds(callTimeout)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("the server is stopping");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ToolError error) return failure(error.getMessage());
            LOG.error("{} failed", tool.name(), e.getCause());
            return failure("%s failed; the cause is logged on the server".formatted(tool.name()));
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static ObjectNode success(ObjectNode structured, ProtocolVersion version) {
        ObjectNode result = NODES.objectNode();
        try {
            // The text twin of the structured answer, for clients of revisions before structured content.
            result.putArray("content").addObject().put("type", "text").put("text", Json.MAPPER.writeValueAsString(structured));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        if (version.hasStructuredContent()) result.set("structuredContent", structured);
        return result.put("isError", false);
    }

    private static ObjectNode failure(String message) {
        ObjectNode result = NODES.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", message);
        return result.put("isError", true);
    }

    private static boolean isInitialize(JsonNode message) {
        return message.isObject() && "initialize".equals(message.path("method").textValue());
    }

    /** The message's id when it is one MCP accepts, else null (which the error then carries). */
    private static JsonNode idOf(JsonNode message) {
        JsonNode id = message.get("id");
        return JsonRpc.isValidId(id) ? id : null;
    }
}
