package io.toolrisk.refresh;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.ServerRecordJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds freshly crawled servers on disk until the snapshot is assembled, so that a refresh of a million tools
 * keeps only offsets in memory. Servers arrive in completion order from many threads; {@link #read} gives them
 * back by id. Deleted on close.
 */
final class ServerSpool implements AutoCloseable {
    private record Slot(long offset, int length) {
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Slot> slots = new HashMap<>();
    private long end;

    private final Path directory;
    private final boolean ownsDirectory;

    /** A spool in {@code directory}; with {@code ownsDirectory}, the directory goes too on close. */
    ServerSpool(Path directory, boolean ownsDirectory) throws IOException {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        Files.createDirectories(directory);
        this.file = Files.createTempFile(directory, "refresh-", ".spool");
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Stores {@code server}, replacing an earlier one with the same id. Thread-safe. */
    void put(ServerRecord server) throws IOException {
        var bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes)) {
            ServerRecordJson.write(out, server);
        }
        byte[] data = bytes.toByteArray();
        synchronized (this) {
            long offset = end;
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) channel.write(buffer, offset + buffer.position());
            end += data.length;
            slots.put(server.id(), new Slot(offset, data.length));
        }
    }

    synchronized boolean contains(String id) {
        return slots.containsKey(id);
    }

    synchronized List<String> ids() {
        return slots.keySet().stream().sorted().toList();
    }

    /** The server stored under {@code id}, if any. */
    Optional<ServerRecord> read(String id) throws IOException {
        Slot slot;
        synchronized (this) {
            slot = slots.get(id);
        }
        if (slot == null) return Optional.empty();
        ByteBuffer buffer = ByteBuffer.allocate(slot.length());
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, slot.offset() + buffer.position()) < 0)
                throw new IOException("spool %s ends before server '%s'".formatted(file, id));
        }
        return Optional.of(ServerRecordJson.read(Json.MAPPER.readTree(buffer.array())));
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
            if (ownsDirectory) Files.deleteIfExists(directory);
        }
    }
}
