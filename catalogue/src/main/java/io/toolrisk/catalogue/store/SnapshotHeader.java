package io.toolrisk.catalogue.store;

import java.time.Instant;
import java.util.Optional;

/** What a snapshot says about itself: its id, when it was made, by which ruleset, and the one before it. */
public record SnapshotHeader(String id, Instant createdAt, String ruleset, Optional<String> previous) {
    public SnapshotHeader {
        if (id == null || !CatalogueStore.SNAPSHOT_ID.matcher(id).matches())
            throw new IllegalArgumentException("snapshot id '%s' is not of the form 20261125T130000Z[-N]".formatted(id));
        if (createdAt == null) throw new IllegalArgumentException("snapshot '%s' needs createdAt".formatted(id));
        if (ruleset == null || ruleset.isBlank()) throw new IllegalArgumentException("snapshot '%s' needs a ruleset".formatted(id));
        previous = previous == null ? Optional.empty() : previous;
    }
}
