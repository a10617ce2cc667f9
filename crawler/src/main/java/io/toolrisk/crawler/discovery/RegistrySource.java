package io.toolrisk.crawler.discovery;

import java.util.Optional;

/**
 * An MCP registry to take servers from: its base URL (or the full URL of its {@code servers} list), how many
 * servers to take at most, and optionally only those updated since an RFC 3339 time.
 */
public record RegistrySource(String url, int limit, Optional<String> updatedSince) {
    public static final int DEFAULT_LIMIT = 100;

    public RegistrySource {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("registry url must not be blank");
        if (limit < 1) throw new IllegalArgumentException("registry limit must be positive, got " + limit);
        updatedSince = updatedSince == null ? Optional.empty() : updatedSince;
    }
}
