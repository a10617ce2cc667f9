package io.toolrisk.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points of a refresh's run, in order, for tests that kill a real refresh process at one of them rather than
 * after a delay that a busy machine may not match. A test hook, off unless the system property
 * {@value #STOP_AT} is {@code STAGE:FILE} (for example {@code INDEXED:/tmp/marker}): the refresh that reaches STAGE
 * creates FILE and waits there until it is killed. Nothing but tests sets it.
 */
enum RefreshStage {
    /** The first crawled server is in the spool; the crawl goes on, no snapshot is begun. */
    CRAWLING,
    /** The new snapshot, its server list and its changes are written; it has no index yet. */
    SNAPSHOT_WRITTEN,
    /** The new snapshot's index is built; the previous snapshot is still the live one. */
    INDEXED,
    /** The new snapshot is live; its policy files are not yet published. */
    LIVE,
    /** Its policy files are published; snapshots beyond {@code --keep} are not yet pruned. */
    PUBLISHED;

    static final String STOP_AT = "toolrisk.refresh.stop-at";

    /**
     * Stops the calling thread here for good when {@value #STOP_AT} names this stage (every thread that reaches it:
     * crawls run on several); returns at once otherwise.
     */
    void reached() throws IOException {
        String stopAt = System.getProperty(STOP_AT, "");
        if (!stopAt.startsWith(name() + ":")) return;
        Files.write(Path.of(stopAt.substring(name().length() + 1)), new byte[0]);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
