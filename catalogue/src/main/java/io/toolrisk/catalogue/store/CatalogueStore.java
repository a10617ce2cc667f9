package io.toolrisk.catalogue.store;

import io.toolrisk.catalogue.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The catalogue on disk (DESIGN.md): {@code DIR/current} names the live snapshot;
 * {@code DIR/snapshots/<id>.json} are the snapshots and {@code <id>.changes.json} what changed in each;
 * {@code DIR/index/<id>/} is the Lucene index of a snapshot; {@code DIR/policies/<server>/} the policy files.
 * Everything a reader can see is complete: files are written aside and renamed, and {@code current} is
 * switched last. Safe to share between threads; several processes may read while one refreshes.
 */
public final class CatalogueStore {
    /** {@code 20261125T130000Z}, with {@code -N} when several snapshots are made within one second. */
    public static final Pattern SNAPSHOT_ID = Pattern.compile("\\d{8}T\\d{6}Z(-\\d{1,4})?");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SNAPSHOT_SUFFIX = ".json";
    private static final String CHANGES_SUFFIX = ".changes.json";
    private static final String SERVERS_SUFFIX = ".servers.jsonl";

    private final Path dir;

    public CatalogueStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The id of the live snapshot, or empty when there is no catalogue yet. */
    public Optional<String> currentId() throws IOException {
        try {
            String id = Files.readString(dir.resolve("current"), StandardCharsets.UTF_8).trim();
            if (!SNAPSHOT_ID.matcher(id).matches())
                throw new IOException("%s names '%s', which is not a snapshot id".formatted(dir.resolve("current"), id));
            return Optional.of(id);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Makes {@code id} the live snapshot, atomically; its snapshot file must exist. */
    public void switchCurrent(String id) throws IOException {
        requireId(id);
        if (!Files.isRegularFile(snapshotFile(id)))
            throw new IOException("cannot switch to snapshot %s: %s does not exist".formatted(id, snapshotFile(id)));
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("current"), (id + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh id for a snapshot made at {@code now}, distinct from every existing one. */
    public String newSnapshotId(Instant now) throws IOException {
        String base = ID_TIME.format(now);
        List<String> existing = snapshotIds();
        String id = base;
        for (int n = 2; existing.contains(id) || Files.exists(indexDir(id)); n++) id = base + "-" + n;
        return id;
    }

    /** The ids of complete snapshots, oldest first. */
    public List<String> snapshotIds() throws IOException {
        Path snapshots = dir.resolve("snapshots");
        if (!Files.isDirectory(snapshots)) return List.of();
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(snapshots, "*" + SNAPSHOT_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(CHANGES_SUFFIX)) continue;
                String id = name.substring(0, name.length() - SNAPSHOT_SUFFIX.length());
                if (SNAPSHOT_ID.matcher(id).matches()) ids.add(id);
            }
        }
        ids.sort(Comparator.comparing(CatalogueStore::sortKey));
        return ids;
    }

    private static String sortKey(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id + "-0000" : id.substring(0, dash) + "-" + "0".repeat(5 - (id.length() - dash)) + id.substring(dash + 1);
    }

    public Path snapshotFile(String id) {
        return dir.resolve("snapshots").resolve(requireId(id) + SNAPSHOT_SUFFIX);
    }

    public Path changesFile(String id) {
        return dir.resolve("snapshots").resolve(requireId(id) + CHANGES_SUFFIX);
    }

    /** The server list of snapshot {@code id}, one {@link ServerSummary} per line. */
    public Path serverListFile(String id) {
        return dir.resolve("snapshots").resolve(requireId(id) + SERVERS_SUFFIX);
    }

    /** Writes the server list of snapshot {@code id} atomically. */
    public void writeServerList(String id, List<ServerSummary> servers) throws IOException {
        var out = new ByteArrayOutputStream();
        for (ServerSummary server : servers) {
            Json.MAPPER.writeValue(out, server.toJson());
            out.write('\n');
        }
        Files.createDirectories(serverListFile(id).getParent());
        AtomicFiles.write(serverListFile(id), out.toByteArray());
    }

    /** The server list of snapshot {@code id}, or empty when it has none. */
    public Optional<List<ServerSummary>> readServerList(String id) throws IOException {
        Path file = serverListFile(id);
        if (!Files.isRegularFile(file)) return Optional.empty();
        List<ServerSummary> servers = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) servers.add(ServerSummary.fromJson(Json.MAPPER.readTree(line)));
        }
        return Optional.of(servers);
    }

    public Path indexDir(String id) {
        return dir.resolve("index").resolve(requireId(id));
    }

    public Path policiesDir() {
        return dir.resolve("policies");
    }

    /** Starts writing snapshot {@code header.id()}; it appears only when the writer commits. */
    public SnapshotWriter newSnapshot(SnapshotHeader header) throws IOException {
        return new SnapshotWriter(snapshotFile(header.id()), header);
    }

    public SnapshotReader openSnapshot(String id) throws IOException {
        return new SnapshotReader(snapshotFile(id));
    }

    /**
     * The snapshots that went live, newest first: the current one, the one that was current before it (its
     * header's {@code previous}), and so on while they are kept. A snapshot that a refresh wrote but never made
     * live (it was killed first, say) is none of them: no later snapshot names it as its previous.
     */
    public List<String> liveSnapshotIds() throws IOException {
        return liveChain().ids();
    }

    /**
     * The live snapshots as far as they can be read; {@code whole} unless a snapshot in the chain could not be
     * read, in which case those before it are unknown and nothing is deleted for not being in it.
     */
    private record LiveChain(List<String> ids, boolean whole) {
    }

    private LiveChain liveChain() throws IOException {
        List<String> ids = new ArrayList<>();
        Optional<String> next = currentId();
        while (next.isPresent() && !ids.contains(next.get()) && Files.isRegularFile(snapshotFile(next.get()))) {
            ids.add(next.get());
            try (SnapshotReader reader = openSnapshot(next.get())) {
                next = reader.header().previous();
            } catch (IOException e) {
                return new LiveChain(List.copyOf(ids), false);
            }
        }
        return new LiveChain(List.copyOf(ids), true);
    }

    /**
     * Removes what an interrupted refresh left behind: temporary files, index directories of snapshots that
     * were never completed, and snapshots that were completed but never went live. Never touches the current
     * snapshot or its index.
     */
    public void removeIncomplete() throws IOException {
        Optional<String> current = currentId();
        List<String> complete = snapshotIds();
        for (Path file : list(dir.resolve("snapshots"))) {
            if (file.getFileName().toString().endsWith(".tmp")) Files.deleteIfExists(file);
        }
        for (Path index : list(dir.resolve("index"))) {
            String id = index.getFileName().toString();
            if (current.filter(id::equals).isPresent()) continue;
            if (!complete.contains(id)) deleteTree(index);
        }
        LiveChain live = liveChain();
        if (!live.whole()) return;
        for (String id : complete) {
            if (!live.ids().contains(id)) delete(id);
        }
    }

    /**
     * Keeps the newest {@code keep} snapshots of those that went live (the current one always among them),
     * deleting older ones, those that never went live, and their indexes.
     */
    public void prune(int keep) throws IOException {
        if (keep < 1) throw new IllegalArgumentException("keep must be at least 1, got " + keep);
        LiveChain live = liveChain();
        List<String> kept = live.ids().subList(0, Math.min(keep, live.ids().size()));
        for (String id : snapshotIds()) {
            boolean beyondKeep = live.ids().contains(id) && !kept.contains(id);
            boolean neverLive = live.whole() && !live.ids().contains(id);
            if (beyondKeep || neverLive) delete(id);
        }
    }

    /** Deletes snapshot {@code id} with its change and server lists and its index. */
    private void delete(String id) throws IOException {
        Files.deleteIfExists(snapshotFile(id));
        Files.deleteIfExists(changesFile(id));
        Files.deleteIfExists(serverListFile(id));
        deleteTree(indexDir(id));
    }

    private static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }

    /**
     * Deletes a directory tree, children first; missing is fine. Safe on a tree someone hostile wrote (a crawled
     * server's folder): links are deleted, never followed, and folders made unreadable are opened up first.
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (IOException | UnsupportedOperationException e) {
                    // Not ours to change; deleting below may still work.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String requireId(String id) {
        if (id == null || !SNAPSHOT_ID.matcher(id).matches())
            throw new IllegalArgumentException("'%s' is not a snapshot id (e.g. 20261125T130000Z)".formatted(id));
        return id;
    }
}
