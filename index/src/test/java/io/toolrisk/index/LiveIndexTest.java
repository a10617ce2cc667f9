package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveIndexTest {
    @TempDir
    Path dir;

    @Test
    void aLeaseTakenBeforeASwitchKeepsWorkingOnTheOldIndex() throws IOException {
        var store = new CatalogueStore(dir);
        String first = new TestCatalogue().crawled("a", tool("a", "one", "First.", Category.READ))
                .writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
        try (var view = LiveIndex.open(store)) {
            assertEquals(first, view.snapshotId().orElseThrow());
            try (var lease = view.lease()) {
                String second = new TestCatalogue()
                        .crawled("a", tool("a", "one", "First.", Category.READ), tool("a", "two", "Second.", Category.WRITE))
                        .writeAndIndex(store, Instant.parse("2026-11-25T14:00:00Z"));
                view.switchTo(second);
                assertEquals(second, view.snapshotId().orElseThrow());
                assertEquals(1, lease.searcher().orElseThrow().search(ToolQuery.text("")).total());
                try (var fresh = view.lease()) {
                    assertEquals(2, fresh.searcher().orElseThrow().search(ToolQuery.text("")).total());
                }
            }
        }
    }
}
