package io.toolrisk.catalogue;

import java.util.List;

/** How the last crawl of a server ended, as a snapshot records it. */
public sealed interface CrawlStatus {
    /** The wire name: {@code crawled}, {@code failed} or {@code needs-credentials}. */
    String wireName();

    /** The server answered; its tools are in the snapshot. */
    record Crawled(ServerInfo info) implements CrawlStatus {
        public Crawled {
            if (info == null) throw new IllegalArgumentException("a crawled server needs its ServerInfo");
        }

        @Override
        public String wireName() {
            return "crawled";
        }
    }

    /** The crawl failed at {@code stage} (launch, connect, initialize, list, read...) for {@code reason}. */
    record Failed(String stage, String reason) implements CrawlStatus {
        public Failed {
            Evidence.requireText("stage", stage);
            reason = reason == null ? "" : reason;
        }

        @Override
        public String wireName() {
            return "failed";
        }
    }

    /** The server was not crawled because these variables have no value here; not a failure. */
    record NeedsCredentials(List<String> missing) implements CrawlStatus {
        public NeedsCredentials {
            missing = List.copyOf(missing);
        }

        @Override
        public String wireName() {
            return "needs-credentials";
        }
    }
}
