package io.toolrisk.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolSearcherTest {
    @TempDir
    static Path dir;
    static CatalogueStore store;
    static String snapshot;
    static ToolSearcher searcher;

    @BeforeAll
    static void buildIndex() throws IOException {
        store = new CatalogueStore(dir);
        var catalogue = new TestCatalogue()
                .crawled("github",
                        tool("github", "delete_repo", "Deletes a repository. This cannot be undone.", Category.DESTRUCTIVE),
                        tool("github", "create_issue", "Create a new issue in a repository.", Category.WRITE),
                        tool("github", "list_issues", "List issues; use create_issue to add one.", Category.READ),
                        tool("github", "manage_issue", "Get, update or delete an issue.", Category.DESTRUCTIVE,
                                new ActionProfile("action", "get", Category.READ),
                                new ActionProfile("action", "delete", Category.DESTRUCTIVE)),
                        tool("github", "getRepoContents", "Read file contents of a repo.", Category.READ,
                                new Flag(FlagKind.CREDENTIAL_ACCESS, "description", "contents", "reads files")))
                .crawled("stripe",
                        tool("stripe", "create_refund", "Refund a payment to a customer.", Category.FINANCIAL),
                        tool("stripe", "deleteRepo", "Removes a stored repo of payment methods.", Category.DESTRUCTIVE,
                                new Flag(FlagKind.HIDDEN_INSTRUCTIONS, "description", "stored", "hidden")))
                .crawled("shell",
                        tool("shell", "run_command", "Execute a shell command on the host.", Category.EXECUTE))
                .failed("broken", "launch", "npx exited with status 1");
        snapshot = catalogue.writeAndIndex(store, Instant.parse("2026-11-25T13:00:00Z"));
        searcher = ToolSearcher.open(store.indexDir(snapshot));
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    /** {@code server/tool} of each hit of the page, in order. */
    static List<String> ids(ToolHits hits) throws IOException {
        List<String> ids = new ArrayList<>();
        for (byte[] item : hits.items()) {
            JsonNode node = Json.MAPPER.readTree(item);
            ids.add(node.path("server").asText() + "/" + node.path("tool").asText());
        }
        return ids;
    }

    private static ToolHits search(ToolQuery query) throws IOException {
        return searcher.search(query);
    }

    @Test
    void snakeCaseCamelCaseAndWordsAllFindTheSameName() throws IOException {
        for (String q : List.of("delete_repo", "deleteRepo", "delete repo", "DELETE-REPO", "delete repos")) {
            List<String> ids = ids(search(ToolQuery.text(q)));
            assertTrue(ids.containsAll(List.of("github/delete_repo", "stripe/deleteRepo")), q + " → " + ids);
        }
    }

    @Test
    void exactNameRanksFirst() throws IOException {
        assertEquals("github/create_issue", ids(search(ToolQuery.text("create_issue"))).getFirst());
        assertEquals("stripe/deleteRepo", ids(search(ToolQuery.text("deleteRepo"))).getFirst());
    }

    @Test
    void descriptionsAreSearchedWithEnglishStemming() throws IOException {
        assertEquals(List.of("stripe/create_refund"), ids(search(ToolQuery.text("refunds payments"))));
        assertEquals(List.of("shell/run_command"), ids(search(ToolQuery.text("executing commands"))));
    }

    @Test
    void blankTextListsAllToolsMostSevereFirst() throws IOException {
        ToolHits hits = search(ToolQuery.text("").withPage(1, 100));
        assertEquals(8, hits.total());
        List<String> ids = ids(hits);
        assertEquals("stripe/create_refund", ids.getFirst());
        assertEquals(List.of("github/getRepoContents", "github/list_issues"), ids.subList(6, 8));
    }

    @Test
    void valuesOfOneFilterAreOredAndFiltersAreAnded() throws IOException {
        ToolQuery q = ToolQuery.text("").withCategories(Set.of(Category.READ, Category.FINANCIAL));
        assertEquals(Set.of("github/list_issues", "github/getRepoContents", "stripe/create_refund"), Set.copyOf(ids(search(q))));
        assertEquals(List.of("stripe/create_refund"), ids(search(q.withServers(Set.of("stripe")))));
        assertEquals(List.of("github/getRepoContents"), ids(search(q.withFlags(Set.of(FlagKind.CREDENTIAL_ACCESS)))));
        assertEquals(Set.of("github/delete_repo", "github/manage_issue", "stripe/deleteRepo", "stripe/create_refund"),
                Set.copyOf(ids(search(ToolQuery.text("").withSeverities(Set.of(Severity.CRITICAL))))));
    }

    @Test
    void facetsCountEveryHitOfTheQueryPerCategoryAndSeverity() throws IOException {
        // "repo" also finds "repository" (create_issue's description)
        ToolHits hits = search(ToolQuery.text("repo").withPage(1, 1));
        assertEquals(4, hits.total(), ids(search(ToolQuery.text("repo"))).toString());
        assertEquals(1, hits.items().size());
        assertEquals(2L, hits.categories().get(Category.DESTRUCTIVE));
        assertEquals(1L, hits.categories().get(Category.READ));
        assertEquals(1L, hits.categories().get(Category.WRITE));
        assertEquals(0L, hits.categories().get(Category.EXECUTE));
        assertEquals(2L, hits.severities().get(Severity.CRITICAL));
        assertEquals(1L, hits.severities().get(Severity.LOW));
    }

    @Test
    void severityOrderPutsCriticalFirstThenRelevance() throws IOException {
        List<String> ids = ids(search(ToolQuery.text("issue").withOrder(ToolQuery.Order.SEVERITY)));
        assertEquals("github/manage_issue", ids.getFirst());
        assertEquals(Set.of("github/create_issue", "github/list_issues", "github/manage_issue"), Set.copyOf(ids));
        assertEquals("github/list_issues", ids.getLast());
    }

    @Test
    void cursorPagingVisitsEveryHitOnceInTheOrderOfPages() throws IOException {
        for (ToolQuery.Order order : ToolQuery.Order.values()) {
            ToolQuery first = ToolQuery.text("").withOrder(order).withPage(1, 3);
            List<String> byCursor = new ArrayList<>();
            ToolHits page = search(first);
            byCursor.addAll(ids(page));
            while (page.next().isPresent()) {
                page = search(first.after(SearchCursor.decode(page.next().get().encode())));
                byCursor.addAll(ids(page));
            }
            List<String> byPage = ids(search(ToolQuery.text("").withOrder(order).withPage(1, 100)));
            assertEquals(byPage, byCursor, order.name());
            assertEquals(8, new HashSet<>(byCursor).size());
        }
    }

    @Test
    void pageNumbersSkipEarlierHitsAndLastPageHasNoCursor() throws IOException {
        ToolHits second = search(ToolQuery.text("").withPage(2, 5));
        assertEquals(3, second.items().size());
        assertTrue(second.next().isEmpty());
        assertTrue(search(ToolQuery.text("").withPage(1, 5)).next().isPresent());
    }

    @Test
    void anyTextIsSearchableWithoutError() {
        List<String> hostile = List.of("\"unbalanced", "(((", ")", "a AND OR NOT", "-", "--x", "+", "*", "**", "\\",
                "foo~2", "title:x", "[1 TO 5]", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000\u202e", "😀",
                "删除仓库", "-delete", "| |", "x".repeat(1000), "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(19));
        for (String q : hostile) assertDoesNotThrow(() -> search(ToolQuery.text(q)), q);
    }

    @Test
    void textNeedingTooManyClausesIsRefusedWithItsWordCount() {
        var words = new StringBuilder();
        for (int i = 0; i < 200; i++) words.append('w').append(i).append(' ');
        var e = assertThrows(IllegalArgumentException.class, () -> search(ToolQuery.text(words.toString())));
        assertEquals("q has too many words to search at once (200); it needs more than 1,024 clauses", e.getMessage());
    }

    @Test
    void negativeOnlyQueryMeansEverythingBut() throws IOException {
        List<String> ids = ids(search(ToolQuery.text("-repo").withPage(1, 100)));
        assertEquals(4, ids.size(), ids.toString());
        assertFalse(ids.contains("github/delete_repo"));
        assertFalse(ids.contains("github/create_issue"), "its synonym 'repository' is excluded too");
    }

    @Test
    void overlongTextIsRefusedWithItsLength() {
        var e = assertThrows(IllegalArgumentException.class, () -> ToolQuery.text("x".repeat(1001)));
        assertEquals("q is 1001 characters long; at most 1000 are searched", e.getMessage());
    }

    @Test
    void findsOneToolWithItsDefinitionAndProfile() throws IOException {
        IndexedTool tool = searcher.findTool("github", "manage_issue").orElseThrow();
        assertEquals(Category.DESTRUCTIVE, tool.profile().category());
        assertEquals(2, tool.profile().actions().size());
        assertEquals("Get, update or delete an issue.", tool.tool().description());
        assertEquals("github", tool.item().path("server").asText());
        assertTrue(searcher.findTool("github", "nope").isEmpty());
        assertTrue(searcher.findTool("nope", "manage_issue").isEmpty());
    }

    @Test
    void serverToolsListsEveryToolOfAServerAsLargeAsACrawlAllows(@TempDir Path other) throws IOException {
        var tools = new io.toolrisk.catalogue.CataloguedTool[6_000];
        for (int i = 0; i < tools.length; i++) {
            tools[i] = i < 5_500 ? tool("big", "delete_%05d".formatted(i), "Deletes a thing.", Category.DESTRUCTIVE)
                    : tool("big", "list_%05d".formatted(i), "Lists things.", Category.READ);
        }
        var bigStore = new CatalogueStore(other);
        String id = new TestCatalogue().crawled("big", tools).writeAndIndex(bigStore, Instant.parse("2026-11-25T13:00:00Z"));
        try (ToolSearcher big = ToolSearcher.open(bigStore.indexDir(id))) {
            List<IndexedTool> all = big.serverTools("big");
            assertEquals(6_000, all.size());
            assertEquals("list_05999", all.getLast().tool().name());
        }
    }

    @Test
    void serverToolsAreMostSevereFirst() throws IOException {
        List<String> names = searcher.serverTools("github").stream().map(t -> t.tool().name()).toList();
        assertEquals(List.of("delete_repo", "manage_issue", "create_issue", "getRepoContents", "list_issues"), names);
    }

    @Test
    void serverSummariesComeFromTheIndexIncludingFailedServers() throws IOException {
        JsonNode github = Json.MAPPER.readTree(searcher.findServer("github").orElseThrow());
        assertEquals("crawled", github.path("status").asText());
        assertEquals(5, github.path("tools").asInt());
        assertEquals(2, github.path("categories").path("destructive").asInt());
        assertEquals(2, github.path("severities").path("critical").asInt());
        assertEquals(1, github.path("flags").path("credential-access").asInt());
        assertEquals("github-mcp", github.path("server").path("name").asText());
        JsonNode broken = Json.MAPPER.readTree(searcher.findServer("broken").orElseThrow());
        assertEquals("failed", broken.path("status").asText());
        assertEquals("launch", broken.path("stage").asText());
        assertEquals("npx exited with status 1", broken.path("reason").asText());
        assertEquals(4, searcher.servers("", 1, 10).total());
        assertEquals(1, searcher.servers("stripe", 1, 10).total());
        assertEquals(Optional.empty(), searcher.findServer("nope"));
    }

    @Test
    void serverSummariesListsEveryServerByKeyHoweverMany(@TempDir Path other) throws IOException {
        List<String> keys = new ArrayList<>();
        for (JsonNode summary : summaries(searcher)) keys.add(summary.path("id").asText());
        assertEquals(List.of("broken", "github", "shell", "stripe"), keys);

        var many = new TestCatalogue();
        for (int i = 0; i < 250; i++) many.crawled("s%03d".formatted(249 - i), tool("s%03d".formatted(249 - i), "ping", "Pings.", Category.READ));
        var otherStore = new CatalogueStore(other);
        try (var all = ToolSearcher.open(otherStore.indexDir(many.writeAndIndex(otherStore, Instant.parse("2026-11-25T13:00:00Z"))))) {
            List<JsonNode> summaries = summaries(all);
            assertEquals(250, summaries.size());
            assertEquals("s000", summaries.getFirst().path("id").asText());
            assertEquals("s249", summaries.getLast().path("id").asText());
        }
    }

    private static List<JsonNode> summaries(ToolSearcher searcher) throws IOException {
        List<JsonNode> summaries = new ArrayList<>();
        for (byte[] summary : searcher.serverSummaries()) summaries.add(Json.MAPPER.readTree(summary));
        return summaries;
    }

    @Test
    void statsAndInfoDescribeTheSnapshot() {
        assertEquals(snapshot, searcher.info().snapshot());
        assertEquals(TestCatalogue.RULESET, searcher.info().ruleset());
        assertEquals(8, searcher.info().tools());
        assertEquals(4, searcher.info().servers());
        assertEquals(2L, searcher.stats().categories().get(Category.READ));
        assertEquals(4L, searcher.stats().severities().get(Severity.CRITICAL));
        assertEquals(1L, searcher.stats().flags().get(FlagKind.HIDDEN_INSTRUCTIONS));
        assertEquals(1L, searcher.stats().serverStatuses().get("failed"));
    }

    @Test
    void buildLeavesOnlyTheFinishedIndexInPlace() throws IOException {
        try (var entries = Files.list(dir.resolve("index"))) {
            assertEquals(List.of(snapshot), entries.map(p -> p.getFileName().toString()).toList());
        }
    }
}
