package io.toolrisk.index;

import java.time.Instant;
import java.util.Optional;

/** What an index says about the snapshot it was built from (its commit data). */
public record CatalogueInfo(String snapshot, Instant createdAt, String ruleset, Optional<String> previous, long servers, long tools) {
}
