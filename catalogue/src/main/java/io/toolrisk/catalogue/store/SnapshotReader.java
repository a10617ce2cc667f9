package io.toolrisk.catalogue.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.function.Predicate;

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
        return walk(Cursor::read);
    }

    /** A server of the snapshot, read in full or only by id. */
    public record SkimmedServer(String id, Optional<ServerRecord> record) {
    }

    /**
     * The servers in snapshot order, reading in full only those whose id {@code wanted} accepts: the others are
     * skipped token by token, never built into objects, which costs a fraction of reading them. May be called once
     * (instead of {@link #iterator()}). Read errors surface as {@link UncheckedIOException}.
     */
    public Iterator<SkimmedServer> skim(Predicate<String> wanted) {
        return walk(cursor -> {
            String id = cursor.peekId().orElseThrow();
            if (wanted.test(id)) return new SkimmedServer(id, Optional.of(cursor.read()));
            cursor.skip();
            return new SkimmedServer(id, Optional.empty());
        });
    }

    /** One step of a walk over the servers: consumes the server at the cursor. */
    @FunctionalInterface
    private interface Step<T> {
        T take(Cursor cursor) throws IOException;
    }

    private <T> Iterator<T> walk(Step<T> step) {
        Cursor cursor = cursor();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return cursor.peekId().isPresent();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                try {
                    return step.take(cursor);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * Walks the servers one by one, reading each one's id first and then, as the caller decides, the whole
     * server, nothing of it, or a verbatim copy of it into a new snapshot. May be called once (instead of
     * {@link #iterator()} or {@link #skim}).
     */
    public Cursor cursor() {
        if (iterated) throw new IllegalStateException("snapshot %s is already being read".formatted(file));
        iterated = true;
        return new Cursor();
    }

    /**
     * A position in the snapshot's servers, which must be in id order (as {@link SnapshotWriter} users write them):
     * {@link #peekId()} names the server at the cursor; {@link #read()}, {@link #skip()} or {@link #copyTo} consume
     * it. Read errors are {@link IOException}s. Not thread-safe.
     */
    public final class Cursor {
        private String id;
        private ObjectNode unusual;
        private boolean done;

        private Cursor() {
        }

        /** The id of the server at the cursor, empty after the last. */
        public Optional<String> peekId() throws IOException {
            if (id != null) return Optional.of(id);
            if (done) return Optional.empty();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                done = true;
                return Optional.empty();
            }
            if (token != JsonToken.START_OBJECT) throw corrupt("a server entry is not an object");
            if (parser.nextToken() == JsonToken.FIELD_NAME && parser.currentName().equals("id")) {
                parser.nextToken();
                id = parser.getValueAsString();
                if (id == null) throw corrupt("a server's id is not a string");
                parser.nextToken();
            } else {
                // Not written by ToolRisk with the id first: read it whole to find the id.
                unusual = Json.MAPPER.createObjectNode();
                if (parser.currentToken() == JsonToken.FIELD_NAME) readFields(unusual);
                id = unusual.path("id").asText();
            }
            return Optional.of(id);
        }

        /** Reads the server at the cursor and moves past it. */
        public ServerRecord read() throws IOException {
            String current = require();
            ObjectNode node = unusual;
            if (node == null) {
                node = Json.MAPPER.createObjectNode().put("id", current);
                if (parser.currentToken() == JsonToken.FIELD_NAME) readFields(node);
            }
            clear();
            return ServerRecordJson.read(node);
        }

        /** Moves past the server at the cursor without building it. */
        public void skip() throws IOException {
            require();
            if (unusual == null) {
                while (parser.currentToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                    parser.skipChildren();
                    parser.nextToken();
                }
            }
            clear();
        }

        /**
         * Copies the server at the cursor into {@code out} token for token, without building it (a fraction of the
         * cost of {@link #read()} and writing), and moves past it.
         */
        public void copyTo(SnapshotWriter out) throws IOException {
            String current = require();
            if (unusual != null) {
                ServerRecord server = ServerRecordJson.read(unusual);
                clear();
                out.write(server);
                return;
            }
            out.copy(current, parser);
            clear();
        }

        private String require() throws IOException {
            return peekId().orElseThrow(() -> new NoSuchElementException("no server left in snapshot " + file));
        }

        private void clear() {
            id = null;
            unusual = null;
        }
    }

    /** Reads the fields from the current field name to the object's end into {@code node}. */
    private void readFields(ObjectNode node) throws IOException {
        do {
            String field = parser.currentName();
            parser.nextToken();
            node.set(field, parser.readValueAsTree());
        } while (parser.nextToken() == JsonToken.FIELD_NAME);
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
