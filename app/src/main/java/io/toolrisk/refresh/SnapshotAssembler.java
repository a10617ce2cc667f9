package io.toolrisk.refresh;

import io.toolrisk.catalogue.CatalogueDiff;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.store.SnapshotReader;
import io.toolrisk.catalogue.store.SnapshotWriter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Writes the new snapshot in server-id order from two sources — servers crawled in this refresh (the spool) and
 * servers carried over from the previous snapshot — while walking the previous snapshot in step to work out what
 * changed. Both snapshots being in id order, nothing is held in memory but one server of each. A carried server
 * that needs no change is copied token for token, never built: an incremental refresh of a million tools spends
 * its time on what changed.
 * <p>
 * A server whose crawl failed this time keeps the tools of its last good crawl, marked with the failure: a
 * server that is down for an hour must not vanish from the catalogue.
 */
final class SnapshotAssembler {
    /** Told about every server of the new snapshot, in id order. */
    interface Sink {
        /** {@code server} was written as given. */
        void written(ServerRecord server) throws IOException;

        /** Server {@code id} was copied unchanged from the previous snapshot. */
        void copied(String id) throws IOException;
    }

    private final ServerSpool spool;
    private final Set<String> carried;
    private final Optional<UnaryOperator<ServerRecord>> carryOver;

    /**
     * @param spool     the servers crawled in this refresh
     * @param carried   ids to take from the previous snapshot rather than the spool
     * @param carryOver what carrying a server over does to it (classify its tools anew under a new ruleset, say);
     *                  empty when carried servers stay exactly as they are, and are copied
     */
    SnapshotAssembler(ServerSpool spool, Set<String> carried, Optional<UnaryOperator<ServerRecord>> carryOver) {
        this.spool = spool;
        this.carried = Set.copyOf(carried);
        this.carryOver = carryOver;
    }

    /** Writes the snapshot, feeding {@code diff} and telling {@code sink} about each server. */
    void assemble(Optional<SnapshotReader.Cursor> previous, SnapshotWriter out, CatalogueDiff diff, Sink sink)
            throws IOException {
        TreeSet<String> ids = new TreeSet<>(spool.ids());
        ids.addAll(carried);
        var before = new InOrder(previous);
        for (String id : ids) {
            before.removeUpTo(id, diff);
            boolean inPrevious = before.at(id);
            if (carried.contains(id) && !spool.contains(id)) {
                if (!inPrevious) continue;
                if (carryOver.isEmpty()) {
                    before.cursor().copyTo(out);
                    sink.copied(id);
                    continue;
                }
                ServerRecord old = before.cursor().read();
                write(Optional.of(old), carryOver.get().apply(old), out, diff, sink);
            } else {
                Optional<ServerRecord> old = inPrevious ? Optional.of(before.cursor().read()) : Optional.empty();
                Optional<ServerRecord> now = spool.read(id);
                if (now.isPresent()) write(old, keepLastGoodTools(old, now.get()), out, diff, sink);
            }
        }
        before.removeUpTo(null, diff);
    }

    private static void write(Optional<ServerRecord> old, ServerRecord server, SnapshotWriter out, CatalogueDiff diff,
                              Sink sink) throws IOException {
        diff.compare(old, Optional.of(server));
        out.write(server);
        sink.written(server);
    }

    private static ServerRecord keepLastGoodTools(Optional<ServerRecord> old, ServerRecord now) {
        if (old.isEmpty() || old.get().tools().isEmpty() || !now.tools().isEmpty()) return now;
        if (!(now.status() instanceof CrawlStatus.Failed)) return now;
        return new ServerRecord(now.id(), now.source(), old.get().sourceVersion(), now.crawledAt(), now.status(),
                old.get().tools());
    }

    /** Walks the previous snapshot, checking it is in id order as every snapshot ToolRisk writes is. */
    private static final class InOrder {
        private final Optional<SnapshotReader.Cursor> cursor;
        private String last;

        InOrder(Optional<SnapshotReader.Cursor> cursor) {
            this.cursor = cursor;
        }

        SnapshotReader.Cursor cursor() {
            return cursor.orElseThrow();
        }

        private Optional<String> peek() throws IOException {
            if (cursor.isEmpty()) return Optional.empty();
            Optional<String> next = cursor.get().peekId();
            // The same id twice in a row is the same server peeked again, not yet consumed.
            if (next.isPresent() && last != null && next.get().compareTo(last) < 0)
                throw new IllegalStateException(("the previous snapshot is not in server-id order ('%s' after '%s'); "
                        + "move the catalogue aside to start a new one").formatted(next.get(), last));
            next.ifPresent(id -> last = id);
            return next;
        }

        /**
         * Records as removed every previous server before {@code id} (all that are left, for null). Each is read, for
         * the count of its tools: servers rarely go.
         */
        void removeUpTo(String id, CatalogueDiff diff) throws IOException {
            for (Optional<String> next = peek(); next.isPresent() && (id == null || next.get().compareTo(id) < 0); next = peek()) {
                ServerRecord gone = cursor.get().read();
                diff.removed(gone.id(), gone.tools().size());
            }
        }

        /** True when the previous server at the cursor is {@code id}. */
        boolean at(String id) throws IOException {
            return peek().filter(id::equals).isPresent();
        }
    }
}
