package io.toolrisk.catalogue.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.json.Json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a snapshot one server at a time, so that a catalogue of a million tools never sits in memory whole.
 * Iterate once; close when done. Not thread-safe.
 */
public final class SnapshotReader implements AutoCloseable, Iterable<ServerRecord> {
    private final Path file;
    private final JsonParser parser;
    private final SnapshotHeader header;
    private boolean iterated;

    SnapshotReader(Path file) throws IOException {
        this.file = file;
        this.parser = Json.FACTORY.createParser(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        parser.setCodec(Json.MAPPER);
        try {
            this.header = readHeader();
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    public SnapshotHeader header() {
        return header;
    }

    private SnapshotHeader readHeader() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) throw corrupt("does not start with an object");
        String format = null, id = null, createdAt = null, ruleset = null, previous = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("servers")) {
                if (value != JsonToken.START_ARRAY) throw corrupt("'servers' is not an array");
                if (!SnapshotWriter.FORMAT.equals(format)) throw corrupt("format is '%s', expected '%s'".formatted(format, SnapshotWriter.FORMAT));
                if (id == null || createdAt == null || ruleset == null) throw corrupt("header lacks id, createdAt or ruleset");
                return new SnapshotHeader(id, Instant.parse(createdAt), ruleset, Optional.ofNullable(previous));
            }
            switch (field) {
                case "format" -> format = parser.getValueAsString();
                case "id" -> id = parser.getValueAsString();
                case "createdAt" -> createdAt = parser.getValueAsString();
                case "ruleset" -> ruleset = parser.getValueAsString();
                case "previous" -> previous = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        throw corrupt("has no 'servers'");
    }

    /** The servers in snapshot order; may be called once. Read errors surface as {@link UncheckedIOException}. */
    @Override
    public Iterator<ServerRecord> iterator() {
        if (iterated) throw new IllegalStateException("snapshot %s is already being read".formatted(file));
        iterated = true;
        return new Iterator<>() {
            private ServerRecord next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) return true;
                if (done) return false;
                try {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        done = true;
                        return false;
                    }
                    if (token != JsonToken.START_OBJECT) throw corrupt("a server entry is not an object");
                    JsonNode node = parser.readValueAsTree();
                    next = ServerRecordJson.read(node);
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public ServerRecord next() {
                if (!hasNext()) throw new NoSuchElementException();
                ServerRecord result = next;
                next = null;
                return result;
            }
        };
    }

    private IOException corrupt(String what) {
        return new IOException("snapshot %s %s (line %d); it is not a ToolRisk snapshot or was damaged"
                .formatted(file, what, parser.currentLocation().getLineNr()));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
