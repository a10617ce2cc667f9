package io.toolrisk.refresh;

import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.stdio.Sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a refresh does.
 *
 * @param serversFile   the servers.json to crawl, if any
 * @param clientConfigs client config files (Claude Desktop, Cursor, VS Code) whose servers are crawled too
 * @param catalogueDir  the catalogue to refresh
 * @param concurrency   servers crawled at once
 * @param only          when not empty, crawl only these servers and carry the others over as they are
 * @param full          crawl every server, even those whose source did not change
 * @param maxAge        a server unchanged at its source is carried over only when crawled within this long
 * @param keep          snapshots to keep (the live one always stays)
 * @param limits        bounds of each crawl
 * @param cacheDir      where npm packages a servers file pins are installed
 * @param sandbox       what stdio servers run in; a sandbox also hides the catalogue and the cache from them, and
 *                      shows them the npm install
 */
public record RefreshOptions(Optional<Path> serversFile, List<Path> clientConfigs, Path catalogueDir, int concurrency,
                             Set<String> only, boolean full, Duration maxAge, int keep, CrawlLimits limits, Path cacheDir,
                             Sandbox sandbox) {
    public RefreshOptions {
        serversFile = serversFile == null ? Optional.empty() : serversFile;
        clientConfigs = List.copyOf(clientConfigs);
        if (serversFile.isEmpty() && clientConfigs.isEmpty())
            throw new IllegalArgumentException("nothing to crawl: give a servers file or --from-config FILE");
        if (concurrency < 1 || concurrency > 1024)
            throw new IllegalArgumentException("--concurrency must be 1..1024, got " + concurrency);
        only = Set.copyOf(only);
        if (maxAge.isNegative()) throw new IllegalArgumentException("--max-age must not be negative, got " + maxAge);
        if (keep < 1) throw new IllegalArgumentException("--keep must be at least 1, got " + keep);
        if (sandbox == null) throw new IllegalArgumentException("a refresh needs a sandbox, or Sandbox.Off");
    }

    /** The default cache: {@code $TOOLRISK_CACHE}, else {@code ~/.cache/toolrisk}. */
    public static Path defaultCacheDir() {
        String configured = System.getenv("TOOLRISK_CACHE");
        return configured != null && !configured.isBlank()
                ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "toolrisk");
    }
}
