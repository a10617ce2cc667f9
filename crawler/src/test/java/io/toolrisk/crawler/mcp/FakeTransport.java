package io.toolrisk.crawler.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A server played by a function: for each message the client sends, the messages the server sends back (as
 * JSON text). An empty queue on receive is a timeout, at once.
 */
final class FakeTransport implements Transport {
    final List<JsonNode> sent = new ArrayList<>();
    private final ArrayDeque<JsonNode> queue = new ArrayDeque<>();
    private final Function<JsonNode, List<String>> server;

    FakeTransport(Function<JsonNode, List<String>> server) {
        this.server = server;
    }

    @Override
    public void send(JsonNode message) {
        sent.add(message);
        for (String reply : server.apply(message)) {
            try {
                queue.add(Json.MAPPER.readTree(reply));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public Optional<JsonNode> receive(Duration timeout) {
        return Optional.ofNullable(queue.poll());
    }

    @Override
    public void close() {
    }
}
