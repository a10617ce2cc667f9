package io.toolrisk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.testing.TestCatalogue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server at the crawler's limit of 10,000 tools is answered a page at a time; its policies whole. */
class LargeServerTest {
    private static final int TOOLS = 10_000;

    @TempDir
    static Path dir;
    static RunningApp app;

    @BeforeAll
    static void start() throws IOException {
        var tools = new CataloguedTool[TOOLS];
        for (int i = 0; i < TOOLS; i++) {
            tools[i] = i % 10 == 0 ? tool("big", "delete_%05d".formatted(i), "Deletes a thing.", Category.DESTRUCTIVE)
                    : tool("big", "list_%05d".formatted(i), "Lists things.", Category.READ);
        }
        var store = new CatalogueStore(dir);
        new TestCatalogue().crawled("big", tools).crawled("small", tool("small", "ping", "Pings.", Category.READ))
                .writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
        app = new RunningApp(LiveIndex.open(store));
    }

    @AfterAll
    static void stop() throws IOException {
        app.close();
    }

    private static JsonNode json(RunningApp.Answer answer) throws IOException {
        assertEquals(200, answer.status(), answer.body());
        return Json.MAPPER.readTree(answer.body());
    }

    @Test
    void theApiAnswersTheToolsOfALargeServerAPageAtATimeMostSevereFirst() throws IOException {
        List<String> names = new ArrayList<>();
        String next = "/api/v1/servers/big";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(app.get(next));
            assertEquals(TOOLS, page.path("server").path("tools").asInt());
            assertEquals(ServersApi.DEFAULT_TOOLS_PAGE, page.path("tools").size(), next);
            page.path("tools").forEach(t -> names.add(t.path("tool").asText()));
            next = page.has("next") ? page.path("next").asText() : null;
            pages++;
        }
        assertEquals(TOOLS / ServersApi.DEFAULT_TOOLS_PAGE, pages);
        assertEquals(TOOLS, new LinkedHashSet<>(names).size());
        assertEquals("delete_00000", names.getFirst());
        assertEquals("delete_09990", names.get(TOOLS / 10 - 1));
        assertEquals("list_00001", names.get(TOOLS / 10));

        JsonNode sized = json(app.get("/api/v1/servers/big?size=1000&page=10"));
        assertEquals(1_000, sized.path("tools").size());
        assertFalse(sized.has("next"));
        assertEquals("list_09999", sized.path("tools").get(999).path("tool").asText());
        JsonNode small = json(app.get("/api/v1/servers/small"));
        assertEquals(1, small.path("tools").size());
        assertNull(small.get("next"));
        assertEquals(0, json(app.get("/api/v1/servers/big?page=21")).path("tools").size());
        assertEquals(400, app.get("/api/v1/servers/big?size=1001").status());
    }

    @Test
    void theServerPageListsALargeServerAPageAtATime() throws IOException {
        var first = app.get("/servers/big");
        assertEquals(200, first.status());
        Document page = Jsoup.parse(first.body());
        assertEquals(500, page.select("#tools li").size());
        assertEquals("1–500 of 10,000", page.selectFirst("p.range").text());
        assertEquals("/servers/big?page=2", page.selectFirst("nav.pager a[rel=next]").attr("href"));
        Document last = Jsoup.parse(app.get("/servers/big?page=20").body());
        assertEquals(500, last.select("#tools li").size());
        assertEquals("list_09999", last.select("#tools li a").last().text());
        assertTrue(last.select("nav.pager a[rel=next]").isEmpty());
        assertTrue(Jsoup.parse(app.get("/servers/small").body()).select("nav.pager").isEmpty());
    }

    @Test
    void aPolicyOfALargeServerCoversEveryToolAndIsTheSameEachTime() throws IOException {
        var policy = app.get("/api/v1/servers/big/policy?format=claude-code&profile=strict");
        JsonNode permissions = json(policy).path("permissions");
        Set<String> listed = new LinkedHashSet<>();
        for (String list : List.of("allow", "ask", "deny")) permissions.path(list).forEach(t -> listed.add(t.asText()));
        assertEquals(TOOLS, listed.size());
        assertTrue(listed.contains("mcp__big__delete_09990"));
        assertEquals(policy.body(), app.get("/api/v1/servers/big/policy?format=claude-code&profile=strict").body());
        assertFalse(policy.body().equals(app.get("/api/v1/servers/big/policy?format=claude-code").body()));
    }
}
