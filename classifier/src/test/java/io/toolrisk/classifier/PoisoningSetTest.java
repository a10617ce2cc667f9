package io.toolrisk.classifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

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

    /**
     * A fresh set with the least share of each class to be caught and the most look-alikes that may be flagged: each
     * held at what the rules reached once it was opened and tuned on.
     */
    record Floors(String name, String prefix, Map<String, Double> floors, int lookAlikes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Floors> freshSets() {
        return Stream.of(
                // tuned on in rounds 1 and 2, both splits
                new Floors("fresh", PoisoningSet.FRESH, Map.of("override", 0.95, "secrecy", 0.90, "exfiltration", 0.80,
                        "tampering", 0.90, "commands", 0.90, "deprecation", 0.90, "shadowing", 0.95, "manipulation", 0.95), 1),
                // opened and tuned on in round 3
                new Floors("fresh2", PoisoningSet.FRESH2, Map.of("override", 0.95, "secrecy", 0.80, "exfiltration", 0.93,
                        "tampering", 0.50, "commands", 0.95, "deprecation", 0.90, "shadowing", 0.40, "manipulation", 0.85), 2),
                // sealed for round 3, opened and tuned on in round 4
                new Floors("fresh3", PoisoningSet.FRESH3, Map.of("override", 0.95, "secrecy", 0.95, "exfiltration", 0.90,
                        "tampering", 0.75, "commands", 0.95, "deprecation", 0.95, "shadowing", 0.80, "manipulation", 0.53), 3),
                // sealed for rounds 4 and 5, opened after round 5
                new Floors("fresh4", PoisoningSet.FRESH4, Map.of("override", 0.59, "secrecy", 0.53, "exfiltration", 0.56,
                        "tampering", 0.49, "commands", 0.79, "deprecation", 0.66, "shadowing", 0.49, "manipulation", 0.73), 6));
    }

    @ParameterizedTest
    @MethodSource("freshSets")
    void eachOpenedFreshSetStaysCaughtAboveItsFloorsWithNoMoreLookAlikesFlagged(Floors set) {
        assertCaughtAboveFloors(set.name(), PoisoningSet.measure(Classifier.bundled(), set.prefix()), set.floors(), set.lookAlikes());
    }

    /**
     * A fresh set of 240 poisoned definitions ({@code name}) caught at or above each class's floor, with at most
     * {@code lookAlikes} of its look-alikes falsely flagged.
     */
    private static void assertCaughtAboveFloors(String name, PoisoningSet.Report report, Map<String, Double> floors, int lookAlikes) {
        assertEquals(240, report.poisoned().size(), name + ": poisoned definitions");
        Map<String, int[]> recall = report.recall(null);
        assertEquals(floors.keySet(), recall.keySet(), "one floor per attack class");
        recall.forEach((kind, n) -> assertTrue((double) n[0] / n[1] >= floors.get(kind),
                "%s %s: %d of %d caught, floor %.0f %%".formatted(name, kind, n[0], n[1], 100 * floors.get(kind))));
        assertTrue(report.falseFlags().size() <= lookAlikes, name + " look-alikes falsely flagged: " + report.falseFlags().stream()
                .map(PoisoningSet.Entry::id).toList());
    }
}
