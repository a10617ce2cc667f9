package io.toolrisk.classifier.flags;

import java.util.Locale;
import java.util.Set;

/**
 * Quoted text given as an example: "detects phrases such as 'ignore previous instructions'", "scans for
 * instructions like \"do not tell the user\"". A documentation or detection tool mentions an attack; it does not
 * make one.
 */
final class Quotation {
    private static final Set<String> INTRODUCERS = Set.of("as", "like", "e.g", "eg", "example", "examples", "phrases", "containing",
            "phrase", "patterns", "pattern", "strings", "string", "text", "words", "including", "contain", "contains",
            "detects", "detect", "flags", "or", "and");
    private static final String QUOTES = "'\"`\u201c\u201d\u2018\u2019";

    private Quotation() {
    }

    /** True when {@code text[start, end)} lies inside quotes that an example word introduces. */
    static boolean isExample(String text, int start, int end) {
        int open = -1;
        for (int k = start - 1; k >= 0 && k >= start - 200; k--) {
            char c = text.charAt(k);
            if (c == '\n') break;
            if (QUOTES.indexOf(c) >= 0 && (k == 0 || !Character.isLetter(text.charAt(k - 1)))) {
                open = k;
                break;
            }
        }
        if (open < 0) return false;
        int close = -1;
        for (int k = end; k < text.length() && k <= end + 200; k++) {
            char c = text.charAt(k);
            if (QUOTES.indexOf(c) >= 0 && (k + 1 == text.length() || !Character.isLetter(text.charAt(k + 1)))) {
                close = k;
                break;
            }
        }
        if (close < 0) return false;
        return INTRODUCERS.contains(wordBefore(text, open));
    }

    private static String wordBefore(String text, int offset) {
        int k = offset - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == ',' || text.charAt(k) == ':')) k--;
        int end = k + 1;
        while (k >= 0 && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '.')) k--;
        String word = text.substring(k + 1, end).toLowerCase(Locale.ROOT);
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }
}
