package io.toolrisk.classifier.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of one field that a {@link Vocabulary} knows, with their vocabulary ids, their UTF-16 offsets in
 * the field, their position among all the words of the field, and the clause each belongs to. Words no rule
 * knows (most of them) are counted but not kept: that is what makes cutting a long description cheap. Two
 * ways to cut a field into words: {@link #ofIdentifier} for names (snake_case, camelCase, kebab-case, dots
 * and other namespace separators) and {@link #ofText} for prose. Immutable after construction.
 */
public final class Words {
    // The known words, STRIDE ints each: id, position, start, end, clause. One array, so that a field costs one
    // allocation and a word's facts share a cache line.
    private static final int STRIDE = 5;
    private static final int ID = 0;
    private static final int POSITION = 1;
    private static final int START = 2;
    private static final int END = 3;
    private static final int SENTENCE = 4;

    private final String source;
    private final boolean nonAscii;
    private final int[] data;
    private final int size;
    private final int wordCount;
    // Bit c set when the prose holds the ASCII symbol c (below 64 in the first long, from 64 in the second),
    // and, in the second pair, when it holds c directly followed by a letter or digit.
    private final long[] symbols;
    private final int firstSentenceEnd;
    private final long tags;

    private Words(Builder b) {
        this.source = b.source;
        this.nonAscii = b.nonAscii;
        this.data = b.data;
        this.symbols = b.symbols;
        this.size = b.size;
        this.wordCount = b.wordCount;
        this.firstSentenceEnd = b.firstSentenceEnd;
        this.tags = b.tags;
    }

    /**
     * Receives every word of a field, known or not: its span, its clause and its chars as {@link Vocabulary#pack}
     * packs them (0 when it cannot).
     */
    @FunctionalInterface
    interface WordSink {
        void word(int start, int end, int sentence, long packed);

        /**
         * A word with invisible characters inside it ({@code de\u200Blete}): its visible characters are the word;
         * the span still covers the invisible ones.
         */
        default void wordWithInvisible(int start, int end, int sentence) {
            word(start, end, sentence, 0);
        }

        /** Where the first sentence of prose ends (a period, '!', '?' or a line break), if it ends before the text. */
        default void firstSentenceEnd(int offset) {
        }

        /**
         * The ASCII characters other than letters and digits that prose holds (bit c of {@code low} for c below 64,
         * of {@code high} above), and those it holds directly before a letter or digit.
         */
        default void symbols(long low, long high, long lowBeforeWord, long highBeforeWord) {
        }
    }

    /**
     * The known tokens of an identifier such as {@code github.delete_repo}, {@code createOrUpdateFile},
     * {@code API-post-page} or {@code HTTPServerStart}: split at every non-alphanumeric character, at a
     * lower-to-upper case change, and before the last capital of a run of capitals followed by a lower-case
     * letter. Digits stay with the letters before them ({@code v2}, {@code erc20}).
     */
    public static Words ofIdentifier(String identifier, Vocabulary vocabulary) {
        var b = new Builder(identifier, vocabulary);
        b.nonAscii = cutIdentifier(identifier, b);
        return new Words(b);
    }

    /** All tokens of an identifier, lower-cased (for tests and messages). */
    public static List<String> tokens(String identifier) {
        List<String> out = new ArrayList<>();
        cutIdentifier(identifier, (start, end, sentence, packed) -> out.add(folded(identifier, start, end)));
        return out;
    }

    /** All words of prose, lower-cased (for tests and messages). */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        cutText(text, (start, end, sentence, packed) -> out.add(folded(text, start, end)));
        return out;
    }

    /** Receives the span of a token: {@code [start, end)} in UTF-16 offsets. */
    @FunctionalInterface
    public interface SpanSink {
        void span(int start, int end);
    }

    /** Reports the span of every token of an identifier, as {@link #ofIdentifier} cuts it, left to right. */
    public static void tokenSpans(String identifier, SpanSink sink) {
        cutIdentifier(identifier, (start, end, sentence, packed) -> sink.span(start, end));
    }

    /**
     * The next word of prose at or after {@code from}, packed as {@code start << 32 | end}, or -1 when its clause ends
     * first ({@code . ! ? ; : ,} or a line break, as {@link #ofText} cuts clauses) or the text does. Reads only as far
     * as that word.
     */
    public static long nextWordOfClause(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (isLetterOrDigit(text.charAt(i))
                        || text.charAt(i) == '\'' && i + 1 < n && isLetterOrDigit(text.charAt(i + 1)))) i++;
                return (long) start << 32 | i;
            }
            if (c < 128 && SENTENCE_END[c] && endsSentence(text, i)) return -1;
        }
        return -1;
    }

    /** Cuts an identifier into tokens; true when it has a character outside ASCII. */
    private static boolean cutIdentifier(String chars, WordSink sink) {
        int n = chars.length();
        int start = -1;
        boolean nonAscii = false;
        boolean invisible = false;
        // The token's lower-cased chars as Vocabulary.pack packs them, while it has only ASCII ones.
        long packed = 0;
        boolean wide = false;
        for (int i = 0; i < n; i++) {
            char c = chars.charAt(i);
            nonAscii |= c >= 128;
            if (!isLetterOrDigit(c)) {
                int width = c >= 128 && start >= 0 ? invisibleWidth(chars, i) : 0;
                if (width > 0) { // inside a token, an invisible character hides nothing: the token goes on
                    invisible = true;
                    i += width - 1;
                    continue;
                }
                if (start >= 0) token(chars, start, i, invisible, wide ? 0 : packed, sink);
                start = -1;
                invisible = false;
                continue;
            }
            if (start >= 0 && i > start && isBoundary(chars, i, c)) {
                token(chars, start, i, invisible, wide ? 0 : packed, sink);
                start = -1;
                invisible = false;
            }
            if (start < 0) {
                start = i;
                packed = 0;
                wide = false;
            }
            if (c < 128) packed = packed << 7 | ASCII_WORD_CHAR[c];
            else wide = true;
        }
        if (start >= 0) token(chars, start, n, invisible, wide ? 0 : packed, sink);
        return nonAscii;
    }

    /** {@code packed}: the token as {@link Vocabulary#pack} packs it if it can be packed, else 0. */
    private static void token(String chars, int start, int end, boolean invisible, long packed, WordSink sink) {
        if (!invisible) {
            sink.word(start, end, 0, end - start > Vocabulary.MAX_PACKED ? 0 : packed);
            return;
        }
        sink.wordWithInvisible(start, visibleEnd(chars, start, end), 0);
    }

    /** The end of {@code chars[start, end)} without the invisible characters it ends with. */
    private static int visibleEnd(String chars, int start, int end) {
        int visible = start + 1;
        for (int i = start + 1; i < end; i++) {
            int width = invisibleWidth(chars, i);
            if (width > 0) i += width - 1;
            else visible = i + 1;
        }
        return visible;
    }

    /**
     * How many chars the invisible character at {@code i} takes (a format character such as U+200B, or a tag
     * character, which is a surrogate pair), or 0 when the character there is visible.
     */
    static int invisibleWidth(String chars, int i) {
        char c = chars.charAt(i);
        if (c < '\u00AD') return 0;
        int cp = chars.codePointAt(i);
        return Character.getType(cp) == Character.FORMAT ? Character.charCount(cp) : 0;
    }

    private static boolean isBoundary(String s, int i, char c) {
        if (!Character.isUpperCase(c)) return false;
        // The char before, looking through invisible characters (which a token holds only after its first letter).
        int before = i - 1;
        while (before > 0) {
            if (invisibleWidth(s, before) > 0) before--;
            else if (Character.isLowSurrogate(s.charAt(before)) && invisibleWidth(s, before - 1) == 2) before -= 2;
            else break;
        }
        char prev = s.charAt(before);
        if (Character.isLowerCase(prev) || Character.isDigit(prev)) return true;
        // "HTTPServer": the boundary is before the 'S' that starts a capitalised word.
        return Character.isUpperCase(prev) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
    }

    /**
     * The known words of prose: runs of letters and digits, with an apostrophe inside a word kept
     * ({@code can't}). A clause (called sentence here) ends at {@code . ! ? ; ,}, at a colon or a line break,
     * so that a negation never reaches across into the next statement ("if it does not exist, create it").
     */
    public static Words ofText(String text, Vocabulary vocabulary) {
        var b = new Builder(text, vocabulary);
        b.nonAscii = cutText(text, b);
        return new Words(b);
    }

    /** Cuts prose into words; true when it has a character outside ASCII. */
    private static boolean cutText(String text, WordSink sink) {
        // One bulk copy, and then plain array reads: no index or encoding check per char.
        char[] chars = text.toCharArray();
        int n = chars.length;
        int sentence = 0;
        int start = -1;
        // The word's lower-cased chars, seven bits each (Vocabulary.pack), while it has only ASCII ones.
        long packed = 0;
        boolean wide = false;
        boolean nonAscii = false;
        boolean firstSentenceOpen = true;
        boolean invisible = false;
        long low = 0;
        long high = 0;
        long lowBeforeWord = 0;
        long highBeforeWord = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            int folded;
            if (c < 128) {
                folded = ASCII_WORD_CHAR[c]; // the lower-case char for letters and digits, 0 for the rest
            } else {
                nonAscii = true;
                folded = Character.isLetterOrDigit(c) ? Vocabulary.fold(c) : 0;
                wide |= folded >= 128;
                int width = folded == 0 && start >= 0 ? invisibleWidth(text, i) : 0;
                if (width > 0) { // inside a word, an invisible character hides nothing: the word goes on
                    invisible = true;
                    i += width - 1;
                    continue;
                }
            }
            if (folded != 0) {
                if (start < 0) {
                    start = i;
                    packed = 0;
                    wide = folded >= 128;
                    char before = i > 0 ? chars[i - 1] : ' ';
                    if (before < 64) lowBeforeWord |= 1L << before;
                    else if (before < 128) highBeforeWord |= 1L << before;
                }
                packed = packed << 7 | folded;
                // The rest of a run of ASCII letters and digits, most of prose, in a loop of its own.
                for (char next; i + 1 < n && (next = chars[i + 1]) < 128 && ASCII_WORD_CHAR[next] != 0; i++)
                    packed = packed << 7 | ASCII_WORD_CHAR[next];
                continue;
            }
            // Which symbols the text holds, so that a search for '<' or '~' need not read it again.
            if (c < 64) low |= 1L << c;
            else if (c < 128) high |= 1L << c;
            if ((c == '\'' || c == '\u2019') && start >= 0 && i + 1 < n && Character.isLetter(chars[i + 1])) {
                if (c == '\'') lowBeforeWord |= 1L << c;
                packed = packed << 7 | '\'';
                continue;
            }
            if (start >= 0) {
                if (invisible) sink.wordWithInvisible(start, visibleEnd(text, start, i), sentence);
                else sink.word(start, i, sentence, wide || i - start > Vocabulary.MAX_PACKED ? 0 : packed);
                start = -1;
                invisible = false;
            }
            if (c < 128 && SENTENCE_END[c] && endsSentence(chars, i)) {
                sentence++;
                if (firstSentenceOpen && c != ',' && c != ';' && c != ':') {
                    sink.firstSentenceEnd(i);
                    firstSentenceOpen = false;
                }
            }
        }
        if (start >= 0) {
            if (invisible) sink.wordWithInvisible(start, visibleEnd(text, start, n), sentence);
            else sink.word(start, n, sentence, wide || n - start > Vocabulary.MAX_PACKED ? 0 : packed);
        }
        sink.symbols(low, high, lowBeforeWord, highBeforeWord);
        return nonAscii;
    }

    private static boolean endsSentence(char[] chars, int i) {
        int n = chars.length;
        return endsSentence(chars[i], i + 1 < n ? chars[i + 1] : ' ', i >= 2 ? chars[i - 2] : ' ');
    }

    private static boolean endsSentence(String chars, int i) {
        int n = chars.length();
        return endsSentence(chars.charAt(i), i + 1 < n ? chars.charAt(i + 1) : ' ', i >= 2 ? chars.charAt(i - 2) : ' ');
    }

    /** {@code c} ends a clause, given the char after it (a space at the end) and the char two before it. */
    private static boolean endsSentence(char c, char next, char twoBefore) {
        return switch (c) {
            case '!', '?', ';', ':', ',', '\n' -> true;
            // "v1.2" and "e.g." do not end a sentence: a period followed by white space or the end does, unless
            // it closes an abbreviation of single letters.
            case '.' -> Character.isWhitespace(next) && twoBefore != '.';
            default -> false;
        };
    }

    private static final boolean[] ASCII_ALNUM = new boolean[128];
    private static final char[] ASCII_WORD_CHAR = new char[128];
    private static final boolean[] SENTENCE_END = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_WORD_CHAR[c] = Character.isLetterOrDigit(c) ? Vocabulary.fold(c) : 0;
        for (char c : new char[] {'!', '?', ';', ':', ',', '\n', '.'}) SENTENCE_END[c] = true;
        for (char c = '0'; c <= '9'; c++) ASCII_ALNUM[c] = true;
        for (char c = 'a'; c <= 'z'; c++) ASCII_ALNUM[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) ASCII_ALNUM[c] = true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_ALNUM[c] : Character.isLetterOrDigit(c);
    }

    /** The offset where the first sentence of prose ends: a period, '!', '?' or a line break; the length if none. */
    public int firstSentenceEnd() {
        return firstSentenceEnd;
    }

    /** How many known words were kept. */
    public int size() {
        return size;
    }

    /** How many words the field has, known or not. */
    public int wordCount() {
        return wordCount;
    }

    /** The vocabulary id of the known word at {@code index}. */
    public int id(int index) {
        return data[index * STRIDE + ID];
    }

    /** The position of the known word at {@code index} among all the words of the field (0 for the first). */
    public int position(int index) {
        return data[index * STRIDE + POSITION];
    }

    /** The UTF-16 offset in the field where the word at {@code index} starts. */
    public int start(int index) {
        return data[index * STRIDE + START];
    }

    /** The UTF-16 offset in the field just after the word at {@code index}. */
    public int end(int index) {
        return data[index * STRIDE + END];
    }

    /** The 0-based clause the word at {@code index} belongs to (always 0 for identifiers). */
    public int sentence(int index) {
        return data[index * STRIDE + SENTENCE];
    }

    /** The lower-cased known word at {@code index}. */
    public String word(int index) {
        return folded(source, start(index), end(index));
    }

    /**
     * False when the prose field certainly does not hold the ASCII character {@code c} (not a letter or digit),
     * so that a search for it can be skipped; always true for identifiers, whose symbols are not recorded.
     */
    public boolean mayHold(char c) {
        return symbols == null || c >= 128 || (symbols[c >>> 6] & (1L << c)) != 0;
    }

    /** Like {@link #mayHold}, for the symbol {@code c} directly followed by a letter or digit ("mcp.json", not "end."). */
    public boolean mayHoldBeforeAlphanumeric(char c) {
        return symbols == null || c >= 128 || (symbols[2 + (c >>> 6)] & (1L << c)) != 0;
    }

    /** The OR of the {@linkplain Vocabulary#tags tags} of the known words. */
    public long tags() {
        return tags;
    }

    /** True when the field has a character outside ASCII (only then can it hide invisible characters). */
    public boolean hasNonAscii() {
        return nonAscii;
    }

    /** The field text the words were cut from. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        var sb = new StringBuilder();
        for (int i = 0; i < size; i++) sb.append(i == 0 ? "" : " ").append(word(i));
        return sb.toString();
    }

    /** The lower-cased visible characters of {@code chars[start, end)}. */
    private static String folded(String chars, int start, int end) {
        String visible = visibleChars(chars, start, end);
        var sb = new StringBuilder(visible.length());
        for (int i = 0; i < visible.length(); i++) sb.append(Vocabulary.fold(visible.charAt(i)));
        return sb.toString();
    }

    /** {@code chars[start, end)} without its invisible characters: the word a reader sees. */
    private static String visibleChars(String chars, int start, int end) {
        var sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            int width = invisibleWidth(chars, i);
            if (width > 0) i += width - 1;
            else sb.append(chars.charAt(i));
        }
        return sb.toString();
    }

    private static final class Builder implements WordSink {
        final String source;
        private final Vocabulary vocabulary;
        boolean nonAscii;
        int[] data;
        int size;
        int wordCount;
        int firstSentenceEnd;
        long[] symbols;
        long tags;

        Builder(String source, Vocabulary vocabulary) {
            this.source = source;
            this.vocabulary = vocabulary;
            this.firstSentenceEnd = source.length();
            // About one known word in every twelve chars of prose: sized so that most fields never regrow.
            data = new int[STRIDE * Math.max(4, source.length() / 12)];
        }

        @Override
        public void firstSentenceEnd(int offset) {
            firstSentenceEnd = offset;
        }

        @Override
        public void symbols(long low, long high, long lowBeforeWord, long highBeforeWord) {
            symbols = new long[] {low, high, lowBeforeWord, highBeforeWord};
        }

        @Override
        public void word(int start, int end, int sentence, long packed) {
            add(start, end, sentence, packed != 0 ? vocabulary.idOfPacked(packed) : vocabulary.id(source, start, end));
        }

        @Override
        public void wordWithInvisible(int start, int end, int sentence) {
            String visible = visibleChars(source, start, end);
            add(start, end, sentence, vocabulary.id(visible, 0, visible.length()));
        }

        private void add(int start, int end, int sentence, int id) {
            int position = wordCount++;
            if (id == Vocabulary.UNKNOWN) return;
            tags |= vocabulary.tags(id);
            int at = size * STRIDE;
            if (at == data.length) data = Arrays.copyOf(data, 2 * data.length);
            data[at + ID] = id;
            data[at + POSITION] = position;
            data[at + START] = start;
            data[at + END] = end;
            data[at + SENTENCE] = sentence;
            size++;
        }
    }
}
