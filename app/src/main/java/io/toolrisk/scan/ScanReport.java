package io.toolrisk.scan;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of scanning one server: its tools with their profiles, in the order worth reading — tools whose
 * definition tries to steer the model (a flag that needs a human's review: hidden instructions, tool shadowing,
 * invisible characters) first, then tools with an annotation conflict (they are the author's to fix), then by
 * severity (the profile's, which flags can raise), most severe first, then by category.
 *
 * @param server   what was scanned (a server name, a file, a URL)
 * @param input    the file scanned, when it was a file (for SARIF locations)
 * @param ruleset  the ruleset that classified the tools
 * @param tools    the tools in report order
 * @param rejected entries of the input that could not be read, with their reasons
 */
public record ScanReport(String server, Optional<String> input, String ruleset, List<ScannedTool> tools, List<String> rejected) {
    /** Definitions to review first, then annotation conflicts, then most severe first, then input order. */
    static final Comparator<ScannedTool> REPORT_ORDER = Comparator
            .comparing((ScannedTool t) -> t.profile().flags().stream().noneMatch(f -> f.flag().needsReview()))
            .thenComparing(t -> !t.profile().hasFlag(FlagKind.ANNOTATION_CONFLICT))
            .thenComparing(t -> t.profile().severity(), Comparator.reverseOrder())
            .thenComparing(t -> t.profile().category(), Comparator.reverseOrder());

    public ScanReport {
        input = input == null ? Optional.empty() : input;
        tools = tools.stream().sorted(REPORT_ORDER).toList();
        rejected = List.copyOf(rejected);
    }

    public Map<Category, Long> countByCategory() {
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) counts.put(c, 0L);
        for (ScannedTool t : tools) counts.merge(t.profile().category(), 1L, Long::sum);
        return counts;
    }

    public Map<FlagKind, Long> countByFlag() {
        Map<FlagKind, Long> counts = new EnumMap<>(FlagKind.class);
        for (FlagKind k : FlagKind.values()) counts.put(k, 0L);
        for (ScannedTool t : tools) {
            for (Flag f : t.profile().flags()) counts.merge(f.flag(), 1L, Long::sum);
        }
        return counts;
    }
}
