package io.toolrisk.crawler;

import io.toolrisk.crawler.mcp.Deadline;
import io.toolrisk.crawler.mcp.Transport;

import java.time.Duration;

/**
 * Closes a transport when its server's deadline has passed, whatever the crawl is blocked in: the last line of
 * defence behind the session's own timeouts, so no crawl outlives its budget by more than the slack.
 */
final class Watchdog {
    /** The session's own timeouts fire first and say more; this only catches what they cannot reach. */
    private static final Duration SLACK = Duration.ofMillis(500);

    private final Thread thread;
    private volatile boolean fired;

    private Watchdog(Deadline deadline, Transport transport) {
        thread = Thread.ofVirtual().name("crawl-watchdog").start(() -> {
            try {
                Thread.sleep(deadline.remaining().plus(SLACK));
                fired = true;
                transport.close();
            } catch (InterruptedException e) {
                // Cancelled: the crawl ended in time.
            }
        });
    }

    static Watchdog start(Deadline deadline, Transport transport) {
        return new Watchdog(deadline, transport);
    }

    boolean fired() {
        return fired;
    }

    void cancel() {
        thread.interrupt();
    }
}
