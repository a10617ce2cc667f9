package io.toolrisk.scan;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The scan report for people: conflicts to fix first, a table of every tool, a summary line. */
final class TextScanReport {
    private static final int QUOTE_WIDTH = 60;

    private TextScanReport() {
    }

    static void write(ScanReport report, PrintWriter out) {
        out.printf("ToolRisk scan of %s: %d tools (ruleset %s)%n", report.server(), report.tools().size(), report.ruleset());
        List<ScannedTool> conflicts = FailOn.CONFLICT.offenders(report.tools());
        if (!conflicts.isEmpty()) {
            out.println();
            out.println("Annotation conflicts (yours to fix: the annotations say one thing, the tool another):");
            for (ScannedTool t : conflicts) {
                for (Flag f : t.profile().flags()) {
                    if (f.flag() == FlagKind.ANNOTATION_CONFLICT) out.printf("  %s: %s%n", t.tool().name(), oneLine(f.detail()));
                }
            }
        }
        out.println();
        int width = Math.max(4, report.tools().stream().mapToInt(t -> t.tool().name().length()).max().orElse(4));
        width = Math.min(width, 48);
        String row = "%-" + width + "s  %-11s  %-8s  %s%n";
        out.printf(row, "TOOL", "CATEGORY", "SEVERITY", "WHY / FLAGS");
        for (ScannedTool t : report.tools()) {
            RiskProfile p = t.profile();
            out.printf(row, truncate(t.tool().name(), width), p.category().wireName(), p.severity().wireName(), why(p));
        }
        out.println();
        out.println(summary(report));
        for (String rejected : report.rejected()) out.println("unreadable: " + rejected);
    }

    static String summary(ScanReport report) {
        var categories = new StringJoiner(", ");
        for (Map.Entry<Category, Long> c : report.countByCategory().entrySet()) {
            if (c.getValue() > 0) categories.add(c.getValue() + " " + c.getKey().wireName());
        }
        var flags = new StringJoiner(", ");
        for (Map.Entry<FlagKind, Long> f : report.countByFlag().entrySet()) {
            if (f.getValue() > 0) flags.add(f.getValue() + " " + f.getKey().wireName());
        }
        return "Summary: %d tools (%s); flags: %s".formatted(report.tools().size(),
                categories.length() == 0 ? "none" : categories, flags.length() == 0 ? "none" : flags);
    }

    private static String why(RiskProfile p) {
        var parts = new StringJoiner("; ");
        if (!p.evidence().isEmpty()) {
            Evidence e = p.evidence().get(0);
            parts.add("\"" + truncate(oneLine(e.quote()), QUOTE_WIDTH) + "\" in " + e.field() + " [" + e.rule() + "]");
        }
        for (FlagKind kind : ScanReport.flagKinds(p.flags())) parts.add("flag " + kind.wireName());
        return parts.toString();
    }

    /** Descriptions come from strangers: no control characters or line breaks reach the terminal. */
    static String oneLine(String text) {
        var clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c));
        return clean.toString().strip();
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
