package io.toolrisk.classifier.flags;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds markup in a description that carries text to the model rather than to the person reading it:
 * HTML comments (invisible when rendered), elements hidden by style or attribute, and instruction blocks
 * such as {@code <IMPORTANT>} or {@code <system>}. Parsed with jsoup, because descriptions hold everything
 * from {@code <owner>} placeholders to draw.io XML, and a regex cannot tell a comment inside an attribute
 * from a real one.
 */
public final class HiddenMarkup {
    /** Tag names used to address a model ("tool poisoning"); {@code <example>} or {@code <owner>} are not. */
    static final Set<String> INSTRUCTION_TAGS = Set.of("important", "system", "system-prompt", "instructions",
            "instruction", "hidden", "admin", "override", "assistant", "ai", "llm", "model", "prompt", "sys");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0(?![.\\d])|opacity\\s*:\\s*0(?![.\\d])");
    private static final int MAX_QUOTE = 160;

    private HiddenMarkup() {
    }

    /** What kind of hidden markup was found. */
    public enum Kind { COMMENT, HIDDEN_ELEMENT, INSTRUCTION_TAG }

    /** One finding: its kind and a quote (the tag or the start of the hidden text). */
    public record Finding(Kind kind, String quote) {
    }

    /** Findings in document order; empty when {@code text} has no markup at all (no parse then). */
    public static List<Finding> find(String text) {
        if (!mayHoldMarkup(text)) return List.of();
        Document doc = Jsoup.parseBodyFragment(text);
        List<Finding> found = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Comment comment) {
                    String data = comment.getData().strip();
                    if (isMessage(data)) found.add(new Finding(Kind.COMMENT, "<!-- " + shorten(data) + " -->"));
                } else if (node instanceof Element e && depth > 0) {
                    String tag = e.normalName().toLowerCase(Locale.ROOT);
                    if (INSTRUCTION_TAGS.contains(tag)) {
                        found.add(new Finding(Kind.INSTRUCTION_TAG, "<" + e.tagName() + "> " + shorten(e.text())));
                    } else if (e.hasAttr("hidden") || HIDDEN_STYLE.matcher(e.attr("style").toLowerCase(Locale.ROOT)).find()) {
                        if (!e.text().isBlank()) found.add(new Finding(Kind.HIDDEN_ELEMENT, "<" + e.tagName() + "> " + shorten(e.text())));
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
            }
        }, doc.body());
        return found;
    }

    /**
     * A cheap test before parsing: a comment opener, an instruction tag, or a tag with a {@code style} or
     * {@code hidden} attribute. Placeholders such as {@code <owner>} and draw.io XML, common in real
     * descriptions, do not need jsoup.
     */
    static boolean mayHoldMarkup(String text) {
        int n = text.length();
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < n; i = text.indexOf('<', i + 1)) {
            if (text.startsWith("!--", i + 1)) return true;
            int end = i + 1;
            while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-')) end++;
            if (end == i + 1) continue;
            if (INSTRUCTION_TAGS.contains(text.substring(i + 1, end).toLowerCase(Locale.ROOT))) return true;
            int close = text.indexOf('>', end);
            if (close < 0) close = Math.min(n, end + MAX_TAG);
            String attributes = text.substring(end, Math.min(close, end + MAX_TAG)).toLowerCase(Locale.ROOT);
            if (attributes.contains("style") || attributes.contains("hidden")) return true;
        }
        return false;
    }

    /**
     * True when a comment says something: three words or more (a word has a letter: "evil@example.com" is one). A
     * marker such as {@code <!-- ckb:module path/to -->} or {@code <!-- end -->} carries no message to anyone.
     */
    static boolean isMessage(String comment) {
        int words = 0;
        for (String token : comment.split("\\s+")) {
            if (token.chars().anyMatch(Character::isLetter)) words++;
        }
        return words >= 3;
    }

    /** How far into a tag the attributes are looked at. */
    private static final int MAX_TAG = 512;

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_QUOTE ? oneLine : oneLine.substring(0, MAX_QUOTE) + "...";
    }
}
