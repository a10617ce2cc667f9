package io.toolrisk.index;

import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.ChangeSetJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The changes feed: the change sets kept beside the snapshots of a catalogue ({@code snapshots/<id>.changes.json}),
 * newest first, as the API, the pages and the MCP server serve them. A change file never changes once written, so the
 * last few read are kept in memory. Thread-safe.
 */
public final class ChangeLog {
    private static final int CACHED_CHANGE_SETS = 16;

    private final CatalogueStore store;
    private final Map<String, ChangeSet> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChangeSet> eldest) {
            return size() > CACHED_CHANGE_SETS;
        }
    };

    public ChangeLog(CatalogueStore store) {
        this.store = store;
    }

    /**
     * The ids of snapshots that went live and have a change file, newest first; a snapshot written by a refresh
     * that was killed before making it live is not among them.
     */
    public List<String> snapshotsWithChanges() throws IOException {
        List<String> ids = new ArrayList<>(store.liveSnapshotIds());
        ids.removeIf(id -> !Files.isRegularFile(store.changesFile(id)));
        return ids;
    }

    public Optional<ChangeSet> read(String snapshotId) throws IOException {
        synchronized (cache) {
            ChangeSet cached = cache.get(snapshotId);
            if (cached != null) return Optional.of(cached);
        }
        Path file = store.changesFile(snapshotId);
        if (!Files.isRegularFile(file)) return Optional.empty();
        ChangeSet changes = ChangeSetJson.readFile(file);
        synchronized (cache) {
            cache.put(snapshotId, changes);
        }
        return Optional.of(changes);
    }

    /** {@code changes} narrowed to what concerns {@code server}; empty when nothing does. */
    public static Optional<ChangeSet> about(ChangeSet changes, String server) {
        List<ToolChange> tools = changes.tools().stream().filter(t -> t.server().equals(server)).toList();
        List<String> added = changes.serversAdded().stream().filter(server::equals).toList();
        List<String> removed = changes.serversRemoved().stream().filter(server::equals).toList();
        if (tools.isEmpty() && added.isEmpty() && removed.isEmpty()) return Optional.empty();
        Map<String, Long> counts = changes.serverToolCounts().containsKey(server)
                ? Map.of(server, changes.serverToolCounts().get(server)) : Map.of();
        return Optional.of(new ChangeSet(changes.snapshot(), changes.previous(), changes.createdAt(), added, removed, tools, counts));
    }

    /** The newest change sets, narrowed to {@code server} when given, at most {@code limit} after skipping {@code skip}. */
    public List<ChangeSet> recent(Optional<String> server, int skip, int limit) throws IOException {
        return recent(changes -> server.isPresent() ? about(changes, server.get()) : Optional.of(changes), skip, limit);
    }

    /**
     * The newest change sets as {@code narrowing} makes them (empty drops a set), at most {@code limit} after skipping
     * {@code skip}: the narrowing comes before the paging, so pages hold only what is asked for.
     */
    public List<ChangeSet> recent(Function<ChangeSet, Optional<ChangeSet>> narrowing, int skip, int limit) throws IOException {
        List<ChangeSet> result = new ArrayList<>();
        int skipped = 0;
        for (String id : snapshotsWithChanges()) {
            Optional<ChangeSet> changes = read(id).flatMap(narrowing);
            if (changes.isEmpty()) continue;
            if (skipped++ < skip) continue;
            result.add(changes.get());
            if (result.size() == limit) break;
        }
        return result;
    }
}
