package io.toolrisk.index;

import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.ChangeSetJson;
import io.toolrisk.catalogue.store.SnapshotHeader;
import io.toolrisk.catalogue.store.SnapshotWriter;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeLogTest {
    private static final Instant T = Instant.parse("2026-11-25T13:00:00Z");

    @TempDir
    Path dir;

    /** What a refresh writes: a snapshot after the current one and its changes; it makes it live unless killed first. */
    private static String refresh(CatalogueStore store, Instant at, boolean live) throws IOException {
        String id = store.newSnapshotId(at);
        try (SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(id, at, TestCatalogue.RULESET, store.currentId()))) {
            writer.commit();
        }
        ChangeSetJson.writeFile(store.changesFile(id), new ChangeSet(id, store.currentId(), at, List.of(), List.of(), List.of()));
        if (live) store.switchCurrent(id);
        return id;
    }

    @Test
    void listsOnlyTheChangesOfSnapshotsThatWentLive() throws IOException {
        var store = new CatalogueStore(dir);
        String first = refresh(store, T, true);
        refresh(store, T.plusSeconds(60), false); // killed before it switched
        String third = refresh(store, T.plusSeconds(120), true);
        refresh(store, T.plusSeconds(180), false); // killed again, after the live one

        List<ChangeSet> recent = new ChangeLog(store).recent(Optional.empty(), 0, 10);
        assertEquals(List.of(third, first), recent.stream().map(ChangeSet::snapshot).toList());
        assertEquals(Optional.of(first), recent.getFirst().previous());
    }
}
