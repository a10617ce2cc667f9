package io.toolrisk.classifier;

import io.toolrisk.classifier.text.Words;

/**
 * A field's prose as the detectors of tool poisoning read it: how a text is laid out is not what it says, and a
 * model reads an order the same whether its words are one space apart or two, wrapped onto the next line at column
 * 60, in **bold** or WRITTEN IN CAPITALS. So the detectors read the text with every space that is not ' ' (a tab, a
 * no-break space, the typographic spaces) as ' ', runs of spaces as one, a line break inside a wrapped sentence as a
 * space, bold and italic marks and inline tags that only style a word dropped, and a text written in capitals in
 * lower case. Line breaks between
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
    /**
     * Where the text read comes from, as runs of chars kept in order: run k starts at {@code runRead[k]} in the
     * text read and at {@code runWritten[k]} in the field as written; chars dropped lie between runs. Null when
     * the text read is the field (or differs only char for char: a space for a tab, lower case for capitals).
     */
    private final int[] runRead;
    private final int[] runWritten;
    private final int runs;
    /** The offsets, in the field as written, of the line breaks read as spaces (each ended a clause there). */
    private final int[] joined;
    private final int joins;

    private ReadText(String text, int[] runRead, int[] runWritten, int runs, int[] joined, int joins) {
        this.text = text;
        this.runRead = runRead;
        this.runWritten = runWritten;
        this.runs = runs;
        this.joined = joined;
        this.joins = joins;
    }

    /** The offset in the field as written of the char read at {@code offset} (or of the end, at the text's length). */
    int writtenOffset(int offset) {
        if (runs == 0) return offset;
        int k = lastAtOrBefore(runRead, runs, offset);
        return runWritten[k] + offset - runRead[k];
    }

    /** The end, in the field as written, of a span read that ends at {@code end}. */
    int writtenEnd(int end) {
        return runs == 0 || end == 0 ? end : writtenOffset(end - 1) + 1;
    }

    /** The offset read of the char at {@code offset} of the field as written (the next char read, if it was dropped). */
    int readOffset(int offset) {
        if (runs == 0) return offset;
        int k = lastAtOrBefore(runWritten, runs, offset);
        int read = runRead[k] + offset - runWritten[k];
        int runEnd = k + 1 < runs ? runRead[k + 1] : text.length();
        return Math.min(read, runEnd);
    }

    /**
     * Maps offsets of the field as written that come in ascending order ({@link #readOffset}, and the clause of a word):
     * a walk forward over the runs and the joined lines instead of a search for each.
     */
    final class Forward {
        private int run;
        private int join;

        /** {@link #readOffset(int)} of {@code offset}, no less than the offset asked before. */
        int readOffset(int offset) {
            if (runs == 0) return offset;
            while (run + 1 < runs && runWritten[run + 1] <= offset) run++;
            int read = runRead[run] + offset - runWritten[run];
            int runEnd = run + 1 < runs ? runRead[run + 1] : text.length();
            return Math.min(read, runEnd);
        }

        /**
         * The clause, as read, of a word that the cut of the field as written put in clause {@code clause} and that
         * starts at {@code offset} there (no less than the offset asked before): a line break read as a space ends no clause.
         */
        int readClause(int clause, int offset) {
            if (joins == 0) return clause;
            while (join < joins && joined[join] < offset) join++;
            return clause - join;
        }
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

    /** The index of the last of the {@code n} ascending {@code values} (the first is 0) that is at most {@code offset}. */
    private static int lastAtOrBefore(int[] values, int n, int offset) {
        int at = firstAtOrAfter(values, n, offset + 1) - 1;
        return Math.max(at, 0);
    }

    /** ASCII chars the reading may change or drop; every other ASCII char is read as written. */
    private static final boolean[] SPECIAL = new boolean[128];

    static {
        for (char c : new char[] {' ', '\t', '\n', '*', '_', '<', '`'}) SPECIAL[c] = true;
    }

    static ReadText of(String field, boolean nonAscii) {
        return of(field, nonAscii, null);
    }

    /** The prose {@code words} were cut from, as read; the symbols the cut saw spare searches for those it did not. */
    static ReadText of(Words words) {
        return of(words.source(), words.hasNonAscii(), words);
    }

    /** {@code symbols}: the words of {@code field}, whose record of the symbols it holds spares searches; null to search. */
    private static ReadText of(String field, boolean nonAscii, Words symbols) {
        boolean capitals = capitals(field);
        // Most texts are read as written: found with a few searches, before any char is copied.
        if (!capitals && !changes(field, nonAscii, symbols)) return new ReadText(field, null, null, 0, null, 0);
        int n = field.length();
        char[] out = null; // made at the first char read otherwise than written
        int length = 0; // chars read so far (out holds them once made)
        int[] runRead = null, runWritten = null;
        int runs = 0;
        int[] joined = null;
        int joins = 0;
        boolean fence = false;
        boolean space = false; // the last char read is a space
        char[] in = field.toCharArray();
        // In ASCII prose a run ends only at a special char or at two spaces: found with indexOf, not char by char.
        Stops stops = capitals || nonAscii ? null : new Stops(field, symbols);
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (!capitals && c < 128 && (!SPECIAL[c] || c == ' ' && !space && (i + 1 == n || in[i + 1] != ' '))) {
                // a run of chars read as written (a single space between words is one of them), copied at once
                int end;
                if (stops != null) {
                    end = stops.next(i + 1);
                } else {
                    end = i + 1;
                    while (end < n && (c = in[end]) < 128 && (!SPECIAL[c] || c == ' ' && (end + 1 == n || in[end + 1] != ' '))) end++;
                }
                if (out != null) System.arraycopy(in, i, out, length, end - i);
                length += end - i;
                space = in[end - 1] == ' ';
                i = end - 1;
                continue;
            }
            char read = c;
            boolean drop = false;
            if (c == '`' && field.startsWith("```", i) && (i == 0 || in[i - 1] == '\n')) fence = !fence;
            if (!fence) {
                if (c == '\t' || otherSpace(c)) read = ' ';
                else if (lineSeparator(c)) read = '\n';
                if (read == '\n' && wrapped(field, i)) {
                    read = ' ';
                    if (joined == null) joined = new int[4];
                    else if (joins == joined.length) joined = java.util.Arrays.copyOf(joined, 2 * joins);
                    joined[joins++] = i;
                }
                int skip = 0;
                if (c == '*' && boldMark(field, i)) skip = 2;
                else if ((c == '*' || c == '_') && emphasisMark(field, i)) skip = 1;
                else if (c == '<') {
                    int tag = tagAt(field, i);
                    // read as a space: "<b>not</b>" is "not", and "a<br>b" two words
                    if (tag > 0) {
                        skip = tag;
                        read = ' ';
                    }
                }
                if (read == ' ' && space) {
                    drop = true;
                    skip = Math.max(skip, 1);
                } else if (skip > 0 && read != ' ') {
                    drop = true;
                }
                if (drop || skip > 1) {
                    // chars dropped: a new run starts after them (a tag read as a space keeps its first char's place)
                    if (out == null) {
                        out = new char[n];
                        field.getChars(0, length, out, 0);
                    }
                    if (runRead == null) {
                        runRead = new int[8];
                        runWritten = new int[8];
                        runs = 1;
                    }
                    if (!drop) {
                        out[length++] = ' ';
                        space = true;
                    }
                    i += skip - 1;
                    if (runs == runRead.length) {
                        runRead = java.util.Arrays.copyOf(runRead, 2 * runs);
                        runWritten = java.util.Arrays.copyOf(runWritten, 2 * runs);
                    }
                    runRead[runs] = length;
                    runWritten[runs] = i + 1;
                    runs++;
                    continue;
                }
                if (capitals) read = Character.toLowerCase(read);
            }
            if (read != c && out == null) {
                out = new char[n];
                field.getChars(0, length, out, 0);
            }
            if (out != null) out[length] = read;
            length++;
            space = read == ' ';
        }
        if (out == null) return new ReadText(field, null, null, 0, joined, joins);
        return new ReadText(new String(out, 0, length), runRead, runWritten, runs, joined, joins);
    }

    /**
     * Whether reading changes anything a detector could see: a tab, two spaces between words on a line (not an
     * indent, not before a line's end), a wrapped line, a mark of emphasis, an inline tag, a space other than ' '.
     */
    private static boolean changes(String s, boolean nonAscii, Words symbols) {
        if (mayHold(symbols, '\t') && s.indexOf('\t') >= 0) return true;
        for (int k = s.indexOf("  "); k >= 0; ) {
            int end = k + 2;
            while (end < s.length() && s.charAt(end) == ' ') end++;
            if (k > 0 && s.charAt(k - 1) != '\n' && end < s.length() && s.charAt(end) != '\n') return true;
            k = s.indexOf("  ", end);
        }
        if (mayHold(symbols, '\n')) {
            for (int k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) {
                if (wrapped(s, k)) return true;
            }
        }
        if (mayHold(symbols, '*')) {
            for (int k = s.indexOf("**"); k >= 0; k = s.indexOf("**", k + 2)) {
                if (boldMark(s, k)) return true;
            }
        }
        for (char mark : EMPHASIS) {
            if (!mayHold(symbols, mark)) continue;
            for (int k = s.indexOf(mark); k >= 0; k = s.indexOf(mark, k + 1)) {
                if (emphasisMark(s, k)) return true;
            }
        }
        if (mayHold(symbols, '<')) {
            for (int k = s.indexOf('<'); k >= 0; k = s.indexOf('<', k + 1)) {
                if (tagAt(s, k) > 0) return true;
            }
        }
        if (nonAscii) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (otherSpace(c) || lineSeparator(c)) return true;
            }
        }
        return false;
    }

    private static final char[] EMPHASIS = {'*', '_'};

    /** False when the cut of the text saw no {@code c} in it; true when it may hold one (or nothing was cut). */
    private static boolean mayHold(Words symbols, char c) {
        return symbols == null || symbols.mayHold(c);
    }

    /**
     * Where the runs of ASCII prose read as written end: at the next tab, line break, '*', '_', '<' or backtick, or
     * space followed by a space. Each is found with {@link String#indexOf} (vectorised) and kept until passed.
     */
    private static final class Stops {
        private static final char[] CHARS = {'\t', '\n', '*', '_', '<', '`'};
        private final String text;
        private final int n;
        private final char[] chars = new char[CHARS.length];
        private final int[] next = new int[CHARS.length + 1];
        private final int count;

        Stops(String text, Words symbols) {
            this.text = text;
            this.n = text.length();
            int k = 0;
            for (char c : CHARS) {
                if (mayHold(symbols, c)) chars[k++] = c;
            }
            count = k;
            // next[k] < 0: not searched yet; n: none left
            java.util.Arrays.fill(next, -1);
        }

        /** The first offset at or after {@code from} where a run stops; the text's length when none does. */
        int next(int from) {
            int min = n;
            for (int k = 0; k < count; k++) {
                int at = next[k];
                if (at < from) {
                    at = text.indexOf(chars[k], from);
                    next[k] = at = at < 0 ? n : at;
                }
                if (at < min) min = at;
            }
            int at = next[count];
            if (at < from) {
                at = text.indexOf("  ", from);
                next[count] = at = at < 0 ? n : at;
            }
            return Math.min(min, at);
        }
    }

    /** A space that is not ' ' nor ASCII: a no-break space, the typographic spaces (U+2000–U+200A, U+202F, U+205F, U+3000). */
    private static boolean otherSpace(char c) {
        return c >= 0x80 && Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** The line and paragraph separators U+2028 and U+2029, read as line breaks. */
    private static boolean lineSeparator(char c) {
        return c == '\u2028' || c == '\u2029';
    }

    /** "**" at {@code k} next to a word's char on either side: a bold marker. */
    private static boolean boldMark(String s, int k) {
        return k + 1 < s.length() && s.charAt(k + 1) == '*' && (letterAt(s, k - 1) || letterAt(s, k + 2));
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
