package io.toolrisk.classifier;

/**
 * A field's prose as the detectors of tool poisoning read it: how a text is laid out is not what it says, and a
 * model reads an order the same whether its words are one space apart or two, wrapped onto the next line at column
 * 60, in **bold** or WRITTEN IN CAPITALS. So the detectors read the text with every space that is not ' ' (a tab, a
 * no-break space, the typographic spaces) as ' ', runs of spaces as one, a line break inside a wrapped sentence as a
 * space, bold markers around a word dropped, and a text written in capitals in lower case. Line breaks between
 * sentences, list items and headings stay, and so does everything inside a fenced code block (its lines are
 * commands). Each char read keeps the offset it has in the field as written, so a finding quotes the field exactly.
 */
final class ReadText {
    /** A line at least this long, broken before a letter, was wrapped (a sentence goes on on the next line). */
    static final int WRAPPED_LINE = 50;
    /** A text with at least this many letters, nearly all capitals, is written in capitals. */
    private static final int CAPITALS_LETTERS = 12;

    /** What the detectors read. */
    final String text;
    /** Per char of {@link #text} (and one past its end), the offset in the field as written; null when the same. */
    private final int[] written;
    /** The offsets, in the field as written, of the line breaks read as spaces (each ended a clause there). */
    private final int[] joined;
    private final int joins;

    private ReadText(String text, int[] written, int[] joined, int joins) {
        this.text = text;
        this.written = written;
        this.joined = joined;
        this.joins = joins;
    }

    /** The offset in the field as written of the char read at {@code offset} (or of the end, at the text's length). */
    int writtenOffset(int offset) {
        return written == null ? offset : written[offset];
    }

    /** The end, in the field as written, of a span read that ends at {@code end}. */
    int writtenEnd(int end) {
        return written == null || end == 0 ? end : written[end - 1] + 1;
    }

    /** The offset read of the char at {@code offset} of the field as written (the next char read, if it was dropped). */
    int readOffset(int offset) {
        return written == null ? offset : firstAtOrAfter(written, text.length(), offset);
    }

    /**
     * The clause, as read, of a word that the cut of the field as written put in clause {@code clause} and that
     * starts at {@code offset} there: a line break read as a space ends no clause.
     */
    int readClause(int clause, int offset) {
        return joins == 0 ? clause : clause - firstAtOrAfter(joined, joins, offset);
    }

    /** The index of the first of the {@code n} ascending {@code values} that is at least {@code offset}. */
    private static int firstAtOrAfter(int[] values, int n, int offset) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static ReadText of(String field, boolean nonAscii) {
        boolean capitals = capitals(field);
        if (!capitals && !nonAscii && field.indexOf('\t') < 0 && !field.contains("  ") && !emphasis(field) && !wrapped(field)
                && !inlineTag(field))
            return new ReadText(field, null, null, 0);
        char[] in = field.toCharArray();
        int n = in.length;
        char[] out = new char[n];
        int[] written = new int[n + 1];
        int[] joined = new int[4];
        int joins = 0;
        int length = 0;
        boolean fence = false;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (c == '`' && field.startsWith("```", i) && (i == 0 || in[i - 1] == '\n')) fence = !fence;
            if (!fence) {
                if (c == '\t' || c >= 0x80 && Character.getType(c) == Character.SPACE_SEPARATOR) c = ' ';
                else if (c == '\u2028' || c == '\u2029') c = '\n';
                if (c == '\n' && wrapped(field, i)) {
                    c = ' ';
                    if (joins == joined.length) joined = java.util.Arrays.copyOf(joined, 2 * joins);
                    joined[joins++] = i;
                }
                if (c == '*' && i + 1 < n && in[i + 1] == '*' && (letterAt(field, i - 1) || letterAt(field, i + 2))) {
                    i++;
                    continue;
                }
                if ((c == '*' || c == '_') && emphasisMark(field, i)) continue;
                int tag = c == '<' ? tagAt(field, i) : 0;
                if (tag > 0) {
                    // read as a space: "<b>not</b>" is "not", and "a<br>b" two words
                    i += tag - 1;
                    c = ' ';
                }
                if (c == ' ' && length > 0 && out[length - 1] == ' ') continue;
                if (capitals) c = Character.toLowerCase(c);
            }
            written[length] = i;
            out[length++] = c;
        }
        written[length] = n;
        return new ReadText(new String(out, 0, length), written, joined, joins);
    }

    /** Whether a line break of the text is inside a wrapped sentence. */
    private static boolean wrapped(String s) {
        for (int k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) {
            if (wrapped(s, k)) return true;
        }
        return false;
    }

    /** Whether the text holds a mark of bold or italics next to a word ("**not**", "*not*", "_not_"). */
    private static boolean emphasis(String s) {
        for (int k = s.indexOf("**"); k >= 0; k = s.indexOf("**", k + 2)) {
            if (letterAt(s, k - 1) || letterAt(s, k + 2)) return true;
        }
        for (char mark : new char[] {'*', '_'}) {
            for (int k = s.indexOf(mark); k >= 0; k = s.indexOf(mark, k + 1)) {
                if (emphasisMark(s, k)) return true;
            }
        }
        return false;
    }

    /**
     * A single '*' or '_' that opens or closes italics: a word's char on one side only, and on the other a space, a
     * line's end or punctuation. {@code send_message} and {@code *.js} are not, nor is "__init__".
     */
    private static boolean emphasisMark(String s, int k) {
        char mark = s.charAt(k);
        if (k > 0 && s.charAt(k - 1) == mark || k + 1 < s.length() && s.charAt(k + 1) == mark) return false;
        boolean wordBefore = letterAt(s, k - 1), wordAfter = letterAt(s, k + 1);
        if (wordBefore == wordAfter) return false;
        char other = wordBefore ? (k + 1 < s.length() ? s.charAt(k + 1) : ' ') : (k > 0 ? s.charAt(k - 1) : ' ');
        return Character.isWhitespace(other) || ".,;:!?)(\"'".indexOf(other) >= 0;
    }

    /** Inline HTML that only styles a word: bold, italics, underline, a span, a line break. */
    private static final java.util.Set<String> INLINE_TAGS = java.util.Set.of("b", "i", "u", "em", "strong", "mark", "span",
            "small", "big", "font", "br", "ins", "s");

    /** Whether the text holds an inline tag. */
    private static boolean inlineTag(String s) {
        for (int k = s.indexOf('<'); k >= 0; k = s.indexOf('<', k + 1)) {
            if (tagAt(s, k) > 0) return true;
        }
        return false;
    }

    /** The length of the inline tag ({@code <b>}, {@code </strong>}, {@code <span class="x">}) at {@code k}; 0 if none. */
    private static int tagAt(String s, int k) {
        int close = s.indexOf('>', k);
        if (close < 0 || close - k > 60) return 0;
        int name = k + 1 < s.length() && s.charAt(k + 1) == '/' ? k + 2 : k + 1;
        int end = name;
        while (end < close && Character.isLetter(s.charAt(end))) end++;
        if (end == name || end < close && s.charAt(end) != ' ' && s.charAt(end) != '/') return 0;
        return INLINE_TAGS.contains(s.substring(name, end).toLowerCase(java.util.Locale.ROOT)) ? close - k + 1 : 0;
    }

    private static boolean letterAt(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
    }

    /**
     * A line break inside a sentence wrapped by hand: the line before does not end a sentence or a clause
     * ({@code . ! ? : ;}), and the next line goes on in lower case, or, after a line long enough to have been
     * wrapped, in a word, a number, a path, a quote or code (not a list's item, a heading or a table's row).
     */
    private static boolean wrapped(String s, int newline) {
        int before = newline - 1;
        while (before >= 0 && s.charAt(before) == ' ') before--;
        if (before < 0 || ".!?:;\n".indexOf(s.charAt(before)) >= 0) return false;
        int after = newline + 1;
        while (after < s.length() && s.charAt(after) == ' ') after++;
        if (after >= s.length()) return false;
        char next = s.charAt(after);
        if (Character.isLowerCase(next)) return true;
        // a list's item, a heading, a table's row or a quote starts a line of its own
        if (!Character.isLetterOrDigit(next) && "~`\"'(/$".indexOf(next) < 0 || listNumber(s, after)) return false;
        int lineStart = s.lastIndexOf('\n', newline - 1) + 1;
        return newline - lineStart >= WRAPPED_LINE;
    }

    /** "1. ", "2) ": a numbered list's item starts at {@code k}. */
    private static boolean listNumber(String s, int k) {
        while (k < s.length() && Character.isDigit(s.charAt(k))) k++;
        return k < s.length() - 1 && (s.charAt(k) == '.' || s.charAt(k) == ')') && s.charAt(k + 1) == ' ';
    }

    /** Nearly all the letters of the text are capitals ("DO NOT TELL THE USER ..."). */
    private static boolean capitals(String s) {
        int letters = 0, lower = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 0x80 && Character.isLowerCase(c)) {
                // most texts are left here, within their first words
                if (++lower * 10 > s.length()) return false;
                letters++;
            } else if (c >= 'A' && c <= 'Z' || c >= 0x80 && Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= CAPITALS_LETTERS && lower * 10 <= letters;
    }
}
