package io.toolrisk.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the SARIF output to what the SARIF 2.1.0 schema requires: {@code version} and {@code runs} at the top;
 * {@code tool.driver.name} in each run; {@code message} (with {@code text}) in each result; rule ids and levels
 * that the schema's enums and the run's own rules allow; locations with valid shapes.
 */
class SarifScanReportTest {
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    static ScanReport report() {
        var delete = new ScannedTool(Tool.of("delete_repo", "Deletes a repository. This cannot be undone."),
                new RiskProfile(Optional.of("acme"), "delete_repo", Category.DESTRUCTIVE, 0.97,
                        List.of(new Evidence("description", "cannot be undone", 27, 43, "irreversible-phrase")),
                        List.of(new Flag(FlagKind.ANNOTATION_CONFLICT, "annotations/readOnlyHint", "true",
                                "readOnlyHint is true, but the tool deletes")),
                        List.of(), "test"), OptionalLong.of(3));
        var read = new ScannedTool(Tool.of("get_repo", "Gets a repository."),
                new RiskProfile(Optional.of("acme"), "get_repo", Category.READ, 0.9, List.of(), List.of(), List.of(), "test"),
                OptionalLong.of(1));
        return new ScanReport("acme", Optional.of(new ArtifactLocation("tools.jsonl", OptionalLong.empty(), true)), "test",
                List.of(read, delete), List.of());
    }

    static JsonNode sarif(ScanReport report) throws Exception {
        var out = new java.io.StringWriter();
        Scan.write(report, Scan.Format.SARIF, out);
        return Json.MAPPER.readTree(out.toString());
    }

    @Test
    void topLevelHasTheRequiredVersionSchemaAndRuns() throws Exception {
        JsonNode sarif = sarif(report());
        assertEquals("2.1.0", sarif.path("version").asText());
        assertTrue(sarif.path("$schema").asText().endsWith("sarif-schema-2.1.0.json"));
        assertEquals(1, sarif.path("runs").size());
        assertFalse(sarif.path("runs").get(0).path("tool").path("driver").path("name").asText().isEmpty());
    }

    @Test
    void oneRulePerCategoryAndPerFlagKind() throws Exception {
        JsonNode rules = sarif(report()).path("runs").get(0).path("tool").path("driver").path("rules");
        assertEquals(Category.values().length + FlagKind.values().length, rules.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            assertTrue(ids.add(rule.path("id").asText()), "rule ids are unique");
            assertFalse(rule.path("shortDescription").path("text").asText().isEmpty());
            assertTrue(LEVELS.contains(rule.path("defaultConfiguration").path("level").asText()));
        }
        assertTrue(ids.containsAll(Set.of("category/destructive", "flag/annotation-conflict")));
    }

    @Test
    void everyResultHasAMessageAKnownRuleAValidLevelAndTheToolAsLocation() throws Exception {
        JsonNode run = sarif(report()).path("runs").get(0);
        Set<String> ruleIds = new HashSet<>();
        run.path("tool").path("driver").path("rules").forEach(r -> ruleIds.add(r.path("id").asText()));
        JsonNode results = run.path("results");
        assertEquals(3, results.size(), "destructive + its conflict flag + the read tool");
        for (JsonNode result : results) {
            assertFalse(result.path("message").path("text").asText().isEmpty());
            assertTrue(ruleIds.contains(result.path("ruleId").asText()), result.path("ruleId").asText());
            assertTrue(LEVELS.contains(result.path("level").asText()));
            JsonNode location = result.path("locations").get(0);
            assertEquals("tools.jsonl", location.path("physicalLocation").path("artifactLocation").path("uri").asText());
            assertTrue(location.path("physicalLocation").path("region").path("startLine").asInt() >= 1);
            assertEquals("function", location.path("logicalLocations").get(0).path("kind").asText());
        }
        JsonNode first = results.get(0);
        assertEquals("category/destructive", first.path("ruleId").asText(), "conflicts first, then most severe");
        assertEquals("error", first.path("level").asText());
        assertEquals("acme/delete_repo", first.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName").asText());
        assertEquals(3, first.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
    }

    @Test
    void failOnSelectsTheOffendingTools() {
        ScanReport report = report();
        assertEquals(List.of("delete_repo"), FailOn.CRITICAL.offenders(report.tools()).stream().map(t -> t.tool().name()).toList());
        assertEquals(List.of("delete_repo"), FailOn.CONFLICT.offenders(report.tools()).stream().map(t -> t.tool().name()).toList());
        assertEquals(1, FailOn.FLAG.offenders(report.tools()).size());
    }

    @Test
    void textReportPutsConflictsFirstAndKeepsControlCharactersOut() throws Exception {
        var out = new java.io.StringWriter();
        Scan.write(report(), Scan.Format.TEXT, out);
        String text = out.toString();
        assertTrue(text.startsWith("ToolRisk scan of acme: 2 tools (ruleset test)"), text);
        assertTrue(text.indexOf("Annotation conflicts") < text.indexOf("TOOL "), text);
        assertTrue(text.contains("Summary: 2 tools (1 read, 1 destructive); flags: 1 annotation-conflict"), text);
        assertEquals("a b", TextScanReport.oneLine("a\u001b[2Jb".replace("[2J", "")));
    }
}
