package io.toolrisk.catalogue.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.json.Json;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams one snapshot to a temporary file, one server at a time, and puts it in place only on
 * {@link #commit()}: until then (and after a crash) the snapshot does not exist. Not thread-safe.
 */
public final class SnapshotWriter implements AutoCloseable {
    static final String FORMAT = "toolrisk-snapshot/1";

    private final Path temp;
    private final Path target;
    private final OutputStream out;
    private final JsonGenerator json;
    private boolean committed;

    SnapshotWriter(Path target, SnapshotHeader header) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.createDirectories(target.getParent());
        this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
        this.json = Json.FACTORY.createGenerator(out);
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeStringField("id", header.id());
        json.writeStringField("createdAt", header.createdAt().toString());
        json.writeStringField("ruleset", header.ruleset());
        if (header.previous().isPresent()) json.writeStringField("previous", header.previous().get());
        json.writeArrayFieldStart("servers");
    }

    public void write(ServerRecord server) throws IOException {
        json.writeRaw('\n');
        ServerRecordJson.write(json, server);
    }

    /**
     * Copies one server from another snapshot: {@code id} has been read from {@code source}, which stands on the
     * server's next field name (or its end); the remaining fields are copied as they are, up to the server's end.
     */
    void copy(String id, JsonParser source) throws IOException {
        json.writeRaw('\n');
        json.writeStartObject();
        json.writeStringField("id", id);
        while (source.currentToken() == JsonToken.FIELD_NAME) {
            json.writeFieldName(source.currentName());
            source.nextToken();
            json.copyCurrentStructure(source);
            source.nextToken();
        }
        json.writeEndObject();
    }

    /** Finishes the document, makes it durable and moves it into place. */
    public void commit() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
        out.close();
        AtomicFiles.fsync(temp);
        AtomicFiles.moveIntoPlace(temp, target);
        committed = true;
    }

    /** Without a commit, discards what was written. */
    @Override
    public void close() throws IOException {
        if (committed) return;
        try {
            json.close();
            out.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
