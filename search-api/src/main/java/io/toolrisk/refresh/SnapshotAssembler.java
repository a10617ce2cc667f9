package io.toolrisk.refresh;

import io.toolrisk.catalogue.CatalogueDiff;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.store.SnapshotWriter;

import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Writes the new snapshot in server-id order from two sources — servers crawled in this refresh (the spool) and
 * servers carried over from the previous snapshot — while walking the previous snapshot in step to work out what
 * changed. Both snapshots being in id order, nothing is held in memory but one server of each.
 * <p>
 * A server whose crawl failed this time keeps the tools of its last good crawl, marked with the failure: a
 * server that is down for an hour must not vanish from the catalogue.
 */
final class SnapshotAssembler {
    private final ServerSpool spool;
    private final Set<String> carried;
    private final UnaryOperator<ServerRecord> carryOver;

    /**
     * @param spool     the servers crawled in this refresh
     * @param carried   ids to take from the previous snapshot rather than the spool
     * @param carryOver what carrying a server over does to it (classify its tools anew under a new ruleset, say)
     */
    SnapshotAssembler(ServerSpool spool, Set<String> carried, UnaryOperator<ServerRecord> carryOver) {
        this.spool = spool;
        this.carried = Set.copyOf(carried);
        this.carryOver = carryOver;
    }

    /**
     * Writes the snapshot, feeding {@code diff} and handing each server written to {@code written}.
     *
     * @return how many servers and tools were written
     */
    Counts assemble(Iterator<ServerRecord> previous, SnapshotWriter out, CatalogueDiff diff, Consumer<ServerRecord> written)
            throws IOException {
        TreeSet<String> ids = new TreeSet<>(spool.ids());
        ids.addAll(carried);
        var before = new PeekingIterator(previous);
        long servers = 0;
        long tools = 0;
        for (String id : ids) {
            while (before.hasNext() && before.peek().id().compareTo(id) < 0) {
                diff.compare(Optional.of(before.next()), Optional.empty());
            }
            Optional<ServerRecord> old = before.hasNext() && before.peek().id().equals(id)
                    ? Optional.of(before.next()) : Optional.empty();
            Optional<ServerRecord> now = carried.contains(id) && !spool.contains(id) ? old.map(carryOver) : spool.read(id);
            if (now.isEmpty()) continue;
            ServerRecord server = keepLastGoodTools(old, now.get());
            diff.compare(old, Optional.of(server));
            out.write(server);
            written.accept(server);
            servers++;
            tools += server.tools().size();
        }
        while (before.hasNext()) diff.compare(Optional.of(before.next()), Optional.empty());
        return new Counts(servers, tools);
    }

    record Counts(long servers, long tools) {
    }

    private static ServerRecord keepLastGoodTools(Optional<ServerRecord> old, ServerRecord now) {
        if (old.isEmpty() || old.get().tools().isEmpty() || !now.tools().isEmpty()) return now;
        if (!(now.status() instanceof CrawlStatus.Failed)) return now;
        return new ServerRecord(now.id(), now.source(), old.get().sourceVersion(), now.crawledAt(), now.status(),
                old.get().tools());
    }

    /** Walks the previous snapshot, checking it is in id order as every snapshot ToolRisk writes is. */
    private static final class PeekingIterator {
        private final Iterator<ServerRecord> source;
        private ServerRecord next;
        private String last;

        PeekingIterator(Iterator<ServerRecord> source) {
            this.source = source;
        }

        boolean hasNext() {
            if (next != null) return true;
            if (!source.hasNext()) return false;
            next = source.next();
            if (last != null && next.id().compareTo(last) <= 0)
                throw new IllegalStateException(("the previous snapshot is not in server-id order ('%s' after '%s'); "
                        + "move the catalogue aside to start a new one").formatted(next.id(), last));
            last = next.id();
            return true;
        }

        ServerRecord peek() {
            return next;
        }

        ServerRecord next() {
            hasNext();
            ServerRecord result = next;
            next = null;
            return result;
        }
    }
}
