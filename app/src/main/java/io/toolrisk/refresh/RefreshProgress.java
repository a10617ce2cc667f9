package io.toolrisk.refresh;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a refresh on stderr: servers done, failed and total, tools so far, elapsed time and an estimate of
 * what is left. Updated as servers finish, at most every {@code interval}, so that ten thousand servers do not
 * print ten thousand lines. Thread-safe.
 */
final class RefreshProgress {
    private final PrintStream out;
    private final Clock clock;
    private final Duration interval;
    private final Instant start;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong tools = new AtomicLong();
    private Instant lastPrinted = Instant.MIN;
    /** Servers done as of the last line printed: the final line is not printed twice. */
    private int printedDone = -1;

    RefreshProgress(PrintStream out, Clock clock, Duration interval, int total) {
        this.out = out;
        this.clock = clock;
        this.interval = interval;
        this.total = total;
        this.start = clock.instant();
    }

    void serverDone(boolean ok, int toolCount) {
        done.incrementAndGet();
        if (!ok) failed.incrementAndGet();
        tools.addAndGet(toolCount);
        maybePrint(false);
    }

    /** Prints the final state, whatever the interval, unless the last line printed already said it. */
    void finish() {
        maybePrint(true);
    }

    private void maybePrint(boolean force) {
        Instant now = clock.instant();
        synchronized (this) {
            int d = done.get();
            if (force ? d == printedDone : Duration.between(lastPrinted, now).compareTo(interval) < 0) return;
            lastPrinted = now;
            printedDone = d;
            out.println(line(now));
            out.flush();
        }
    }

    String line(Instant now) {
        int d = done.get();
        Duration elapsed = Duration.between(start, now);
        String eta = d == 0 || d >= total ? "" : ", ETA " + clockTime(elapsed.multipliedBy(total - d).dividedBy(d));
        return "refresh: %,d/%,d servers crawled (%,d failed), %,d tools, %s elapsed%s"
                .formatted(d, total, failed.get(), tools.get(), clockTime(elapsed), eta);
    }

    static String clockTime(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 3600
                ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
