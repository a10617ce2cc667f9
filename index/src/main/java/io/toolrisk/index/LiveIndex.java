package io.toolrisk.index;

import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.index.ToolSearcher;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the API and pages serve: the index of one snapshot of a catalogue, switchable at run time without a
 * restart, plus a status message for people ("first refresh running"). Thread-safe.
 *
 * <p>Requests take a {@link Lease} for the whole request, so that a switch never closes an index under a
 * running request: the old index closes when its last lease is released.
 */
public final class LiveIndex implements Closeable {
    private final CatalogueStore store;
    private final AtomicReference<ToolSearcher> current = new AtomicReference<>();
    private final AtomicReference<String> status = new AtomicReference<>();

    private final long cacheBytes;

    private LiveIndex(CatalogueStore store, long cacheBytes) {
        this.store = store;
        this.cacheBytes = cacheBytes;
    }

    /**
     * A view of {@code store} serving its current snapshot, or empty when it has none yet (or the index of the
     * current snapshot was never built: then the status says so).
     */
    public static LiveIndex open(CatalogueStore store) throws IOException {
        return open(store, ToolSearcher.DEFAULT_CACHE_BYTES);
    }

    /** As {@link #open(CatalogueStore)}, keeping up to {@code cacheBytes} of search answers per index (0: none). */
    public static LiveIndex open(CatalogueStore store, long cacheBytes) throws IOException {
        var view = new LiveIndex(store, cacheBytes);
        Optional<String> id = store.currentId();
        if (id.isPresent()) {
            if (Files.isDirectory(store.indexDir(id.get()))) view.switchTo(id.get());
            else view.status("the index of snapshot %s is missing; it is built by the next refresh".formatted(id.get()));
        }
        return view;
    }

    public CatalogueStore store() {
        return store;
    }

    /**
     * Serves snapshot {@code snapshotId} from now on: opens its index ({@code store.indexDir(snapshotId)}) and
     * swaps it in; requests running on the previous one finish on it.
     *
     * @throws IOException when that index cannot be opened; the view then keeps serving what it served
     */
    public void switchTo(String snapshotId) throws IOException {
        ToolSearcher next = ToolSearcher.open(store.indexDir(snapshotId), cacheBytes);
        ToolSearcher previous = current.getAndSet(next);
        if (previous != null) previous.close();
    }

    /**
     * Switches to the store's current snapshot when it differs from the one served.
     *
     * @return true when it switched
     */
    public boolean reload() throws IOException {
        Optional<String> id = store.currentId();
        if (id.isEmpty() || id.equals(snapshotId())) return false;
        switchTo(id.get());
        return true;
    }

    /** The id of the snapshot served, empty while the catalogue is empty. */
    public Optional<String> snapshotId() {
        ToolSearcher searcher = current.get();
        return searcher == null ? Optional.empty() : Optional.of(searcher.info().snapshot());
    }

    /** Shows {@code message} on the pages and in {@code /api/v1/stats}, e.g. "first refresh running". */
    public void status(String message) {
        status.set(message);
    }

    public void clearStatus() {
        status.set(null);
    }

    public Optional<String> status() {
        return Optional.ofNullable(status.get());
    }

    /** Takes the current index for the length of one request; close the lease when done. */
    public Lease lease() {
        while (true) {
            ToolSearcher searcher = current.get();
            if (searcher == null) return new Lease(null);
            if (searcher.tryIncRef()) return new Lease(searcher);
            // Closed by a switch between get() and tryIncRef(): the next get() sees its successor.
        }
    }

    /** Stops serving; the index closes when running requests are done. */
    @Override
    public void close() throws IOException {
        ToolSearcher searcher = current.getAndSet(null);
        if (searcher != null) searcher.close();
    }

    /** The index one request uses, or none while the catalogue is empty. */
    public static final class Lease implements AutoCloseable {
        private final ToolSearcher searcher;

        private Lease(ToolSearcher searcher) {
            this.searcher = searcher;
        }

        public Optional<ToolSearcher> searcher() {
            return Optional.ofNullable(searcher);
        }

        @Override
        public void close() throws IOException {
            if (searcher != null) searcher.decRef();
        }
    }
}
