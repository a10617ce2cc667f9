package io.toolrisk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.testing.TestCatalogue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every tool name a server can send has a page and an API URL that lead to that tool. */
class ToolUrlsTest {
    /** Ordinary names, names with NUL or lone surrogates, names that start with the escape character. */
    private static final List<String> NAMES = List.of("delete_repo", "name with spaces+plus", "a~b", "a/b", "..", ".", "a;b", "a?b#c", "a\\b", "%41",
            "a\u0000b", "\u0000", "x\uD800", "\uDC00y", "\uD800\uD800", "\uFFFD", "\uDFFF", "\uD83D\uDE00", "~home", "~", "~0041");

    @TempDir
    Path dir;

    @Test
    void everyToolNameHasAPageAndAnApiUrlThatLeadToIt() throws Exception {
        var store = new CatalogueStore(dir);
        CataloguedTool[] tools = NAMES.stream()
                .map(name -> TestCatalogue.tool("odd", name, "Reads a file.", Category.READ)).toArray(CataloguedTool[]::new);
        new TestCatalogue().crawled("odd", tools).writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
        try (RunningApp app = new RunningApp(LiveIndex.open(store))) {
            var server = app.get("/servers/odd");
            assertEquals(200, server.status(), server.body());
            Set<String> reached = new HashSet<>();
            List<Element> links = Jsoup.parse(server.body()).select("#tools a");
            assertEquals(NAMES.size(), links.size());
            List<String> broken = new ArrayList<>();
            for (Element link : links) {
                var page = app.get(link.attr("href"));
                Element api = Jsoup.parse(page.body()).selectFirst("p.api a");
                if (page.status() != 200 || api == null) {
                    broken.add(link.attr("href") + " answers " + page.status() + (api == null ? ", not a tool page" : ""));
                    continue;
                }
                var profile = app.get(api.attr("href"));
                if (profile.status() != 200) {
                    broken.add(api.attr("href") + " answers " + profile.status() + ": " + profile.body());
                    continue;
                }
                JsonNode json = Json.MAPPER.readTree(profile.body());
                assertEquals(json.path("tool").asText(), json.path("definition").path("name").asText());
                reached.add(json.path("tool").asText());
            }
            assertEquals(List.of(), broken);
            assertEquals(Set.copyOf(NAMES), reached);
        }
    }
}
