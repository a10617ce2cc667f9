package io.toolrisk.refresh;

import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.ServerRecord;

import java.time.Duration;
import java.util.List;

/** How a refresh ended. Consume with a {@code switch} without {@code default}. */
public sealed interface RefreshOutcome {
    /**
     * A new snapshot is live.
     *
     * @param crawled  servers crawled this time (including failures)
     * @param carried  servers carried over from the previous snapshot
     * @param failed   servers whose crawl failed or that need credentials, as recorded
     * @param problems sources that could not be used (a registry down, a duplicate id)
     */
    record Written(String snapshotId, long servers, long tools, int crawled, int carried, List<ServerRecord> failed,
                   ChangeSet changes, List<String> problems, Duration took) implements RefreshOutcome {
        public Written {
            failed = List.copyOf(failed);
            problems = List.copyOf(problems);
        }
    }

    /** Nothing was written; the catalogue is as it was. */
    record NothingWritten(String reason, List<String> problems) implements RefreshOutcome {
        public NothingWritten {
            problems = List.copyOf(problems);
        }
    }
}
