package io.toolrisk.api;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages over HTTP, read with jsoup: what they hold, which errors are pages and which JSON. */
class PagesTest {
    private static final String HTML = "text/html;charset=utf-8";

    @TempDir
    static Path dir;
    static RunningApp app;

    @BeforeAll
    static void start() throws IOException {
        var store = new CatalogueStore(dir);
        new TestCatalogue()
                .crawled("github",
                        tool("github", "delete_repo", "Deletes a repository. This cannot be undone.", Category.DESTRUCTIVE),
                        tool("github", "create_issue", "Create an issue in **any** [repository](https://github.example/r).", Category.WRITE),
                        tool("github", "list_issues", "List issues.", Category.READ))
                .crawled("gitlab", tool("gitlab", "list_projects", "List projects.", Category.READ))
                .crawled("stripe", tool("stripe", "create_refund", "Refund a payment.", Category.FINANCIAL),
                        tool("stripe", "send_receipt", "Email a receipt to any address.", Category.WRITE,
                                new Flag(FlagKind.OPEN_WORLD, "description", "any address", "recipients the caller picks")))
                .crawled("shell", tool("shell", "run", "Run a command.", Category.EXECUTE),
                        tool("shell", "a", "A.", Category.EXECUTE), tool("shell", "b", "B.", Category.EXECUTE),
                        tool("shell", "c", "C.", Category.EXECUTE))
                .failed("broken", "initialize", "timed out after 30s")
                .writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
        app = new RunningApp(LiveIndex.open(store));
    }

    @AfterAll
    static void stop() throws IOException {
        app.close();
    }

    private static Document page(String path) throws IOException {
        var answer = app.get(path);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        assertEquals(HTML, answer.header("Content-Type"));
        return Jsoup.parse(answer.body());
    }

    @Test
    void browsersGetAnHtmlPageNotFoundWithSuggestionsAndTheApiKeepsJsonErrors() throws IOException {
        var server = app.get("/servers/githib");
        assertEquals(404, server.status());
        assertEquals(HTML, server.header("Content-Type"));
        Document page = Jsoup.parse(server.body());
        assertEquals("no server 'githib' in the catalogue", page.selectFirst("#error-message").text());
        assertEquals(List.of("github", "gitlab"), page.select("#suggestions a.suggested-server").eachText());
        assertEquals("/?q=githib", page.selectFirst("#search-suggestion").attr("href"));

        Document tool = Jsoup.parse(app.get("/servers/github/tools/delete_rep").body());
        assertEquals("server 'github' has no tool 'delete_rep'", tool.selectFirst("#error-message").text());
        assertEquals(List.of("delete_repo"), tool.select("#suggestions a.suggested-tool").eachText());
        assertEquals("/servers/github/tools/delete_repo", tool.selectFirst("a.suggested-tool").attr("href"));

        var elsewhere = app.get("/refund", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(404, elsewhere.status());
        assertEquals(HTML, elsewhere.header("Content-Type"));
        assertEquals(List.of("create_refund"), Jsoup.parse(elsewhere.body()).select("#suggestions a.suggested-tool").eachText());

        for (String path : List.of("/api/v1/servers/githib", "/refund", "/api/v1/nothing-here")) {
            var json = app.get(path, "Accept", path.equals("/refund") ? "application/json" : "text/html");
            assertEquals(404, json.status(), path);
            assertEquals(JsonBody.JSON, json.header("Content-Type"), path);
            assertEquals(404, Json.MAPPER.readTree(json.body()).path("status").asInt(), path);
        }
    }

    @Test
    void badParametersOfAPageAreAnErrorPageNamingThem() throws IOException {
        var answer = app.get("/servers?sort=size");
        assertEquals(400, answer.status());
        assertEquals(HTML, answer.header("Content-Type"));
        assertEquals("unknown sort 'size' (expected risk, name or tools)", Jsoup.parse(answer.body()).selectFirst("#error-message").text());
        assertEquals("unknown policy profile 'lax' (expected recommended, strict or permissive)",
                Jsoup.parse(app.get("/servers/github?profile=lax").body()).selectFirst("#error-message").text());
    }

    @Test
    void theServersIndexSortsByRiskNameOrToolsAndFilters() throws IOException {
        assertEquals(List.of("github", "stripe", "shell", "gitlab", "broken"), page("/servers").select("#servers a.server-id").eachText());
        assertEquals(List.of("broken", "github", "gitlab", "shell", "stripe"), page("/servers?sort=name").select("#servers a.server-id").eachText());
        assertEquals(List.of("shell", "github", "stripe", "gitlab", "broken"), page("/servers?sort=tools").select("#servers a.server-id").eachText());
        Document git = page("/servers?q=GIT");
        assertEquals(List.of("github", "gitlab"), git.select("#servers a.server-id").eachText());
        assertEquals("2 servers matching “GIT”", git.selectFirst("#total").text());
        assertEquals("/servers?sort=name&q=GIT", git.selectFirst("#sort a[data-sort=name]").attr("href"));
        var stripe = page("/servers").select("#servers li").get(1);
        assertEquals(List.of("write: 1", "financial: 1"), stripe.select("svg.mini-bar rect title").eachText());
        assertEquals("⚑ open-world 1", stripe.selectFirst(".flag").text());
    }

    @Test
    void theSearchPageChartsTheWholeCatalogueAndItsRowsShowRenderedText() throws IOException {
        Document landing = page("/");
        var bars = landing.select("#catalogue-chart svg rect");
        assertEquals(5 + 4, bars.size(), "five categories and four severities, each with tools");
        double categoryWidth = 0;
        for (var rect : bars.subList(0, 5)) categoryWidth += Double.parseDouble(rect.attr("width"));
        assertEquals(400, categoryWidth, 0.1, "the category bar spans the chart");
        assertEquals("/?category=read", landing.selectFirst("#catalogue-chart .legend-category a").attr("href"));
        assertNull(page("/?q=issue").selectFirst("#catalogue-chart"), "a search shows its facets, not the whole catalogue");

        Document results = page("/?q=create_issue");
        assertEquals("Create an issue in any repository.", results.selectFirst("#results .snippet").text());
    }

    @Test
    void theServerPageChartsItsToolsAndPreviewsItsPoliciesUnderTheChosenProfile() throws IOException {
        Document github = page("/servers/github?profile=permissive");
        assertEquals("3 tools by category and severity", github.selectFirst("#server-chart figcaption").text());
        assertEquals("/?server=github&category=destructive", github.select("#server-chart .legend-category a").get(3).attr("href"));
        String policy = app.get("/api/v1/servers/github/policy?format=cedar&profile=permissive").body();
        assertEquals(policy, github.selectFirst("#policy-text-cedar").wholeText());
        assertEquals("true", github.selectFirst("#profiles a.current").attr("aria-current"));
        assertEquals("permissive", github.selectFirst("#profiles a.current").text());
        assertNotNull(github.selectFirst("#policy-policylayer[open]"));
        assertNull(github.selectFirst("button.copy[data-src]"), "a preview that is the whole file is copied as it is");
        assertNotNull(github.selectFirst("button.copy[hidden]"), "shown only by the script");
    }

    @Test
    void aToolWithoutFlagsSaysThatNoFlagIsNoProofAndAFlaggedToolListsItsFlagsInstead() throws IOException {
        Document clean = page("/servers/github/tools/delete_repo");
        assertEquals("No flags.", clean.selectFirst("#no-flags-caveat").previousElementSibling().text());
        assertTrue(clean.selectFirst("#no-flags-caveat").text().startsWith("No flag is not proof of a clean definition"));
        Document flagged = page("/servers/stripe/tools/send_receipt");
        assertNull(flagged.selectFirst("#no-flags-caveat"));
        assertEquals("open-world in description: any address — recipients the caller picks",
                flagged.selectFirst("#flags li").text());
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptAndOnlyTheServerPageLoadsIt() throws IOException {
        var answer = app.get("/servers/github");
        assertEquals(Pages.CONTENT_SECURITY_POLICY, answer.header("Content-Security-Policy"));
        assertTrue(answer.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("/pages.js", Jsoup.parse(answer.body()).selectFirst("script").attr("src"));
        assertNull(page("/").selectFirst("script"));
        var script = app.get("/pages.js");
        assertEquals("text/javascript; charset=utf-8", script.header("Content-Type"));
        assertTrue(script.body().contains("button.copy[data-copy]"));
    }

    @Test
    void whileTheFirstRefreshRunsEveryPageShowsItsProgressAndReloadsItself(@TempDir Path empty) throws IOException {
        var view = LiveIndex.open(new CatalogueStore(empty));
        view.status("first refresh running\n7/19 servers crawled (0 failed), 212 tools, 0:31 elapsed, ETA 0:50");
        try (var fresh = new RunningApp(view)) {
            for (String path : List.of("/", "/servers")) {
                Document page = Jsoup.parse(fresh.get(path).body());
                assertEquals("first refresh running", page.selectFirst("#status .message").text(), path);
                assertEquals("7/19 servers crawled (0 failed), 212 tools, 0:31 elapsed, ETA 0:50", page.selectFirst("#progress").text(), path);
                assertEquals("3", page.selectFirst("meta[http-equiv=refresh]").attr("content"), path);
            }
            assertEquals("The catalogue is empty: no refresh has finished yet.", Jsoup.parse(fresh.get("/").body()).selectFirst("#empty").text());
            view.clearStatus();
            assertNull(Jsoup.parse(fresh.get("/").body()).selectFirst("meta[http-equiv=refresh]"), "nothing to wait for");
        }
    }

    /** Hand-written markup in a string: an opening or closing tag, a comment or a doctype. */
    private static final Pattern MARKUP_LITERAL = Pattern.compile("\"[^\"\\n]*<[a-zA-Z/!]");

    @Test
    void pagesAreBuiltOnlyThroughTheDocumentModel() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/toolrisk/pages"))) {
            sources = new ArrayList<>(files.filter(f -> f.toString().endsWith(".java")).toList());
        }
        sources.add(Path.of("src/main/java/io/toolrisk/api/Pages.java"));
        sources.add(Path.of("src/main/java/io/toolrisk/api/SearchApi.java"));
        for (Path source : sources) {
            String name = source.getFileName().toString();
            String code = Files.readString(source);
            boolean mayUseJsoup = name.equals("Tag.java") || name.equals("Page.java");
            if (!mayUseJsoup && code.contains("org.jsoup")) problems.add(name + " uses jsoup directly instead of Tag");
            for (String line : code.lines().toList()) {
                String trimmed = line.strip();
                if (trimmed.startsWith("*") || trimmed.startsWith("//")) continue;
                if (MARKUP_LITERAL.matcher(line).find()) problems.add(name + " writes markup in a string: " + trimmed);
            }
        }
        assertEquals(List.of(), problems);
        assertFalse(sources.isEmpty());
    }
}
