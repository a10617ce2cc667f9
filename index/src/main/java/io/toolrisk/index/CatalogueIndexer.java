package io.toolrisk.index;

import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.store.AtomicFiles;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotHeader;
import io.toolrisk.catalogue.store.SnapshotReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds the Lucene index of one catalogue snapshot into {@link CatalogueStore#indexDir}. The snapshot is read
 * one server at a time (a million tools never sit in memory), the index is written into a hidden directory
 * beside the target and renamed into place when complete, so that a reader sees no index or a whole one; a
 * crash leaves only the hidden directory, which {@link CatalogueStore#removeIncomplete()} deletes.
 * Not thread-safe per snapshot: build one snapshot's index once.
 */
public final class CatalogueIndexer {
    /** Written into the index's commit data; {@link ToolSearcher} checks it. */
    static final String FORMAT = "toolrisk-index/3";
    /**
     * The format before tools were ranked by their profile's severity ({@link RiskRank}) rather than by their
     * category alone: searchable, never updated in place.
     */
    static final String FORMAT_CATEGORY_RANKS = "toolrisk-index/2";
    /** The format before items moved from stored fields into doc values; searchable, never updated in place. */
    static final String FORMAT_STORED_ITEMS = "toolrisk-index/1";

    /**
     * What a build or update produced.
     *
     * @param updated true when the index was updated from the previous snapshot's, false when built whole
     * @param bytes   the index's size on disk (files shared with the previous index by hard links included)
     */
    public record Result(String snapshotId, Path dir, long servers, long tools, long duplicateTools, long bytes, Duration took,
                         boolean updated) {
    }

    private final int threads;
    private final double ramBufferMb;

    /** An indexer using every core and an indexing buffer of 256 MB, or a quarter of the heap when that is less. */
    public CatalogueIndexer() {
        this(Runtime.getRuntime().availableProcessors(), Math.min(256, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024)));
    }

    CatalogueIndexer(int threads, double ramBufferMb) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.ramBufferMb = ramBufferMb;
    }

    /**
     * Indexes snapshot {@code snapshotId} of {@code store} into {@code store.indexDir(snapshotId)}, replacing an
     * index already there.
     *
     * @throws IOException when the snapshot cannot be read or the index cannot be written; nothing is then in place
     */
    public Result build(CatalogueStore store, String snapshotId) throws IOException {
        return writeAside(store, snapshotId, System.nanoTime(), false, this::write);
    }

    /** Writes an index of the snapshot into the hidden building folder, which never survives a failure. */
    @FunctionalInterface
    private interface IndexWriting {
        long[] write(SnapshotReader snapshot, Path building) throws IOException;
    }

    /**
     * Runs {@code writing} into a hidden folder beside {@code store.indexDir(snapshotId)} and renames it into place
     * when done; on any failure the folder is deleted and nothing is in place.
     */
    private static Result writeAside(CatalogueStore store, String snapshotId, long started, boolean updated,
                                     IndexWriting writing) throws IOException {
        Path target = store.indexDir(snapshotId);
        Path building = target.resolveSibling("." + snapshotId + ".building");
        CatalogueStore.deleteTree(building);
        Files.createDirectories(building);
        long[] counts;
        try (SnapshotReader snapshot = store.openSnapshot(snapshotId)) {
            counts = writing.write(snapshot, building);
        } catch (IOException | RuntimeException e) {
            CatalogueStore.deleteTree(building);
            throw e;
        }
        moveIntoPlace(building, target);
        return new Result(snapshotId, target, counts[0], counts[1], counts[2], size(target),
                Duration.ofNanos(System.nanoTime() - started), updated);
    }

    /**
     * Indexes snapshot {@code snapshotId} into {@code store.indexDir(snapshotId)} by updating a copy of the index of
     * snapshot {@code previousId}: the servers of {@code reindexServers} are indexed anew, those the new snapshot no
     * longer has are removed, every other server's documents are kept as they are. The copy shares the previous
     * index's files by hard links (Lucene never rewrites a file), so it costs about the size of what changed; the
     * previous index is not touched and keeps serving. Builds the whole index instead when the previous one is
     * missing, of another format, or was built under another ruleset (every profile may have changed).
     *
     * <p>The caller vouches that every server not in {@code reindexServers} is the same in both snapshots.
     *
     * @throws IOException when a snapshot or index cannot be read or the index cannot be written; nothing is then
     *                     in place
     */
    public Result update(CatalogueStore store, String previousId, String snapshotId, Set<String> reindexServers)
            throws IOException {
        return update(store, previousId, snapshotId, reindexServers, server -> { });
    }

    /** As above; {@code indexed} hears of each server indexed anew (tests stop a process there to kill it). */
    Result update(CatalogueStore store, String previousId, String snapshotId, Set<String> reindexServers,
                  Consumer<String> indexed) throws IOException {
        long started = System.nanoTime();
        Path previous = store.indexDir(previousId);
        String ruleset;
        try (SnapshotReader snapshot = store.openSnapshot(snapshotId)) {
            ruleset = snapshot.header().ruleset();
        }
        if (!IndexUpdate.canUpdate(previous, ruleset)) return build(store, snapshotId);
        return writeAside(store, snapshotId, started, true, (snapshot, building) -> {
            IndexUpdate.linkFiles(previous, building);
            return new IndexUpdate(config(IndexWriterConfig.OpenMode.APPEND), indexed).apply(snapshot, building, reindexServers);
        });
    }

    /** The writer configuration of every ToolRisk index: the analyzer, the index order, no compound files. */
    IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(ToolAnalyzer.create())
                .setOpenMode(mode)
                .setRAMBufferSizeMB(ramBufferMb)
                .setUseCompoundFile(false)
                .setIndexSort(LuceneQueries.INDEX_ORDER);
    }

    private long[] write(SnapshotReader snapshot, Path dir) throws IOException {
        var config = config(IndexWriterConfig.OpenMode.CREATE);
        long servers = 0, tools = 0, duplicates = 0;
        var pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            List<Future<?>> pending = new ArrayList<>();
            try {
                for (ServerRecord server : snapshot) {
                    servers++;
                    List<CataloguedTool> unique = unique(server.tools());
                    tools += unique.size();
                    duplicates += server.tools().size() - unique.size();
                    pending.add(pool.submit(() -> index(writer, server, unique)));
                    if (pending.size() >= 1024) awaitDone(pending);
                }
                awaitDone(pending);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.setLiveCommitData(commitData(snapshot.header(), servers, tools).entrySet());
            writer.forceMerge(1);
            writer.commit();
        } finally {
            pool.shutdownNow();
        }
        return new long[] {servers, tools, duplicates};
    }

    static void index(IndexWriter writer, ServerRecord server, List<CataloguedTool> tools) {
        try {
            writer.addDocument(ToolFields.serverDocument(server));
            for (CataloguedTool tool : tools) writer.addDocument(ToolFields.toolDocument(server.id(), tool));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server that lists one name twice gets one document for it: the first, as a client would call it. */
    static List<CataloguedTool> unique(List<CataloguedTool> tools) {
        Set<String> seen = new HashSet<>();
        List<CataloguedTool> unique = new ArrayList<>(tools.size());
        for (CataloguedTool tool : tools) if (seen.add(tool.tool().name())) unique.add(tool);
        return unique;
    }

    private static void awaitDone(List<Future<?>> pending) throws IOException {
        try {
            for (Future<?> f : pending) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IOException("indexing failed", e.getCause());
        }
        pending.clear();
    }

    static Map<String, String> commitData(SnapshotHeader header, long servers, long tools) {
        Map<String, String> data = new HashMap<>();
        data.put("format", FORMAT);
        data.put("snapshot", header.id());
        data.put("createdAt", header.createdAt().toString());
        data.put("ruleset", header.ruleset());
        header.previous().ifPresent(p -> data.put("previous", p));
        data.put("servers", Long.toString(servers));
        data.put("tools", Long.toString(tools));
        return data;
    }

    /** Renames the finished index into place; an older index of the same snapshot is moved aside, then deleted. */
    private static void moveIntoPlace(Path building, Path target) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + ".replaced");
        boolean replacing = Files.exists(target);
        if (replacing) {
            CatalogueStore.deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        AtomicFiles.moveIntoPlace(building, target);
        if (replacing) CatalogueStore.deleteTree(old);
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path file : files.toList()) total += Files.size(file);
            return total;
        }
    }
}
