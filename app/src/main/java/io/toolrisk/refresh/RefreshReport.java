package io.toolrisk.refresh;

import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.ToolChange;

import java.io.PrintStream;
import java.util.Comparator;

/** What a refresh prints when it is done: the snapshot, the servers that failed, and what changed. */
public final class RefreshReport {
    /** Beyond this many tool changes, the rest are counted, not listed (the changes file has them all). */
    private static final int LISTED_CHANGES = 50;

    private RefreshReport() {
    }

    public static void print(RefreshOutcome outcome, PrintStream out) {
        switch (outcome) {
            case RefreshOutcome.Written w -> printWritten(w, out);
            case RefreshOutcome.NothingWritten n -> {
                out.println("No snapshot written: " + n.reason() + ". The catalogue is as it was.");
                n.problems().forEach(p -> out.println("  problem: " + p));
            }
        }
    }

    private static void printWritten(RefreshOutcome.Written w, PrintStream out) {
        out.printf("Snapshot %s is live: %,d servers (%,d crawled, %,d carried over), %,d tools, in %s.%n",
                w.snapshotId(), w.servers(), w.crawled(), w.carried(), w.tools(), RefreshProgress.clockTime(w.took()));
        if (!w.failed().isEmpty()) {
            out.printf("%d %s not crawled:%n", w.failed().size(), w.failed().size() == 1 ? "server" : "servers");
            for (ServerRecord server : w.failed()) out.println("  " + server.id() + ": " + why(server.status()));
        }
        w.problems().forEach(p -> out.println("  problem: " + p));
        printChanges(w.changes(), out);
    }

    private static String why(CrawlStatus status) {
        return switch (status) {
            case CrawlStatus.Failed f -> "failed at " + f.stage() + ": " + f.reason();
            case CrawlStatus.NeedsCredentials n -> "needs credentials: set " + String.join(", ", n.missing());
            case CrawlStatus.Crawled c -> "crawled";
        };
    }

    static void printChanges(ChangeSet changes, PrintStream out) {
        if (changes.previous().isEmpty()) {
            out.printf("First snapshot of this catalogue: %d servers added, %,d tools.%n", changes.serversAdded().size(),
                    changes.toolsTotal());
            return;
        }
        if (changes.isEmpty()) {
            out.println("No changes since " + changes.previous().get() + ".");
            return;
        }
        long added = changes.tools().stream().filter(t -> t.kind() == ToolChange.Kind.ADDED).count();
        long removed = changes.tools().stream().filter(t -> t.kind() == ToolChange.Kind.REMOVED).count();
        long changed = changes.tools().size() - added - removed;
        out.printf("Changes since %s: servers +%d -%d; tools +%d -%d, %d changed, %d possible rug pulls.%n",
                changes.previous().get(), changes.serversAdded().size(), changes.serversRemoved().size(),
                added, removed, changed, changes.possibleRugPulls());
        changes.serversAdded().forEach(s -> out.println("  + server " + s));
        changes.serversRemoved().forEach(s -> out.println("  - server " + s));
        var ordered = changes.tools().stream()
                .sorted(Comparator.comparing((ToolChange t) -> !t.possibleRugPull())).toList();
        for (ToolChange t : ordered.subList(0, Math.min(LISTED_CHANGES, ordered.size()))) {
            String mark = t.possibleRugPull() ? "! POSSIBLE RUG PULL " : switch (t.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case CHANGED -> "~ ";
            };
            out.println("  " + mark + t.server() + "/" + t.tool() + ": " + t.detail());
        }
        if (ordered.size() > LISTED_CHANGES)
            out.printf("  ... and %,d more (GET /api/v1/changes, or the snapshot's .changes.json)%n", ordered.size() - LISTED_CHANGES);
    }
}
