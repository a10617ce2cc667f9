package io.toolrisk.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One server in a catalogue snapshot: its catalogue key, where it came from ({@code source}, e.g.
 * {@code "stdio: npx -y pkg@1.0.0"} or {@code "url: https://..."}), the version of that source when known
 * (npm version, registry updatedAt; empty when unknown), when it was crawled, how that ended, and its tools
 * (empty unless crawled).
 */
public record ServerRecord(
        String id,
        String source,
        String sourceVersion,
        Instant crawledAt,
        CrawlStatus status,
        List<CataloguedTool> tools) {

    /**
     * Catalogue keys: lower-case letters, digits, dot, underscore, hyphen (DESIGN.md, servers.json), starting with a
     * letter or digit, since an id names a folder ({@code policies/<id>/}): never {@code .}, {@code ..} or hidden.
     */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    public ServerRecord {
        if (id == null || !ID.matcher(id).matches())
            throw new IllegalArgumentException("server id '%s' is not lower-case [a-z0-9._-] starting with a letter or digit".formatted(id));
        source = source == null ? "" : source;
        sourceVersion = sourceVersion == null ? "" : sourceVersion;
        if (crawledAt == null) throw new IllegalArgumentException("server '%s' needs crawledAt".formatted(id));
        if (status == null) throw new IllegalArgumentException("server '%s' needs a crawl status".formatted(id));
        tools = List.copyOf(tools);
    }
}
