package io.toolrisk.crawler.mcp;

import java.time.Duration;

/** A point in time (on the monotonic clock) by which something must be done. */
public record Deadline(long nanoTime, Duration budget) {

    /** The deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    public boolean passed() {
        return nanoTime - System.nanoTime() <= 0;
    }

    /** The shorter of {@code timeout} and the time left. */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        return left.compareTo(timeout) < 0 ? left : timeout;
    }
}
