package io.toolrisk.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.classifier.Classifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measurement of BENCHMARKS.md ("Suggested annotations"): suggests annotations for every tool of the corpus's
 * annotated set, given its whole definition as its author published it (the suggester leaves the declared hints out
 * itself), and compares with what the authors declared, at the classifier's rates. Run with
 * {@code bench/classifier-measure.sh [SHARED_DIR] [--list] [--nospeed]}, after the classifier's own measurements.
 */
public final class AnnotationMeasurement {
    record Row(String server, JsonNode declared, SuggestedAnnotations suggested) {
        boolean declares(String key, boolean value) {
            JsonNode v = declared.get(key);
            return v != null && v.isBoolean() && v.booleanValue() == value;
        }

        boolean suggests(Hint hint, boolean value) {
            return suggested.hint(hint).map(h -> h.value() == value).orElse(false);
        }

        Optional<Boolean> suggestion(Hint hint) {
            return suggested.hint(hint).map(HintSuggestion::value);
        }
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        boolean list = List.of(args).contains("--list");
        PrintStream out = System.out;
        var suggester = new AnnotationSuggester(Classifier.bundled());
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve("corpus/annotated-tools.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode r = Json.MAPPER.readTree(line);
            rows.add(new Row(r.path("server").asText(), r.path("annotations"), suggester.suggest(toolOf(r))));
        }
        out.printf("ruleset %s; %d annotated tools, annotations suggested from their words%n%n",
                Classifier.bundled().rulesetVersion(), rows.size());
        out.println("| author declared | tools | suggested | agreement | goal |");
        out.println("|---|---|---|---|---|");
        List<Row> readOnly = rows.stream().filter(r -> r.declares("readOnlyHint", true)).toList();
        long ro = readOnly.stream().filter(r -> r.suggests(Hint.READ_ONLY, true)).count();
        out.printf("| `readOnlyHint: true` | %d | `readOnlyHint: true` | %s | ≥ 95 %% |%n", readOnly.size(), pct(ro, readOnly.size()));
        List<Row> destructive = rows.stream()
                .filter(r -> !r.declares("readOnlyHint", true) && r.declares("destructiveHint", true)).toList();
        long notRead = destructive.stream().filter(r -> r.suggests(Hint.READ_ONLY, false)).count();
        long destroys = destructive.stream().filter(r -> r.suggests(Hint.DESTRUCTIVE, true)).count();
        out.printf("| `destructiveHint: true`, not read-only | %d | `readOnlyHint: false` | %s | ≥ 97 %% |%n",
                destructive.size(), pct(notRead, destructive.size()));
        out.printf("| | | … and `destructiveHint: true` | %s | none |%n", pct(destroys, destructive.size()));
        List<Row> writes = rows.stream()
                .filter(r -> !r.declares("readOnlyHint", true) && r.declares("destructiveHint", false)).toList();
        long additive = writes.stream().filter(r -> r.suggests(Hint.READ_ONLY, false) && r.suggests(Hint.DESTRUCTIVE, false)).count();
        out.printf("| `destructiveHint: false`, not read-only | %d | `readOnlyHint: false, destructiveHint: false` | %s | ≥ 90 %% |%n",
                writes.size(), pct(additive, writes.size()));
        agreement(out, rows, Hint.IDEMPOTENT);
        agreement(out, rows, Hint.OPEN_WORLD);
        long contradicting = rows.stream().filter(r -> r.suggested().contradictsAuthor()).count();
        long fromName = rows.stream().filter(r -> r.suggested().titleFromName()).count();
        out.printf("%ntools whose declared hints contradict a suggestion: %d of %d; titles made from the name: %d%n",
                contradicting, rows.size(), fromName);
        if (list) {
            out.println("\n## disagreements with readOnlyHint: true");
            readOnly.stream().filter(r -> !r.suggests(Hint.READ_ONLY, true)).forEach(r -> line(out, r));
            out.println("\n## disagreements with destructiveHint: true (suggested read-only)");
            destructive.stream().filter(r -> !r.suggests(Hint.READ_ONLY, false)).forEach(r -> line(out, r));
            out.println("\n## disagreements with destructiveHint: false");
            writes.stream().filter(r -> !(r.suggests(Hint.READ_ONLY, false) && r.suggests(Hint.DESTRUCTIVE, false)))
                    .forEach(r -> line(out, r));
        }
    }

    /** For a hint suggested only where it can be justified: how often it is suggested, and agreement where both speak. */
    private static void agreement(PrintStream out, List<Row> rows, Hint hint) {
        long declared = 0, both = 0, agree = 0, suggestedTrue = 0, agreeTrue = 0;
        for (Row r : rows) {
            JsonNode d = r.declared().get(hint.key());
            if (d == null || !d.isBoolean()) continue;
            declared++;
            Optional<Boolean> s = r.suggestion(hint);
            if (s.isEmpty()) continue;
            both++;
            if (s.get() == d.booleanValue()) agree++;
            if (s.get()) {
                suggestedTrue++;
                if (d.booleanValue()) agreeTrue++;
            }
        }
        out.printf("| `%s` declared (true or false) | %d | suggested for %d | %s | none (true: %d of %d agree) |%n",
                hint.key(), declared, both, pct(agree, both), agreeTrue, suggestedTrue);
    }

    private static void line(PrintStream out, Row r) {
        var s = r.suggested();
        out.printf("  %-28s %-45s %-11s %s%n", r.server(), s.tool().name(), s.profile().category().wireName(),
                s.profile().evidence().isEmpty() ? "" : s.profile().evidence().getFirst().rule() + " '"
                        + s.profile().evidence().getFirst().quote() + "'");
    }

    /** The corpus line as the tool definition its author published: name, description, inputSchema, annotations. */
    static Tool toolOf(JsonNode r) {
        var node = Json.MAPPER.createObjectNode();
        node.put("name", r.path("tool").asText());
        if (r.path("description").isTextual()) node.put("description", r.get("description").textValue());
        if (r.hasNonNull("inputSchema")) node.set("inputSchema", r.get("inputSchema"));
        if (r.path("annotations").isObject()) node.set("annotations", r.get("annotations"));
        node.put("server", r.path("server").asText());
        return ToolJson.read(node);
    }

    private static String pct(long part, long whole) {
        return whole == 0 ? "-" : "%.1f %%".formatted(100.0 * part / whole);
    }
}
