package io.toolrisk.crawler;

import java.time.Duration;

/**
 * The bounds every crawl runs within, so a hostile or broken server costs at most this much.
 *
 * @param connectTimeout  establishing an HTTP connection
 * @param requestTimeout  waiting for the answer to one request (initialize, one tools/list page)
 * @param serverTimeout   the whole crawl of one server, start to end
 * @param maxMessageBytes one JSON-RPC message (a stdout line, an HTTP body, an SSE event)
 * @param maxTools        tools one server may list
 * @param maxPages        {@code tools/list} pages one server may need
 */
public record CrawlLimits(Duration connectTimeout, Duration requestTimeout, Duration serverTimeout,
                          int maxMessageBytes, int maxTools, int maxPages) {

    /** Generous for real servers: the largest answer seen in the wild is 1.13 MB with 308 tools. */
    public static final CrawlLimits DEFAULT = new CrawlLimits(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 16 * 1024 * 1024, 10_000, 100);

    public CrawlLimits {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("serverTimeout", serverTimeout);
        if (maxMessageBytes < 1024) throw new IllegalArgumentException("maxMessageBytes must be at least 1024, got " + maxMessageBytes);
        if (maxTools < 1) throw new IllegalArgumentException("maxTools must be positive, got " + maxTools);
        if (maxPages < 1) throw new IllegalArgumentException("maxPages must be positive, got " + maxPages);
    }

    /**
     * The largest recorded file ({@code file} server) read: four times a message, 64 MB by default, room for the
     * 10,000 tools a server may list at several kilobytes each.
     */
    public long maxFileBytes() {
        return 4L * maxMessageBytes;
    }

    /** These limits with one timeout for a request and for the whole server, and connects capped by it. */
    public CrawlLimits withTimeout(Duration timeout) {
        Duration connect = connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout;
        return new CrawlLimits(connect, timeout, timeout, maxMessageBytes, maxTools, maxPages);
    }

    public CrawlLimits withTimeouts(Duration request, Duration server) {
        return new CrawlLimits(connectTimeout, request, server, maxMessageBytes, maxTools, maxPages);
    }

    public CrawlLimits withMaxMessageBytes(int bytes) {
        return new CrawlLimits(connectTimeout, requestTimeout, serverTimeout, bytes, maxTools, maxPages);
    }

    public CrawlLimits withMaxTools(int tools, int pages) {
        return new CrawlLimits(connectTimeout, requestTimeout, serverTimeout, maxMessageBytes, tools, pages);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero())
            throw new IllegalArgumentException("%s must be a positive duration, got %s".formatted(name, d));
    }
}
