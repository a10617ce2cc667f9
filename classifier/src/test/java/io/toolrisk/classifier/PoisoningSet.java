package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The attack set of {@code src/test/resources/io/toolrisk/classifier/poisoning/} (see its README): poisoned
 * definitions by attack class and benign look-alikes, each classified (with its server's tool list when the entry
 * gives one). A poisoned entry is caught when its profile carries the expected flag, or, for an injected class, any
 * flag that denies the tool (hidden-instructions or tool-shadowing); a look-alike is falsely flagged when it carries
 * any of the three injection flags.
 */
final class PoisoningSet {
    static final String DIR = "/io/toolrisk/classifier/poisoning/";

    /** One entry of the set and its profile. */
    record Entry(String id, String split, String kind, Optional<FlagKind> expect, Tool tool, RiskProfile profile) {
        boolean caught() {
            FlagKind want = expect.orElseThrow();
            if (profile.hasFlag(want)) return true;
            return want != FlagKind.PREFERENCE_MANIPULATION
                    && (profile.hasFlag(FlagKind.HIDDEN_INSTRUCTIONS) || profile.hasFlag(FlagKind.TOOL_SHADOWING));
        }

        boolean falselyFlagged() {
            return PoisoningMeasurement.flagged(profile);
        }
    }

    /** Caught and total per attack class and split, and the look-alikes falsely flagged. */
    record Report(List<Entry> poisoned, List<Entry> benign) {
        Map<String, int[]> recall(String split) {
            Map<String, int[]> byClass = new TreeMap<>();
            for (Entry e : poisoned) {
                if (split != null && !e.split().equals(split)) continue;
                int[] n = byClass.computeIfAbsent(e.kind(), k -> new int[2]);
                n[1]++;
                if (e.caught()) n[0]++;
            }
            return byClass;
        }

        List<Entry> falseFlags() {
            return benign.stream().filter(Entry::falselyFlagged).toList();
        }

        /** The splits of the entries, in the order they first appear. */
        List<String> splits() {
            return poisoned.stream().map(Entry::split).distinct().toList();
        }

        void print(PrintStream out, boolean list) {
            out.printf("attack set: %d poisoned, %d benign look-alikes%n", poisoned.size(), benign.size());
            List<String> splits = splits();
            out.println("| class | " + String.join(" | ", splits) + " | all |");
            out.println("|---|" + "---|".repeat(splits.size() + 1));
            Map<String, int[]> all = recall(null);
            List<Map<String, int[]>> bySplit = splits.stream().map(this::recall).toList();
            int[] total = new int[2];
            for (var e : all.entrySet()) {
                var row = new StringBuilder("| " + e.getKey() + " | ");
                for (Map<String, int[]> split : bySplit) row.append(cell(split.get(e.getKey()))).append(" | ");
                out.println(row.append(cell(e.getValue())).append(" |"));
                total[0] += e.getValue()[0];
                total[1] += e.getValue()[1];
            }
            out.printf("| all |%s %s |%n", " |".repeat(splits.size()), cell(total));
            List<Entry> falseFlags = falseFlags();
            out.printf("benign look-alikes falsely flagged: %d of %d%n", falseFlags.size(), benign.size());
            if (!list) return;
            // The fresh set's holdout is for measuring only: its misses are counted, never shown to whoever tunes.
            for (Entry e : poisoned) if (!e.caught() && !SEALED.contains(e.split())) out.printf("  missed %s: %s%n", e.id(), text(e.tool()));
            for (Entry e : falseFlags) if (!SEALED.contains(e.split())) out.printf("  false %s: %s%n", e.id(), e.profile().flags().stream()
                    .filter(f -> PoisoningMeasurement.INJECTION.contains(f.flag())).map(Flag::toString).toList());
        }

        private static String cell(int[] n) {
            return n == null ? "-" : "%d/%d (%.0f %%)".formatted(n[0], n[1], 100.0 * n[0] / n[1]);
        }

        private static String text(Tool t) {
            String d = t.description().replaceAll("\\s+", " ");
            return t.name() + ": " + (d.length() > 140 ? d.substring(0, 140) + "..." : d);
        }
    }

    private PoisoningSet() {
    }

    /** The first set, written with the detectors (splits dev and holdout). */
    static final String FIRST = "";
    /**
     * The fresh set, written by a second author who never saw the rules or the first set (splits fresh-dev and
     * fresh-holdout; see the README).
     */
    static final String FRESH = "fresh-";
    /** The second fresh set, by a third author (split fresh2): sealed as the measure of round 2, opened for round 3. */
    static final String FRESH2 = "fresh2-";
    /** The third fresh set, by a fourth author (split fresh3): sealed as the measure of round 3, opened for round 4. */
    static final String FRESH3 = "fresh3-";
    /** The fourth fresh set, by a fifth author (split fresh4): sealed as the measure of rounds 4 and 5, then opened. */
    static final String FRESH4 = "fresh4-";
    /** The fifth fresh set, by a sixth author, sealed whole (split fresh5): written while round 5 was made, its measure too. */
    static final String FRESH5 = "fresh5-";
    /**
     * The splits whose entries are counted but never listed ({@code --list}): kept unseen for measuring. Each fresh
     * set was sealed until the round after it was written had been measured on it.
     */
    static final Set<String> SEALED = Set.of("fresh5");

    /** Whether the set whose files are named {@code prefix} + poisoned.jsonl is in this checkout. */
    static boolean present(String prefix) {
        return PoisoningSet.class.getResource(DIR + prefix + "poisoned.jsonl") != null;
    }

    static Report measure(Classifier classifier) {
        return measure(classifier, FIRST);
    }

    /** The set whose files are named {@code prefix} + poisoned.jsonl and benign.jsonl. */
    static Report measure(Classifier classifier, String prefix) {
        return measure(classifier, prefix, UnaryOperator.identity());
    }

    /**
     * The set whose files are named {@code prefix} + poisoned.jsonl and benign.jsonl, with every text of each tool a
     * model reads (title, descriptions, enum and default values; not names) changed by {@code layout}.
     */
    static Report measure(Classifier classifier, String prefix, UnaryOperator<String> layout) {
        return new Report(read(prefix + "poisoned.jsonl", classifier, layout), read(prefix + "benign.jsonl", classifier, layout));
    }

    /** {@code node} with its text values changed by {@code layout}, but not the names of tools, properties or types. */
    private static JsonNode relaid(JsonNode node, UnaryOperator<String> layout) {
        if (node.isTextual()) return TextNode.valueOf(layout.apply(node.textValue()));
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            node.forEach(n -> out.add(relaid(n, layout)));
            return out;
        }
        if (!node.isObject()) return node;
        ObjectNode out = Json.MAPPER.createObjectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), NAMES.contains(e.getKey()) ? e.getValue() : relaid(e.getValue(), layout)));
        return out;
    }

    private static final Set<String> NAMES = Set.of("name", "type", "required", "format", "$schema");

    private static List<Entry> read(String file, Classifier classifier) {
        return read(file, classifier, UnaryOperator.identity());
    }

    private static List<Entry> read(String file, Classifier classifier, UnaryOperator<String> layout) {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = PoisoningSet.class.getResourceAsStream(DIR + file);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode r = Json.MAPPER.readTree(line);
                Tool tool = ToolJson.read(relaid(r.get("tool"), layout));
                ServerContext context = ServerContext.ALONE;
                if (r.has("siblings")) {
                    List<String> names = new ArrayList<>();
                    names.add(tool.name());
                    r.get("siblings").forEach(s -> names.add(s.asText()));
                    context = ServerContext.of(names, Optional.empty());
                }
                Optional<FlagKind> expect = r.path("expect").isTextual()
                        ? Optional.of(FlagKind.fromWireName(r.get("expect").asText())) : Optional.empty();
                out.add(new Entry(r.get("id").asText(), r.get("split").asText(), r.get("class").asText(), expect, tool,
                        classifier.classify(tool, context)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attack set " + DIR + file, e);
        }
        return out;
    }
}
