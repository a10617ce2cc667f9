package io.toolrisk.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns what a catalogue writer writes into a tree, to add a field or two before it goes out. */
final class TreeJson {
    private TreeJson() {
    }

    static ObjectNode toObject(JsonBody.Writer writer) {
        try (var buffer = new TokenBuffer(Json.MAPPER, false)) {
            writer.write(buffer);
            return (ObjectNode) Json.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }
}
