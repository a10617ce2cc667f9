package io.toolrisk.mcpserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.LineReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * MCP over stdio: newline-delimited JSON-RPC messages on an input stream, answers on an output stream, one session.
 * Lines are read with a bound ({@link #MAX_MESSAGE_BYTES}); a line over it, or one that is not JSON, gets a JSON-RPC
 * error and the next line is read. Tool calls run side by side ({@link #MAX_IN_FLIGHT} at once; reading waits when
 * that many run), each answered as soon as it is done; everything else is answered in order. Serving ends at the end
 * of the input, once the calls still running are answered.
 */
public final class StdioServer {
    /** Largest message read: the HTTP API's body limit. */
    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    static final int MAX_IN_FLIGHT = 8;
    /** How long the calls still running at the end of the input may take to be answered. */
    private static final Duration DRAIN = McpServer.CALL_TIMEOUT.plusSeconds(5);

    private final McpServer server;

    public StdioServer(McpServer server) {
        this.server = server;
    }

    /**
     * Serves one session: reads {@code in} to its end, answering on {@code out}.
     *
     * @throws IOException when {@code out} cannot be written (the client went away) or {@code in} cannot be read
     */
    public void serve(InputStream in, OutputStream out) throws IOException, InterruptedException {
        var session = McpSession.stdio();
        var writer = new LineWriter(out);
        var slots = new Semaphore(MAX_IN_FLIGHT);
        var reader = new LineReader(in, MAX_MESSAGE_BYTES);
        var line = new LineReader.Line();
        try (ExecutorService running = Executors.newVirtualThreadPerTaskExecutor()) {
            while (reader.next(line) && writer.open()) {
                if (line.oversized()) {
                    writer.write(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: a message of %,d bytes; at most %,d are read"
                            .formatted(line.oversizeLength(), MAX_MESSAGE_BYTES)));
                    continue;
                }
                if (line.isBlank()) continue;
                JsonNode message;
                try {
                    message = Json.ONE_VALUE.readValue(line.bytes(), 0, line.length());
                } catch (JsonProcessingException e) {
                    writer.write(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: " + Arguments.clip(e.getOriginalMessage())));
                    continue;
                }
                if (isToolCall(message)) {
                    slots.acquire();
                    running.submit(() -> {
                        try {
                            server.handle(message, session).ifPresent(writer::write);
                        } finally {
                            slots.release();
                        }
                    });
                } else {
                    server.handle(message, session).ifPresent(writer::write);
                }
            }
            // Calls still running get their answers, within a bound: a client that closed its input may still read.
            slots.tryAcquire(MAX_IN_FLIGHT, DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            running.shutdownNow();
        }
        if (writer.failure().isPresent()) throw writer.failure().get();
    }

    private static boolean isToolCall(JsonNode message) {
        return message.isObject() && "tools/call".equals(message.path("method").textValue()) && message.has("id");
    }
}
