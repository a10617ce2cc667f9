package io.toolrisk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.index.LiveIndex;
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

/** The API serves the live index from the start, with its status, and switches to a new snapshot without a restart. */
class LiveServingTest {
    @TempDir
    Path dir;

    @Test
    void emptyCatalogueServesAtOnceWithItsStatusThenSwitchesWithoutRestart() throws IOException {
        var store = new CatalogueStore(dir);
        var view = LiveIndex.open(store);
        view.status("first refresh running");
        try (var app = new RunningApp(view)) {
            JsonNode stats = Json.MAPPER.readTree(app.get("/api/v1/stats").body());
            assertEquals("empty", stats.path("state").asText());
            assertEquals("first refresh running", stats.path("message").asText());
            assertEquals(0, Json.MAPPER.readTree(app.get("/api/v1/tools?q=x").body()).path("total").asInt());
            assertEquals(404, app.get("/api/v1/servers/github").status());
            var page = app.get("/");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("first refresh running"), page.body());

            new TestCatalogue().crawled("github", tool("github", "delete_repo", "Deletes.", Category.DESTRUCTIVE))
                    .writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
            assertTrue(view.reload());
            view.clearStatus();
            stats = Json.MAPPER.readTree(app.get("/api/v1/stats").body());
            assertEquals("ready", stats.path("state").asText());
            assertFalse(stats.has("message"));
            assertEquals(1, Json.MAPPER.readTree(app.get("/api/v1/tools").body()).path("total").asInt());
            assertFalse(view.reload(), "already current");
        }
    }
}
