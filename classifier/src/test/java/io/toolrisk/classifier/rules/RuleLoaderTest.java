package io.toolrisk.classifier.rules;

import io.toolrisk.catalogue.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleLoaderTest {
    @TempDir
    Path dir;

    private String error(String json) throws IOException {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, json);
        return assertThrows(IllegalArgumentException.class, () -> RuleLoader.readRuleSet(file)).getMessage()
                .replace(file.toString(), "FILE");
    }

    private static String rule(String body) {
        return "{\"version\":\"x-1\",\"rules\":[{\"id\":\"r\",\"fields\":[\"name\"],\"terms\":[\"zap\"],"
                + "\"weight\":1,\"explain\":\"e\"" + body + "}]}";
    }

    @Test
    void theBundledRulesetLoadsWithItsVersion() {
        RuleSet bundled = RuleLoader.bundled();
        assertEquals("2026.12.7", bundled.version());
        assertTrue(bundled.rules().size() > 20);
    }

    @Test
    void mistakesNameTheFileTheRuleAndWhatWasWrong() throws IOException {
        assertEquals("rules file 'FILE', rule 1 ('r'): needs exactly one of \"category\", \"flag\" and \"cue\"", error(rule("")));
        assertEquals("rules file 'FILE', rule 1 ('r'): unknown category 'danger' (expected read, write, execute, destructive or financial)",
                error(rule(",\"category\":\"danger\"")));
        assertEquals("rules file 'FILE', rule 1 ('r'): unknown key 'wieght' (expected one of anyPosition, category, context, "
                + "cue, explain, fields, flag, hints, id, literals, notObjects, objects, scope, terms, weight)",
                error(rule(",\"category\":\"read\",\"wieght\":2")));
        assertEquals("rules file 'FILE', rule 1 ('r'): rule 'r': notObject 'sort order' must be two words, one of them one of "
                + "the rule's objects", error(rule(",\"category\":\"financial\",\"objects\":[\"payment\"],\"notObjects\":[\"sort order\"]")));
        assertEquals("rules file 'FILE', rule 1 ('r'): rule 'r' has notObjects but no objects",
                error(rule(",\"category\":\"financial\",\"notObjects\":[\"sort order\"]")));
        assertEquals("rules file 'FILE', rule 1 ('r'): rule 'r' has weight 0.0, expected more than 0 and at most 10.0",
                error(rule(",\"category\":\"read\"").replace("\"weight\":1", "\"weight\":0")));
        assertEquals("rules file 'FILE', rule 1 ('r'): rule 'r': term 'zap_it' must be lower-case words (letters, digits, "
                + "apostrophes) separated by single spaces", error(rule(",\"category\":\"read\"").replace("\"zap\"", "\"Zap_It\"")));
        assertEquals("rules file 'FILE', rule 1 ('r'): rule 'r': only cue rules read the field 'value'",
                error(rule(",\"category\":\"read\"").replace("[\"name\"]", "[\"value\"]")));
        assertEquals("rules file 'FILE', rule 1 ('r'): rule 'r': cues are read only in text fields, got 'name'",
                error(rule(",\"cue\":\"secret\"")));
        assertTrue(error("{\"version\":").startsWith("'FILE': not valid JSON: Unexpected end-of-input"));
    }

    @Test
    void aRuleWithAnExistingIdReplacesIt() {
        RuleSet base = RuleLoader.bundled();
        Rule replacement = new Rule("delete-verb", java.util.Set.of(Field.NAME), new Rule.Target.Vote(Category.WRITE),
                java.util.List.of("delete"), null, null, null, null, null, false, false, 1, "soft deletes only");
        RuleSet extended = base.extendedWith(new RuleSet("soft-1", java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(replacement)));
        assertEquals(base.rules().size(), extended.rules().size());
        assertEquals("2026.12.7+soft-1", extended.version());
        assertTrue(extended.rules().contains(replacement));
    }

    @Test
    void overridesAreReadAndLookedUpByServerThenByTool() throws IOException {
        Path file = dir.resolve("overrides.json");
        Files.writeString(file, """
                {"overrides":[{"server":"acme","tool":"purge","category":"write","reason":"cache only"},
                              {"tool":"purge","category":"destructive","reason":"everywhere else"}]}""");
        Overrides o = RuleLoader.readOverrides(file);
        assertEquals("cache only", o.find(Optional.of("acme"), "purge").orElseThrow().reason());
        assertEquals("everywhere else", o.find(Optional.of("other"), "purge").orElseThrow().reason());
        assertTrue(o.find(Optional.empty(), "other").isEmpty());
        Files.writeString(file, "{\"overrides\":[{\"tool\":\"purge\",\"category\":\"write\"}]}");
        assertEquals("overrides file '" + file + "', override 1: \"reason\" must be a non-empty string",
                assertThrows(IllegalArgumentException.class, () -> RuleLoader.readOverrides(file)).getMessage());
    }
}
