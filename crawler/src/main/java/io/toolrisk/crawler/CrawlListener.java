package io.toolrisk.crawler;

/** Told about each server as its crawl ends, for progress output. Calls are never concurrent. */
@FunctionalInterface
public interface CrawlListener {
    CrawlListener NONE = (result, done, total) -> { };

    /** {@code result} just came in; {@code done} of {@code total} are finished. */
    void finished(CrawlResult result, int done, int total);
}
