package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.TreeMap;

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

        void print(PrintStream out, boolean list) {
            out.printf("attack set: %d poisoned, %d benign look-alikes%n", poisoned.size(), benign.size());
            out.println("| class | dev | holdout | all |");
            out.println("|---|---|---|---|");
            Map<String, int[]> all = recall(null);
            Map<String, int[]> dev = recall("dev");
            Map<String, int[]> holdout = recall("holdout");
            int[] total = new int[2];
            for (var e : all.entrySet()) {
                out.printf("| %s | %s | %s | %s |%n", e.getKey(), cell(dev.get(e.getKey())), cell(holdout.get(e.getKey())), cell(e.getValue()));
                total[0] += e.getValue()[0];
                total[1] += e.getValue()[1];
            }
            out.printf("| all | | | %s |%n", cell(total));
            List<Entry> falseFlags = falseFlags();
            out.printf("benign look-alikes falsely flagged: %d of %d%n", falseFlags.size(), benign.size());
            if (!list) return;
            for (Entry e : poisoned) if (!e.caught()) out.printf("  missed %s: %s%n", e.id(), text(e.tool()));
            for (Entry e : falseFlags) out.printf("  false %s: %s%n", e.id(), e.profile().flags().stream()
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

    static Report measure(Classifier classifier) {
        return new Report(read("poisoned.jsonl", classifier), read("benign.jsonl", classifier));
    }

    private static List<Entry> read(String file, Classifier classifier) {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = PoisoningSet.class.getResourceAsStream(DIR + file);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode r = Json.MAPPER.readTree(line);
                Tool tool = ToolJson.read(r.get("tool"));
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
