package io.toolrisk.annotations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.classifier.Classifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the suggester infers, hint by hint, on tools written here. */
class AnnotationSuggesterTest {
    private static final AnnotationSuggester SUGGESTER = new AnnotationSuggester(Classifier.bundled());

    private static SuggestedAnnotations suggest(String json) throws IOException {
        return SUGGESTER.suggest(ToolJson.read(Json.MAPPER.readTree(json)));
    }

    private static Optional<Boolean> hint(SuggestedAnnotations s, Hint hint) {
        return s.hint(hint).map(HintSuggestion::value);
    }

    @Test
    void readingToolIsReadOnlyAndNothingElseIsClaimed() throws IOException {
        var s = suggest("""
                {"name": "list_issues", "description": "Lists the issues of a repository."}""");
        assertEquals(Optional.of(true), hint(s, Hint.READ_ONLY));
        assertEquals(Optional.empty(), hint(s, Hint.DESTRUCTIVE), "destructiveHint means nothing on a read-only tool");
        assertEquals(Optional.empty(), hint(s, Hint.IDEMPOTENT));
        assertEquals(Optional.empty(), hint(s, Hint.OPEN_WORLD));
        assertFalse(s.contradictsAuthor());
    }

    @Test
    void deletingToolDeclaredReadOnlyContradictsItsAuthorWithTheQuote() throws IOException {
        var s = suggest("""
                {"name": "purge_customer", "description": "Permanently deletes a customer. This cannot be undone.",
                 "annotations": {"readOnlyHint": true}}""");
        assertEquals(List.of(new Contradiction(Hint.READ_ONLY, true, false)), s.contradictions());
        HintSuggestion destructive = s.hint(Hint.DESTRUCTIVE).orElseThrow();
        assertTrue(destructive.value());
        assertTrue(destructive.evidence().stream().anyMatch(e -> e.quote().equals("cannot be undone")), destructive.toString());
    }

    @Test
    void declaredHintsAreNoEvidenceForThemselves() throws IOException {
        String declaredReadOnly = """
                {"name": "sync_widgets", "description": "Synchronises the widgets.", "annotations": {"readOnlyHint": true, "title": "Read widgets"}}""";
        String declaredWrite = """
                {"name": "sync_widgets", "description": "Synchronises the widgets.", "annotations": {"readOnlyHint": false}}""";
        assertEquals(suggest(declaredReadOnly).hints(), suggest(declaredWrite).hints());
        assertEquals(Category.WRITE, suggest(declaredReadOnly).profile().category());
    }

    @ParameterizedTest(name = "{0}: idempotentHint {1}")
    @CsvSource({
            "create_issue, Creates a new issue in a repository., false",
            "add_comment, Adds a comment to an issue., false",
            "set_topic, Sets the topic of a channel., true",
            "archive_project, Archives a project., true",
            "run_workflow, Runs a workflow in CI., false"})
    void idempotentHintWhereTheVerbJustifiesIt(String name, String description, boolean idempotent) throws IOException {
        var s = suggest("{\"name\": \"%s\", \"description\": \"%s\"}".formatted(name, description));
        assertEquals(Optional.of(idempotent), hint(s, Hint.IDEMPOTENT), s.hints().toString());
    }

    @Test
    void updateAndDeleteLeaveIdempotencyUnsaid() throws IOException {
        assertEquals(Optional.empty(), hint(suggest("""
                {"name": "update_issue", "description": "Updates an issue."}"""), Hint.IDEMPOTENT));
        assertEquals(Optional.empty(), hint(suggest("""
                {"name": "delete_issue", "description": "Deletes an issue."}"""), Hint.IDEMPOTENT));
    }

    @Test
    void movingMoneyIsNotDestructiveNorIdempotent() throws IOException {
        var s = suggest("""
                {"name": "create_refund", "description": "Refunds a captured payment to the customer's card."}""");
        assertEquals(Category.FINANCIAL, s.profile().category());
        assertEquals(Optional.of(false), hint(s, Hint.DESTRUCTIVE));
        assertEquals(Optional.of(false), hint(s, Hint.IDEMPOTENT));
    }

    @Test
    void destructiveActionMakesAMultiActionToolDestructive() throws IOException {
        var s = suggest("""
                {"name": "manage_issue", "description": "Get, update or delete an issue.",
                 "inputSchema": {"type": "object", "properties": {"action": {"type": "string", "enum": ["get", "update", "delete"]}}}}""");
        HintSuggestion destructive = s.hint(Hint.DESTRUCTIVE).orElseThrow();
        assertTrue(destructive.value());
        assertEquals(Optional.of(false), hint(s, Hint.READ_ONLY));
    }

    @Test
    void sendingEmailReachesAnOpenWorld() throws IOException {
        var s = suggest("""
                {"name": "send_email", "description": "Sends an email to any address."}""");
        HintSuggestion openWorld = s.hint(Hint.OPEN_WORLD).orElseThrow();
        assertTrue(openWorld.value());
        assertFalse(openWorld.flags().isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "list_pull_requests, List pull requests",
            "listPullRequests, List pull requests",
            "list-pull-requests, List pull requests",
            "get_API_key, Get API key",
            "HTTPServerDelete, HTTP server delete"})
    void titleFromNameReadsAsASentence(String name, String title) {
        assertEquals(title, TitleFromName.of(name));
    }

    @Test
    void ownTitleIsKept() throws IOException {
        var s = suggest("""
                {"name": "gh_ls", "title": "List repositories", "description": "Lists repositories."}""");
        assertEquals("List repositories", s.title());
        assertFalse(s.titleFromName());
    }

    @Test
    void jsonHoldsAnnotationsToPasteAndWhy() throws IOException {
        var s = suggest("""
                {"name": "delete_repo", "description": "Deletes a repository. This cannot be undone.", "annotations": {"readOnlyHint": true}}""");
        var out = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            SuggestedAnnotationsJson.write(json, s);
        }
        var node = Json.MAPPER.readTree(out.toString());
        assertEquals("""
                {"title":"Delete repo","readOnlyHint":false,"destructiveHint":true}""", node.path("annotations").toString());
        assertEquals("""
                {"readOnlyHint":true}""", node.path("declared").toString());
        assertEquals("""
                [{"hint":"readOnlyHint","declared":true,"suggested":false}]""", node.path("contradicts").toString());
        assertEquals("made from the name: the tool has no title", node.path("why").path("title").path("reason").asText());
        assertEquals("cannot be undone", node.path("why").path("destructiveHint").path("evidence").get(0).path("quote").asText());
    }

    @Test
    void suggestedAnnotationsNeedATitle() {
        Tool tool = Tool.of("x", "");
        var profile = Classifier.bundled().classify(tool);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SuggestedAnnotations(tool, " ", true, List.of(), List.of(), profile));
        assertEquals("suggested annotations need a title (tool 'x')", e.getMessage());
    }
}
