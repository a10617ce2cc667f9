package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.RiskProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hand-written fixture tool (files, git hosting, cloud, databases, payments, crypto, messaging,
 * browsers, Kubernetes, CRM, poisoned and mis-annotated tools) gets the category, flags and actions a person
 * expects, and its evidence quotes exactly the span it names.
 */
class ClassifierFixturesTest {
    private static final Classifier CLASSIFIER = Classifier.bundled();

    static List<Fixtures.Fixture> fixtures() {
        return Fixtures.all();
    }

    @Test
    void fixturesCoverAtLeastSixtyToolsAcrossTheDomains() {
        List<Fixtures.Fixture> all = fixtures();
        assertTrue(all.size() >= 60, "only " + all.size() + " fixtures");
        Set<String> domains = all.stream().map(f -> f.tool().server().orElseThrow()).collect(Collectors.toSet());
        for (String domain : List.of("files", "git", "cloud", "databases", "payments", "crypto", "messaging",
                "browsers", "kubernetes", "crm")) {
            assertTrue(domains.contains("fixture-" + domain), "no fixtures for " + domain);
        }
        Set<Category> categories = all.stream().map(f -> Category.fromWireName(f.expect().path("category").asText()))
                .collect(Collectors.toSet());
        assertEquals(Set.of(Category.values()), categories);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void classifiesAsAPersonWould(Fixtures.Fixture fixture) {
        RiskProfile p = CLASSIFIER.classify(fixture.tool());
        JsonNode expect = fixture.expect();
        assertEquals(expect.path("category").asText(), p.category().wireName(), () -> "evidence " + p.evidence());
        if (expect.has("rule"))
            assertEquals(expect.get("rule").asText(), p.evidence().getFirst().rule(), () -> "evidence " + p.evidence());
        if (expect.has("flags")) {
            Set<String> expected = new TreeSet<>();
            expect.get("flags").forEach(f -> expected.add(f.asText()));
            Set<String> actual = p.flags().stream().map(f -> f.flag().wireName()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, actual, () -> "flags " + p.flags());
        }
        if (expect.has("actions")) {
            Map<String, String> expected = new LinkedHashMap<>();
            expect.get("actions").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
            Map<String, String> actual = new LinkedHashMap<>();
            for (ActionProfile a : p.actions()) actual.put(a.value(), a.category().wireName());
            assertEquals(expected, actual);
        } else {
            assertTrue(p.actions().isEmpty(), () -> "unexpected actions " + p.actions());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyProfileQuotesEvidenceThatIsExactlyInItsField(Fixtures.Fixture fixture) {
        RiskProfile p = CLASSIFIER.classify(fixture.tool());
        assertFalse(p.evidence().isEmpty(), "a profile without evidence");
        for (Evidence e : p.evidence()) {
            String text = Fixtures.fieldText(fixture.tool(), e);
            if (text == null) continue;
            assertTrue(e.end() <= text.length(), () -> "span past the end of " + e.field() + ": " + e);
            assertEquals(text.substring(e.start(), e.end()), e.quote(), () -> "quote mismatch in " + e);
        }
        assertTrue(p.confidence() >= 0 && p.confidence() <= 1);
        assertEquals(CLASSIFIER.rulesetVersion(), p.ruleset());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void nonReadProfilesQuoteEvidenceForTheirOwnCategory(Fixtures.Fixture fixture) {
        RiskProfile p = CLASSIFIER.classify(fixture.tool());
        if (p.category() == Category.READ) return;
        Evidence first = p.evidence().getFirst();
        assertFalse(first.rule().equals(Classifier.NO_CHANGE_FOUND), "non-read without evidence: " + p);
        assertFalse(first.quote().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void flagsCarryAFieldAQuoteAndADetail(Fixtures.Fixture fixture) {
        List<Flag> flags = new ArrayList<>(CLASSIFIER.classify(fixture.tool()).flags());
        for (Flag f : flags) {
            assertNotNull(f.field());
            assertFalse(f.quote().isBlank(), () -> "flag without a quote: " + f);
            assertFalse(f.detail().isBlank(), () -> "flag without a detail: " + f);
        }
    }
}
