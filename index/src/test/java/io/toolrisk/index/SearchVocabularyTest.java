package io.toolrisk.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.ToolAnnotations;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.toolrisk.testing.TestCatalogue.definition;
import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search as people type it: the words of the MCP vocabulary find their synonyms, the words said together rank first,
 * servers are found by the start of their key, facets keep their siblings' counts, results name their flags. The
 * catalogue is a small copy of the default one's hard cases (Twilio's "Send a message", Hostinger's contacts and
 * campaigns that mention sending and email but send nothing).
 */
class SearchVocabularyTest {
    @TempDir
    static Path dir;
    static ToolSearcher searcher;

    @BeforeAll
    static void buildIndex() throws IOException {
        var catalogue = new TestCatalogue()
                .crawled("twilio",
                        tool("twilio", "TwilioApiV2010--CreateMessage",
                                "Twilio - Api: This is the public Twilio REST API. Send a message (Uses default AccountSid).", Category.WRITE,
                                new Flag(FlagKind.OPEN_WORLD, "description", "Send a message", "sends a message"),
                                new Flag(FlagKind.OPEN_WORLD, "name", "Message", "a message")),
                        tool("twilio", "TwilioApiV2010--ListMessage",
                                "Twilio - Api: This is the public Twilio REST API. Retrieve a list of Message resources.", Category.READ))
                .crawled("hostinger",
                        tool(definition("hostinger", "reach_updateAContactV1", null,
                                "Update a contact's attributes and custom field values. Sending a property as `null` clears it.",
                                "{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"}}}",
                                ToolAnnotations.NONE), Category.WRITE),
                        tool("hostinger", "reach_listCampaignsV1", "Get a paginated list of the campaigns in a profile. Filter by "
                                + "status to find drafts, scheduled, sending or sent campaigns. Pass type to get the emails sent by "
                                + "automations instead.", Category.READ),
                        tool("hostinger", "domains_purchaseNewDomainV1", "Purchase and register a new domain name.", Category.FINANCIAL),
                        tool("hostinger", "billing_createChargeV1", "Create a charge on the default card.", Category.FINANCIAL))
                .crawled("github-archived",
                        tool("github-archived", "create_repository", "Create a new GitHub repository in your account.", Category.WRITE),
                        tool("github-archived", "remove_repository", "Removes a repository. This cannot be undone.", Category.DESTRUCTIVE),
                        tool("github-archived", "create_issue", "Create a new issue.", Category.WRITE),
                        tool("github-archived", "list_issues", "List issues.", Category.READ),
                        tool("github-archived", "close_issue", "Close and lock an issue for good.", Category.DESTRUCTIVE))
                .crawled("git-cyanheads",
                        tool("git-cyanheads", "git_clean", "Remove untracked files from the working tree.", Category.DESTRUCTIVE),
                        tool("git-cyanheads", "delete_file", "Deletes a file of the working tree.", Category.DESTRUCTIVE),
                        tool("git-cyanheads", "remove_file", "Removes a file of the working tree.", Category.DESTRUCTIVE))
                .crawled("gitlab-archived", tool("gitlab-archived", "create_issue", "Create a new issue.", Category.WRITE))
                .crawled("gitlab-zereight", tool("gitlab-zereight", "list_projects", "List projects.", Category.READ))
                .crawled("digital-ocean", tool("digital-ocean", "list_droplets", "List droplets.", Category.READ))
                .crawled("git", tool("git", "git_status", "Show the working tree status.", Category.READ));
        var store = new CatalogueStore(dir);
        String snapshot = catalogue.writeAndIndex(store, Instant.parse("2026-12-04T10:00:00Z"));
        searcher = ToolSearcher.open(store.indexDir(snapshot));
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    private static List<String> search(String text) throws IOException {
        return ToolSearcherTest.ids(searcher.search(ToolQuery.text(text)));
    }

    private static List<String> servers(String text) throws IOException {
        List<String> ids = new ArrayList<>();
        for (byte[] item : searcher.servers(text, 1, 20).items()) ids.add(Json.MAPPER.readTree(item).path("id").asText());
        return ids;
    }

    @Test
    void sendEmailFindsTheToolThatSendsAMessageFirst() throws IOException {
        List<String> hits = search("send email");
        assertEquals("twilio/TwilioApiV2010--CreateMessage", hits.getFirst(), hits.toString());
        assertEquals("twilio/TwilioApiV2010--CreateMessage", search("send sms").getFirst());
    }

    @Test
    void wordsSaidTogetherOutrankWordsScatteredOverATool() throws IOException {
        List<String> hits = search("send email");
        int sender = hits.indexOf("twilio/TwilioApiV2010--CreateMessage");
        assertTrue(sender < hits.indexOf("hostinger/reach_updateAContactV1"), hits.toString());
        assertTrue(sender < hits.indexOf("hostinger/reach_listCampaignsV1"), hits.toString());
    }

    @Test
    void wordsOfTheVocabularyFindTheirSynonyms() throws IOException {
        assertEquals("github-archived/remove_repository", search("delete repo").getFirst());
        assertEquals(List.of("hostinger/billing_createChargeV1"), search("pay"));
        assertEquals(List.of("hostinger/domains_purchaseNewDomainV1"), search("buy domain"));
        assertTrue(search("repository").contains("github-archived/create_repository"));
        assertTrue(search("repo").contains("github-archived/create_repository"));
    }

    @Test
    void theWordTypedOutranksItsSynonym() throws IOException {
        assertEquals("git-cyanheads/delete_file", search("delete file").getFirst());
        assertEquals("git-cyanheads/remove_file", search("remove files").getFirst());
        assertEquals(Set.of("git-cyanheads/delete_file", "git-cyanheads/remove_file", "git-cyanheads/git_clean"),
                Set.copyOf(search("delete file")));
    }

    @Test
    void aMessageIsNotAFilesText() throws IOException {
        // "text" finds messages; a message does not find a file's text.
        assertTrue(search("text").contains("twilio/TwilioApiV2010--CreateMessage"));
        assertFalse(search("message").contains("git-cyanheads/delete_file"));
    }

    @Test
    void serversAreFoundByTheStartOfTheirKeyAndByAWordInside() throws IOException {
        List<String> git = servers("git");
        assertEquals("git", git.getFirst(), "the server whose key is the word comes first");
        assertEquals(Set.of("git", "git-cyanheads", "github-archived", "gitlab-archived", "gitlab-zereight"), Set.copyOf(git));
        assertEquals(Set.of("github-archived", "gitlab-archived"), Set.copyOf(servers("archived")));
        assertEquals(List.of("gitlab-zereight"), servers("zer"));
        assertEquals(Set.of("git", "git-cyanheads", "gitlab-zereight"), Set.copyOf(servers("git -archived")));
        assertEquals(List.of("digital-ocean"), servers("DIGITAL"));
    }

    @Test
    void aFacetCountsAsIfItsOwnFilterWereNotSet() throws IOException {
        ToolQuery issues = ToolQuery.text("issue").withCategories(Set.of(Category.WRITE));
        ToolHits hits = searcher.search(issues);
        assertEquals(2, hits.total(), "the two create_issue tools");
        assertEquals(Map.of(Category.READ, 1L, Category.WRITE, 2L, Category.EXECUTE, 0L, Category.DESTRUCTIVE, 1L,
                Category.FINANCIAL, 0L), hits.categories(), "the other categories keep their counts");
        assertEquals(Map.of(Severity.LOW, 0L, Severity.MEDIUM, 2L, Severity.HIGH, 0L, Severity.CRITICAL, 0L), hits.severities(),
                "the severity facet applies the category filter");

        ToolHits critical = searcher.search(ToolQuery.text("issue").withSeverities(Set.of(Severity.CRITICAL)));
        assertEquals(1, critical.total());
        assertEquals(Map.of(Severity.LOW, 1L, Severity.MEDIUM, 2L, Severity.HIGH, 0L, Severity.CRITICAL, 1L), critical.severities());
        assertEquals(0L, critical.categories().get(Category.READ), "the category facet applies the severity filter");
        assertEquals(1L, critical.categories().get(Category.DESTRUCTIVE));
    }

    @Test
    void resultItemsNameTheirFlagsOnceEach() throws IOException {
        ToolHits hits = searcher.search(ToolQuery.text("TwilioApiV2010--CreateMessage"));
        JsonNode item = Json.MAPPER.readTree(hits.items().getFirst());
        assertEquals("[\"open-world\"]", item.path("flagNames").toString());
        JsonNode plain = Json.MAPPER.readTree(searcher.search(ToolQuery.text("list_droplets")).items().getFirst());
        assertEquals("[]", plain.path("flagNames").toString());
    }
}
