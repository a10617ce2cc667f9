package io.toolrisk.cli;

import io.toolrisk.classifier.Classifier;
import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.refresh.RefreshJob;
import io.toolrisk.refresh.RefreshOptions;
import io.toolrisk.refresh.RefreshOutcome;
import io.toolrisk.refresh.RefreshReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code toolrisk refresh}: the batch job. */
@Command(name = "refresh", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The batch job: crawl every server, classify its tools, write a new snapshot of the catalogue, print what "
                        + "changed since the last one, rebuild the search index and the policy files. The new snapshot goes live "
                        + "only when all of that is done: a refresh that fails or is killed leaves the last good catalogue serving.",
                "Servers whose source version (npm version, registry update) did not change and that were crawled within "
                        + "--max-age are carried over without a crawl.",
                "Progress on stderr; the summary and the changes on stdout. "
                        + "Exit 0 when a snapshot was written (failed servers are listed), 4 when the servers file cannot be used, "
                        + "5 when no snapshot could be written."})
final class RefreshCommand implements Callable<Integer> {
    @Option(names = "--servers", paramLabel = "FILE", defaultValue = "${sys:toolrisk.home:-.}/data/servers.json",
            description = "What to crawl (default: ${DEFAULT-VALUE}). With --from-config only, pass --servers none.")
    String servers;

    @Option(names = "--from-config", paramLabel = "FILE",
            description = "Also crawl the servers of an MCP client config file (Claude Desktop, Cursor, VS Code mcp.json). Repeatable.")
    List<Path> fromConfig = new ArrayList<>();

    @Option(names = "--catalogue", paramLabel = "DIR", defaultValue = "${sys:toolrisk.home:-.}/data/catalogue",
            description = "The catalogue to refresh (default: ${DEFAULT-VALUE}).")
    Path catalogue;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Servers crawled at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--only", paramLabel = "SERVER", arity = "1..*",
            description = "Crawl only these servers; the others are carried over as they are.")
    List<String> only = new ArrayList<>();

    @Option(names = "--full", description = "Crawl every server, even those whose source version did not change.")
    boolean full;

    @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "24h",
            description = "Carry over a server unchanged at its source only if crawled within this long (default: ${DEFAULT-VALUE}).")
    Duration maxAge;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Longest crawl of one server, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "5",
            description = "Snapshots to keep for diffs, of those that went live (default: ${DEFAULT-VALUE}).")
    int keep;

    @Mixin
    SandboxOptions sandbox = new SandboxOptions();

    @Override
    public Integer call() throws Exception {
        RefreshOutcome outcome = new RefreshJob(options(), Classifier.bundled(), Clock.systemUTC(), System.err, System.getenv()).run();
        RefreshReport.print(outcome, System.out);
        return switch (outcome) {
            case RefreshOutcome.Written w -> 0;
            case RefreshOutcome.NothingWritten n -> ExitCode.FAILED.code;
        };
    }

    RefreshOptions options() {
        Optional<Path> serversFile = "none".equals(servers) ? Optional.empty() : Optional.of(Path.of(servers));
        if (timeout.isZero()) throw new IllegalArgumentException("--timeout must be longer than zero, got '0'");
        var limits = CrawlLimits.DEFAULT.withTimeouts(min(CrawlLimits.DEFAULT.requestTimeout(), timeout), timeout);
        return new RefreshOptions(serversFile, fromConfig, catalogue, concurrency, new LinkedHashSet<>(only), full,
                maxAge, keep, limits, RefreshOptions.defaultCacheDir(), sandbox.sandbox());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
