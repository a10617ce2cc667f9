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
            "detects", "detect", "flags", "or", "and", "catches", "catch", "matches", "match", "payloads", "payload",
            "question", "questions", "sample", "samples", "quote", "quotes", "quoted", "recognises", "recognizes", "recognise",
            "recognize", "attack", "attacks",
            // Reported speech: "a tool whose description says 'whenever send_email is used, ...'".
            "says", "said", "reads", "stating", "states", "writes", "wrote",
            // The first item of a parenthesised list right after what it exemplifies: "text addressed to the model (\"the assistant must...\")".
            "(");
    /** How many quotes of a list ("'a', 'b' or 'c'") are walked back to find the word that introduces them all. */
    private static final int LIST_ITEMS = 8;
    private static final String QUOTES = "'\"`\u201c\u201d\u2018\u2019";

    private Quotation() {
    }

    /**
     * True when {@code text[start, end)} lies inside quotes that an example word introduces, or begins with the name of
     * what the quote is an example of ("overrides such as \"disregard earlier guidance\""): a finding whose words
     * outside the quote only introduce it.
     */
    static boolean isExample(String text, int start, int end) {
        for (int q = start + 1; q < end; q++) {
            if (text.charAt(q) != '`' && opens(text, q)) {
                if (INTRODUCERS.contains(wordBefore(text, q)) && !closedBefore(text, q + 1, end) && inside(text, q + 1, end)) return true;
                break;
            }
        }
        return inside(text, start, end);
    }

    /**
     * True when a quote ends in {@code text[from, to)}: a quote not followed by a letter ("don't" is no quote). A finding
     * that runs on past its quote ("says \"1\" ... use x") holds words of its own beyond it.
     */
    private static boolean closedBefore(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) != '`' && closes(text, k)) return true;
        }
        return false;
    }

    /** True when {@code text[start, end)} lies inside quotes that an example word introduces. */
    private static boolean inside(String text, int start, int end) {
        int open = -1;
        // A backticked name closed before the finding ("including `env` (fill it ...)") is a slot, not the opening quote.
        char closed = 0;
        for (int k = start - 1; k >= 0 && k >= start - 200; k--) {
            char c = text.charAt(k);
            if (c == '\n') break;
            if (c == '`' && closed == 0 && k > 0 && Character.isLetterOrDigit(text.charAt(k - 1))) {
                closed = c;
                continue;
            }
            if (opens(text, k)) {
                if (c == closed) {
                    closed = 0;
                    continue;
                }
                open = k;
                break;
            }
        }
        if (open < 0) return false;
        // "e.g. 'tone' or 'dates'. Claude: whenever ...": a quote closed before the finding does not hold it.
        char mark = text.charAt(open);
        for (int k = text.indexOf(mark, open + 1); k >= 0 && k < start; k = text.indexOf(mark, k + 1)) {
            if (closes(text, k)) return false;
        }
        int close = -1;
        for (int k = end; k < text.length() && k <= end + 200; k++) {
            if (closes(text, k)) {
                close = k;
                break;
            }
        }
        if (close < 0) return false;
        // "Sample question: 'A tool says: \"Do not mention this.\" Which attack is it?'": a quote within a quoted example.
        int outer = outerQuote(text, open);
        if (outer >= 0 && INTRODUCERS.contains(wordBefore(text, outer))) return true;
        // "Payloads it catches: 'ignore ...', 'you are now ...'": an item of a quoted list is as much an example as the first.
        for (int item = 0; item < LIST_ITEMS && open >= 0; item++) {
            if (INTRODUCERS.contains(wordBefore(text, open))) return true;
            open = previousItem(text, open);
        }
        return false;
    }

    /** The opening quote, of another kind than the one at {@code open}, that the quote at {@code open} stands in; -1 when none. */
    private static int outerQuote(String text, int open) {
        char inner = text.charAt(open);
        for (int k = open - 1; k >= 0 && k >= open - 200; k--) {
            char c = text.charAt(k);
            if (c == '\n' || c == inner) return -1;
            if (c != '`' && opens(text, k)) return k;
        }
        return -1;
    }

    /** The opening quote of the quoted item just before the one opening at {@code open}; -1 when none stands there. */
    private static int previousItem(String text, int open) {
        int k = open - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == ',')) k--;
        if (k < 0 || QUOTES.indexOf(text.charAt(k)) < 0) return -1;
        for (int j = k - 1; j >= 0 && j >= k - 200; j--) {
            if (text.charAt(j) == '\n') return -1;
            if (opens(text, j)) return j;
        }
        return -1;
    }

    /** A quotation mark at {@code k} that can open a quote: not after a letter. */
    private static boolean opens(String text, int k) {
        return QUOTES.indexOf(text.charAt(k)) >= 0 && (k == 0 || !Character.isLetter(text.charAt(k - 1)));
    }

    /** A quotation mark at {@code k} that can close a quote: not before a letter ("don't" holds none). */
    private static boolean closes(String text, int k) {
        return QUOTES.indexOf(text.charAt(k)) >= 0 && (k + 1 == text.length() || !Character.isLetter(text.charAt(k + 1)));
    }

    private static String wordBefore(String text, int offset) {
        int k = offset - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == ',' || text.charAt(k) == ':')) k--;
        // A parenthesis opens a list of examples only with a quotation mark: "(`process.env`)" is code.
        if (k >= 0 && text.charAt(k) == '(') return text.charAt(offset) == '`' ? "" : "(";
        int end = k + 1;
        while (k >= 0 && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '.')) k--;
        String word = text.substring(k + 1, end).toLowerCase(Locale.ROOT);
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }
}
