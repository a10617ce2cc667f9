package io.toolrisk.crawler.mcp;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * One connection to an MCP server that carries JSON-RPC messages both ways: stdio, Streamable HTTP or legacy
 * HTTP+SSE. {@link #send} may return before the server answered; answers, server requests and notifications
 * arrive through {@link #receive} in the order the server sent them. {@link #close} ends the connection and
 * wakes any thread blocked in it; it is idempotent and may be called from any thread.
 */
public interface Transport extends AutoCloseable {

    /** Sends one JSON-RPC message (request, notification or response). */
    void send(JsonNode message) throws IOException, InterruptedException;

    /**
     * The next message from the server, or empty when none came within {@code timeout}.
     *
     * @throws IOException when the server is gone or sent something over the limits; the message says which
     */
    Optional<JsonNode> receive(Duration timeout) throws IOException, InterruptedException;

    /** Told once initialize succeeded, for transports that repeat the version on every message. */
    default void protocolVersionAgreed(String version) {
    }

    /** What the server said on the side (a stdio server's stderr tail), for failure reports; may be empty. */
    default String diagnostics() {
        return "";
    }

    @Override
    void close();
}
