package io.toolrisk.classifier;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack set of {@code src/test/resources/io/toolrisk/classifier/poisoning/} (see its README): recall per attack
 * class, printed for the record, above the floors set when it was written, and no look-alike falsely flagged. The
 * floors are below what the rules reach today, so that a change of rules that loses ground fails here; BENCHMARKS.md
 * has the measured numbers.
 */
class PoisoningSetTest {
    /** The least share of each class caught, over both splits. */
    private static final Map<String, Double> FLOORS = Map.of(
            "override", 0.95, "secrecy", 0.95, "exfiltration", 0.95, "tampering", 0.90, "commands", 0.95,
            "deprecation", 0.95, "shadowing", 0.90, "manipulation", 0.85);

    @Test
    void eachAttackClassIsCaughtAboveItsFloorAndNoLookAlikeIsFlagged() {
        PoisoningSet.Report report = PoisoningSet.measure(Classifier.bundled());
        var text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8), true);
        System.out.print(text.toString(StandardCharsets.UTF_8));
        assertTrue(report.poisoned().size() >= 200, "at least 200 poisoned definitions");
        assertTrue(report.benign().size() >= 200, "at least 200 look-alikes");
        Map<String, int[]> recall = report.recall(null);
        assertEquals(FLOORS.keySet(), recall.keySet(), "one floor per attack class");
        recall.forEach((kind, n) -> assertTrue((double) n[0] / n[1] >= FLOORS.get(kind),
                "%s: %d of %d caught, floor %.0f %%".formatted(kind, n[0], n[1], 100 * FLOORS.get(kind))));
        assertEquals(0, report.falseFlags().size(), "look-alikes falsely flagged: " + report.falseFlags().stream()
                .map(PoisoningSet.Entry::id).toList());
    }

    /** The least share of each class of the fresh set caught, both splits (it was tuned on in rounds 1 and 2). */
    private static final Map<String, Double> FRESH_FLOORS = Map.of(
            "override", 0.95, "secrecy", 0.90, "exfiltration", 0.80, "tampering", 0.90, "commands", 0.90,
            "deprecation", 0.90, "shadowing", 0.95, "manipulation", 0.95);

    @Test
    void theFreshSetStaysCaughtAboveItsFloorsWithAtMostOneLookAlikeFlagged() {
        PoisoningSet.Report report = PoisoningSet.measure(Classifier.bundled(), PoisoningSet.FRESH);
        assertEquals(240, report.poisoned().size(), "the fresh set's poisoned definitions");
        Map<String, int[]> recall = report.recall(null);
        assertEquals(FRESH_FLOORS.keySet(), recall.keySet(), "one floor per attack class");
        recall.forEach((kind, n) -> assertTrue((double) n[0] / n[1] >= FRESH_FLOORS.get(kind),
                "fresh %s: %d of %d caught, floor %.0f %%".formatted(kind, n[0], n[1], 100 * FRESH_FLOORS.get(kind))));
        assertTrue(report.falseFlags().size() <= 1, "fresh look-alikes falsely flagged: " + report.falseFlags().stream()
                .map(PoisoningSet.Entry::id).toList());
    }

    /** The least share of each class of the second fresh set caught (opened and tuned on in round 3). */
    private static final Map<String, Double> FRESH2_FLOORS = Map.of(
            "override", 0.95, "secrecy", 0.80, "exfiltration", 0.93, "tampering", 0.50, "commands", 0.95,
            "deprecation", 0.90, "shadowing", 0.40, "manipulation", 0.85);

    @Test
    void theSecondFreshSetStaysCaughtAboveItsFloorsWithAtMostTwoLookAlikesFlagged() {
        PoisoningSet.Report report = PoisoningSet.measure(Classifier.bundled(), PoisoningSet.FRESH2);
        assertEquals(240, report.poisoned().size(), "the second fresh set's poisoned definitions");
        Map<String, int[]> recall = report.recall(null);
        assertEquals(FRESH2_FLOORS.keySet(), recall.keySet(), "one floor per attack class");
        recall.forEach((kind, n) -> assertTrue((double) n[0] / n[1] >= FRESH2_FLOORS.get(kind),
                "fresh2 %s: %d of %d caught, floor %.0f %%".formatted(kind, n[0], n[1], 100 * FRESH2_FLOORS.get(kind))));
        assertTrue(report.falseFlags().size() <= 2, "fresh2 look-alikes falsely flagged: " + report.falseFlags().stream()
                .map(PoisoningSet.Entry::id).toList());
    }

    /** The least share of each class of the third fresh set caught (sealed for round 3, opened and tuned on in round 4). */
    private static final Map<String, Double> FRESH3_FLOORS = Map.of(
            "override", 0.95, "secrecy", 0.95, "exfiltration", 0.90, "tampering", 0.75, "commands", 0.95,
            "deprecation", 0.95, "shadowing", 0.80, "manipulation", 0.53);

    @Test
    void theThirdFreshSetStaysCaughtAboveItsFloorsWithAtMostThreeLookAlikesFlagged() {
        PoisoningSet.Report report = PoisoningSet.measure(Classifier.bundled(), PoisoningSet.FRESH3);
        assertEquals(240, report.poisoned().size(), "the third fresh set's poisoned definitions");
        Map<String, int[]> recall = report.recall(null);
        assertEquals(FRESH3_FLOORS.keySet(), recall.keySet(), "one floor per attack class");
        recall.forEach((kind, n) -> assertTrue((double) n[0] / n[1] >= FRESH3_FLOORS.get(kind),
                "fresh3 %s: %d of %d caught, floor %.0f %%".formatted(kind, n[0], n[1], 100 * FRESH3_FLOORS.get(kind))));
        assertTrue(report.falseFlags().size() <= 3, "fresh3 look-alikes falsely flagged: " + report.falseFlags().stream()
                .map(PoisoningSet.Entry::id).toList());
    }
}
