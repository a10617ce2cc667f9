package io.toolrisk.crawler;

import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.Tool;

import java.util.List;

/** What crawling one server came to. Consume with a {@code switch} without {@code default}. */
public sealed interface CrawlResult {
    ServerRef server();

    /** Where a crawl failed. */
    enum Stage {
        /** The process could not be started. */
        LAUNCH,
        /** The HTTP server could not be reached. */
        CONNECT,
        /** The initialize handshake failed (no answer, error, exit, unsupported version, HTTP error). */
        INITIALIZE,
        /** Listing the tools failed (error, cursor loop, too many tools, no answer, exit). */
        LIST,
        /** A recorded tools file could not be read. */
        READ
    }

    /**
     * The server answered: what it said about itself and its tools in its order. {@code warnings} name what
     * was skipped (a tool without a name, a duplicate) while the rest was kept. For a recorded file the
     * server info holds only the server id as its name.
     */
    record Crawled(ServerRef server, ServerInfo info, List<Tool> tools, List<String> warnings) implements CrawlResult {
        public Crawled {
            tools = List.copyOf(tools);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The crawl failed at {@code stage} for {@code reason} (one sentence). {@code stderrTail} is the end of a
     * stdio server's stderr (often why it exited), empty otherwise.
     */
    record Failed(ServerRef server, Stage stage, String reason, String stderrTail) implements CrawlResult {
        public Failed {
            if (stage == null) throw new IllegalArgumentException("stage must not be null");
            reason = reason == null || reason.isBlank() ? "unknown failure" : reason;
            stderrTail = stderrTail == null ? "" : stderrTail;
        }
    }

    /**
     * Not crawled because the entry names {@code ${VAR}}s that toolrisk's environment does not set (a token,
     * say). Not a failure: the server may be fine; set the variables to crawl it.
     */
    record NeedsCredentials(ServerRef server, List<String> missingVariables) implements CrawlResult {
        public NeedsCredentials {
            missingVariables = List.copyOf(missingVariables);
        }
    }
}
