package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The measurement of BENCHMARKS.md against the public catalogue's own labels
 * ({@code corpus/policylayer-dev.jsonl}): each tool is classified from its name and description only, as a
 * crawler without annotations or schema would, and compared with the category the catalogue states. Prints
 * agreement, the confusion matrix, critical (destructive + financial) recall and precision, financial recall,
 * and with {@code --list} every disagreement. Run with {@code bench/classifier-measure.sh [SHARED_DIR] --policylayer [--list]}.
 */
public final class PolicyLayerMeasurement {
    record Row(String server, String tool, String description, Category label, RiskProfile profile) {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        boolean list = List.of(args).contains("--list");
        PrintStream out = System.out;
        Classifier classifier = Classifier.bundled();
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : CorpusMeasurement.read(shared.resolve("corpus/policylayer-dev.jsonl"))) {
            String description = r.path("description").isTextual() ? r.get("description").textValue() : "";
            Tool tool = new Tool(r.path("tool").asText(), Optional.empty(), description, null, ToolAnnotations.NONE,
                    Optional.of(r.path("server").asText()), Map.of());
            Category label = Category.fromWireName(r.path("category").asText().toLowerCase(Locale.ROOT));
            rows.add(new Row(r.path("server").asText(), r.path("tool").asText(), description, label,
                    classifier.classify(tool)));
        }
        Category[] cats = Category.values();
        int[][] matrix = new int[cats.length][cats.length];
        for (Row row : rows) matrix[row.label().ordinal()][row.profile().category().ordinal()]++;
        int agree = 0, criticalLabelled = 0, criticalFound = 0, criticalBoth = 0;
        for (Row row : rows) {
            if (row.label() == row.profile().category()) agree++;
            boolean l = critical(row.label()), p = critical(row.profile().category());
            if (l) criticalLabelled++;
            if (p) criticalFound++;
            if (l && p) criticalBoth++;
        }
        int fin = matrix[Category.FINANCIAL.ordinal()][Category.FINANCIAL.ordinal()];
        int finLabelled = 0;
        for (int v : matrix[Category.FINANCIAL.ordinal()]) finLabelled += v;
        out.printf("ruleset %s; %d tools of policylayer-dev.jsonl, classified from name + description%n%n",
                classifier.rulesetVersion(), rows.size());
        out.printf("agreement %s (%d/%d); critical recall %s (%d/%d); critical precision %s (%d/%d); financial recall %s (%d/%d)%n%n",
                pct(agree, rows.size()), agree, rows.size(), pct(criticalBoth, criticalLabelled), criticalBoth,
                criticalLabelled, pct(criticalBoth, criticalFound), criticalBoth, criticalFound, pct(fin, finLabelled),
                fin, finLabelled);
        out.println("| label \\ ours | read | write | execute | destructive | financial |");
        out.println("|---|---|---|---|---|---|");
        for (Category l : cats) {
            StringBuilder line = new StringBuilder("| " + l.wireName() + " |");
            for (Category p : cats) line.append(' ').append(matrix[l.ordinal()][p.ordinal()]).append(" |");
            out.println(line);
        }
        if (list) {
            out.printf("%n## disagreements (label -> ours)%n");
            for (Category l : cats) {
                for (Category p : cats) {
                    if (l == p) continue;
                    for (Row row : rows) {
                        if (row.label() != l || row.profile().category() != p) continue;
                        String ev = row.profile().evidence().isEmpty() ? "" : row.profile().evidence().getFirst().rule()
                                + " '" + row.profile().evidence().getFirst().quote() + "'";
                        String d = row.description().length() > 110 ? row.description().substring(0, 110) + "…" : row.description();
                        out.printf("%-11s -> %-11s %-22.22s %-34s %s | %s%n", l.wireName(), p.wireName(), row.server(),
                                row.tool(), ev, d.replace('\n', ' '));
                    }
                }
            }
        }
    }

    private static boolean critical(Category c) {
        return c == Category.DESTRUCTIVE || c == Category.FINANCIAL;
    }

    private static String pct(int part, int whole) {
        return whole == 0 ? "-" : "%.1f%%".formatted(100.0 * part / whole);
    }
}
