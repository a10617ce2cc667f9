package io.toolrisk.api;

import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.ChangeSetJson;
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

    private static String refresh(CatalogueStore store, Instant at, boolean live) throws IOException {
        String id = new TestCatalogue().crawled("a").write(store, at, TestCatalogue.RULESET);
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
