package io.toolrisk.crawler.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.ServerInfo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The client side of one MCP session over a {@link Transport}: {@code initialize}, then
 * {@code notifications/initialized}, then {@code tools/list} page by page. Whatever else the server sends on
 * the way is handled as a client must: its requests are answered, its notifications ignored, answers to
 * other ids dropped. Every wait is bounded by the request timeout and by the session's deadline. Not
 * thread-safe: one session, one thread.
 */
public final class McpSession {
    /** The version offered in {@code initialize}: the newest this client speaks. */
    public static final String LATEST_PROTOCOL_VERSION = "2025-11-25";
    /** Versions a server may answer with; anything else ends the session. */
    public static final List<String> SUPPORTED_PROTOCOL_VERSIONS =
            List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int METHOD_NOT_FOUND = -32601;

    private final Transport transport;
    private final Duration requestTimeout;
    private final Deadline deadline;
    private final int maxTools;
    private final int maxPages;
    private long nextId = 1;

    /**
     * @param requestTimeout how long to wait for the answer to one request
     * @param deadline       when the whole session must be over
     * @param maxTools       more tools than this fail the listing
     * @param maxPages       more {@code tools/list} pages than this fail the listing
     */
    public McpSession(Transport transport, Duration requestTimeout, Deadline deadline, int maxTools, int maxPages) {
        this.transport = transport;
        this.requestTimeout = requestTimeout;
        this.deadline = deadline;
        this.maxTools = maxTools;
        this.maxPages = maxPages;
    }

    /**
     * Runs the initialize handshake and returns what the server said about itself.
     *
     * @throws IOException for no answer in time, an error answer, an unsupported protocol version, or a broken
     *                     transport; the message says which
     */
    public ServerInfo initialize() throws IOException, InterruptedException {
        ObjectNode params = NODES.objectNode().put("protocolVersion", LATEST_PROTOCOL_VERSION);
        // Declared so servers show the tools they register only for capable clients (server-everything adds
        // three); the crawler never calls a tool, so it never has to sample or elicit anything.
        ObjectNode capabilities = params.putObject("capabilities");
        capabilities.putObject("roots").put("listChanged", false);
        capabilities.putObject("sampling");
        capabilities.putObject("elicitation");
        params.putObject("clientInfo").put("name", "toolrisk-crawler").put("version", "0.1");

        JsonNode result = request("initialize", params);
        if (!result.isObject()) throw new IOException("initialize result is not an object");
        JsonNode version = result.get("protocolVersion");
        if (version == null || !version.isTextual())
            throw new IOException("initialize result has no \"protocolVersion\"");
        if (!SUPPORTED_PROTOCOL_VERSIONS.contains(version.textValue()))
            throw new IOException("server chose protocol version '%s'; this crawler speaks %s"
                    .formatted(clip(version.textValue()), String.join(", ", SUPPORTED_PROTOCOL_VERSIONS)));
        transport.protocolVersionAgreed(version.textValue());
        transport.send(JsonRpc.notification("notifications/initialized"));

        JsonNode serverInfo = result.path("serverInfo");
        JsonNode capabilitiesNode = result.get("capabilities");
        return new ServerInfo(
                text(serverInfo.get("name")).orElse(""),
                text(serverInfo.get("title")),
                text(serverInfo.get("version")).orElse(""),
                version.textValue(),
                capabilitiesNode != null && capabilitiesNode.isObject() ? capabilitiesNode : NODES.objectNode(),
                text(result.get("instructions")));
    }

    /**
     * Lists every tool, following {@code nextCursor} to the last page.
     *
     * @throws IOException for an error answer, a cursor that repeats, too many pages or tools, no answer in
     *                     time, or a broken transport
     */
    public ToolListing listTools() throws IOException, InterruptedException {
        var pages = new ToolPages(maxTools, maxPages);
        Optional<JsonNode> cursor = Optional.empty();
        do {
            ObjectNode params = null;
            if (cursor.isPresent()) {
                params = NODES.objectNode();
                params.set("cursor", cursor.get());
            }
            cursor = pages.add(request("tools/list", params));
        } while (cursor.isPresent());
        return pages.listing();
    }

    /** Sends a request and waits for its answer, handling everything else the server sends meanwhile. */
    JsonNode request(String method, JsonNode params) throws IOException, InterruptedException {
        long id = nextId++;
        transport.send(JsonRpc.request(id, method, params));
        Deadline answerBy = Deadline.after(deadline.cap(requestTimeout));
        while (true) {
            Optional<JsonNode> received = transport.receive(answerBy.remaining());
            if (received.isEmpty()) throw timeout(method);
            JsonNode answer = handle(received.get(), id);
            if (answer != null) {
                JsonNode error = answer.get("error");
                if (error != null && !error.isNull())
                    throw new McpErrorException(method, error.path("code").asLong(0),
                            clip(error.path("message").asText("(no message)")));
                return answer.path("result");
            }
        }
    }

    /** Handles one incoming message; returns it when it is the answer to {@code id}, else null. */
    private JsonNode handle(JsonNode message, long id) throws IOException, InterruptedException {
        if (message.isArray()) { // a JSON-RPC batch (protocol 2025-03-26)
            JsonNode answer = null;
            for (JsonNode element : message) {
                JsonNode a = handle(element, id);
                if (a != null) answer = a;
            }
            return answer;
        }
        return switch (JsonRpc.kindOf(message)) {
            case RESPONSE -> JsonRpc.answers(message, id) ? message : null;
            case REQUEST -> {
                answerServerRequest(message);
                yield null;
            }
            case NOTIFICATION, INVALID -> null;
        };
    }

    private void answerServerRequest(JsonNode request) throws IOException, InterruptedException {
        JsonNode id = request.get("id");
        JsonNode reply = switch (request.get("method").textValue()) {
            case "ping" -> JsonRpc.result(id, NODES.objectNode());
            case "roots/list" -> JsonRpc.result(id, NODES.objectNode().set("roots", NODES.arrayNode()));
            case "elicitation/create" -> JsonRpc.result(id, NODES.objectNode().put("action", "decline"));
            default -> JsonRpc.error(id, METHOD_NOT_FOUND, "method not supported by the toolrisk crawler");
        };
        transport.send(reply);
    }

    private McpTimeoutException timeout(String method) {
        if (deadline.passed())
            return new McpTimeoutException("the server timeout of %s ran out waiting for the answer to %s"
                    .formatted(Durations.format(deadline.budget()), method));
        return new McpTimeoutException("no answer to %s within %s".formatted(method, Durations.format(requestTimeout)));
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** Server text quoted in an error message, cut to a readable length. */
    static String clip(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
