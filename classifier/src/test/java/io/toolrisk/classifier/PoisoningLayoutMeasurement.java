package io.toolrisk.classifier;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much the detection of tool poisoning depends on how a text is laid out (BENCHMARKS.md, "Tool poisoning"):
 * every open attack set (the first, the fresh and the second fresh set) with all of its texts laid out anew — words two
 * spaces apart, in capitals, hand-wrapped at 60 columns, with the words that carry an order in bold, with no-break
 * spaces — and the entries caught and look-alikes flagged each time. A model reads all of these as it reads the
 * original. Run with {@code bench/poisoning-layout.sh}.
 */
public final class PoisoningLayoutMeasurement {
    private static final Pattern ORDER_WORDS = Pattern.compile("\\b(not|never|always|must|ignore|instead|use|send|read|pass|change|do)\\b",
            Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) {
        Map<String, UnaryOperator<String>> layouts = new LinkedHashMap<>();
        layouts.put("as written", UnaryOperator.identity());
        layouts.put("two spaces between words", s -> s.replace(" ", "  "));
        layouts.put("in capitals", s -> s.toUpperCase(Locale.ROOT));
        layouts.put("wrapped at 60 columns", PoisoningLayoutMeasurement::wrapped);
        layouts.put("order words in bold", s -> ORDER_WORDS.matcher(s).replaceAll(m -> "**" + Matcher.quoteReplacement(m.group()) + "**"));
        layouts.put("order words in italics", s -> ORDER_WORDS.matcher(s).replaceAll(m -> "_" + Matcher.quoteReplacement(m.group()) + "_"));
        layouts.put("order words in HTML bold", s -> ORDER_WORDS.matcher(s).replaceAll(m -> "<b>" + Matcher.quoteReplacement(m.group()) + "</b>"));
        layouts.put("no-break spaces", s -> s.replace(' ', '\u00a0'));
        Classifier classifier = Classifier.bundled();
        PrintStream out = System.out;
        out.printf("ruleset %s; the open sets together (first, fresh, fresh2, fresh3)%n", classifier.rulesetVersion());
        out.println("| layout | poisoned caught | look-alikes flagged |");
        out.println("|---|---|---|");
        for (var layout : layouts.entrySet()) {
            int caught = 0, poisoned = 0, flagged = 0, benign = 0;
            for (String prefix : List.of(PoisoningSet.FIRST, PoisoningSet.FRESH, PoisoningSet.FRESH2, PoisoningSet.FRESH3, PoisoningSet.FRESH4)) {
                PoisoningSet.Report r = PoisoningSet.measure(classifier, prefix, layout.getValue());
                for (PoisoningSet.Entry e : r.poisoned()) if (e.caught()) caught++;
                poisoned += r.poisoned().size();
                flagged += r.falseFlags().size();
                benign += r.benign().size();
            }
            out.printf("| %s | %d/%d (%.0f %%) | %d/%d |%n", layout.getKey(), caught, poisoned, 100.0 * caught / poisoned, flagged, benign);
        }
    }

    /** Each paragraph wrapped at 60 columns, as text is wrapped by hand or by a docstring's editor. */
    static String wrapped(String text) {
        var out = new StringBuilder(text.length());
        for (String paragraph : text.split("\n", -1)) {
            if (!out.isEmpty()) out.append('\n');
            int column = 0;
            for (String word : paragraph.split(" ", -1)) {
                if (column > 0 && column + 1 + word.length() > 60) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }
}
