package io.toolrisk.mcpserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.toolrisk.catalogue.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MCP over Streamable HTTP at {@code /mcp}, stateless: every POST carries one message or batch and gets its answers in
 * the response, as JSON (or as one server-sent event, for a client that accepts only an event stream); notifications
 * alone get 202. There are no sessions and no server-initiated messages, so {@code GET} (a stream for those) and
 * {@code DELETE} (ending a session) are 405. A request's revision is its {@code MCP-Protocol-Version} header (2025-03-26
 * without one, as the transport's spec says). Refusals at the HTTP level carry a JSON-RPC error with a null id.
 *
 * <p>DNS rebinding: a page on any web site can make a browser send requests to a server on the user's machine under a
 * name that resolves to 127.0.0.1. On a connection to a loopback address, the {@code Host} must therefore be a loopback
 * name and an {@code Origin}, when sent, a loopback origin; elsewhere an {@code Origin} must be the server's own
 * ({@link OriginCheck}). Request bodies are bounded before they get here (4 MB, 15 s).
 */
public final class StreamableHttpEndpoint {
    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpEndpoint.class);

    private final McpServer server;

    public StreamableHttpEndpoint(McpServer server) {
        this.server = server;
    }

    /** {@code POST /mcp}. */
    public void post(Context ctx) {
        try {
            Optional<String> refused = OriginCheck.refusal(ctx.req().getLocalAddr(), ctx.header("Host"), ctx.header("Origin"));
            if (refused.isPresent()) {
                refuse(ctx, 403, refused.get());
                return;
            }
            Accepted accepted = Accepted.of(ctx.header("Accept"));
            if (accepted == Accepted.NEITHER) {
                refuse(ctx, 406, "Not Acceptable: the client must accept application/json or text/event-stream");
                return;
            }
            if (!isJson(ctx.header("Content-Type"))) {
                refuse(ctx, 415, "Unsupported Media Type: the body must be application/json");
                return;
            }
            String header = ctx.header(PROTOCOL_VERSION_HEADER);
            Optional<ProtocolVersion> version = header == null ? Optional.of(ProtocolVersion.HTTP_WITHOUT_HEADER) : ProtocolVersion.of(header.strip());
            if (version.isEmpty()) {
                refuse(ctx, 400, "Bad Request: unsupported protocol version '%s' (supported: %s)"
                        .formatted(Arguments.clip(header), ProtocolVersion.supported()));
                return;
            }
            JsonNode message;
            try {
                message = Json.ONE_VALUE.readValue(ctx.bodyAsBytes());
            } catch (JsonProcessingException e) {
                answer(ctx, 400, accepted, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: " + Arguments.clip(e.getOriginalMessage())));
                return;
            }
            Optional<JsonNode> answer = server.handle(message, McpSession.http(version.get()));
            if (answer.isEmpty()) ctx.status(202);
            else answer(ctx, 200, accepted, answer.get());
        } catch (IOException | RuntimeException e) {
            LOG.error("POST /mcp failed", e);
            refuse(ctx, 500, "Internal error; it is logged on the server");
        }
    }

    /** {@code GET} and {@code DELETE /mcp}: this server keeps no sessions and sends nothing unasked. */
    public void notAllowed(Context ctx) {
        ctx.header("Allow", "POST");
        refuse(ctx, 405, "Method Not Allowed: this server is stateless; POST each message");
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json").result(bytes(JsonRpc.error(null, JsonRpc.TRANSPORT_REFUSED, message)));
    }

    private static void answer(Context ctx, int status, Accepted accepted, JsonNode message) {
        ctx.status(status);
        if (accepted == Accepted.EVENT_STREAM) {
            ctx.header("Cache-Control", "no-cache").contentType("text/event-stream");
            ctx.result("event: message\ndata: " + new String(bytes(message), StandardCharsets.UTF_8) + "\n\n");
        } else {
            ctx.contentType("application/json").result(bytes(message));
        }
    }

    private static byte[] bytes(JsonNode message) {
        try {
            return Json.MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: writing a tree to memory", e);
        }
    }

    /** True for {@code application/json}, with any parameters ({@code charset=utf-8}). */
    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().equalsIgnoreCase("application/json");
    }
}
