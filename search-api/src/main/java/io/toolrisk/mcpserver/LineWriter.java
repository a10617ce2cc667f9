package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Writes JSON-RPC messages one per line, whole, from any thread. Jackson writes a message on one line (a line break
 * inside a string is escaped), which is what stdio framing needs. The first failure to write (the client went away)
 * is kept, and later messages are dropped.
 */
final class LineWriter {
    private final OutputStream out;
    private IOException failure;

    LineWriter(OutputStream out) {
        this.out = out;
    }

    synchronized void write(JsonNode message) {
        if (failure != null) return;
        try {
            out.write(Json.MAPPER.writeValueAsBytes(message));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    synchronized boolean open() {
        return failure == null;
    }

    synchronized Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }
}
