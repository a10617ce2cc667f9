package io.toolrisk.classifier.text;

import java.util.Arrays;

/**
 * The words of one field with their UTF-16 offsets in the field, the clause each belongs to, and each word's
 * id in a {@link Vocabulary} ({@link Vocabulary#UNKNOWN} for words no rule knows). Two ways to cut a field
 * into words: {@link #ofIdentifier} for names (snake_case, camelCase, kebab-case, dots and other namespace
 * separators) and {@link #ofText} for prose. Immutable after construction.
 */
public final class Words {
    private final String source;
    private final char[] chars;
    private final char maxChar;
    private final int[] ids;
    private final int[] starts;
    private final int[] ends;
    private final int[] sentences;
    private final int size;

    private Words(String source, char[] chars, int[] ids, int[] starts, int[] ends, int[] sentences, int size) {
        this.source = source;
        this.chars = chars;
        char max = 0;
        for (char c : chars) max = c > max ? c : max;
        this.maxChar = max;
        this.ids = ids;
        this.starts = starts;
        this.ends = ends;
        this.sentences = sentences;
        this.size = size;
    }

    /**
     * The tokens of an identifier such as {@code github.delete_repo}, {@code createOrUpdateFile},
     * {@code API-post-page} or {@code HTTPServerStart}: split at every non-alphanumeric character, at a
     * lower-to-upper case change, and before the last capital of a run of capitals followed by a lower-case
     * letter. Digits stay with the letters before them ({@code v2}, {@code erc20}).
     */
    public static Words ofIdentifier(String identifier, Vocabulary vocabulary) {
        var b = new Builder(identifier, vocabulary);
        char[] chars = b.chars;
        int n = chars.length;
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (!isLetterOrDigit(c)) {
                if (start >= 0) b.add(start, i, 0);
                start = -1;
                continue;
            }
            if (start >= 0 && i > start && isBoundary(chars, i)) {
                b.add(start, i, 0);
                start = i;
            }
            if (start < 0) start = i;
        }
        if (start >= 0) b.add(start, n, 0);
        return b.build();
    }

    private static boolean isBoundary(char[] s, int i) {
        char prev = s[i - 1];
        char c = s[i];
        if (Character.isUpperCase(c)) {
            if (Character.isLowerCase(prev) || Character.isDigit(prev)) return true;
            // "HTTPServer": the boundary is before the 'S' that starts a capitalised word.
            return Character.isUpperCase(prev) && i + 1 < s.length && Character.isLowerCase(s[i + 1]);
        }
        return false;
    }

    /**
     * The words of prose: runs of letters and digits, with an apostrophe inside a word kept ({@code can't}).
     * A clause (called sentence here) ends at {@code . ! ? ; ,}, at a colon or a line break, so that a negation
     * never reaches across into the next statement ("if it does not exist, create it").
     */
    public static Words ofText(String text, Vocabulary vocabulary) {
        var b = new Builder(text, vocabulary);
        char[] chars = b.chars;
        int n = chars.length;
        int sentence = 0;
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (isLetterOrDigit(c)) {
                if (start < 0) start = i;
                continue;
            }
            if ((c == '\'' || c == '\u2019') && start >= 0 && i + 1 < n && Character.isLetter(chars[i + 1]))
                continue;
            if (start >= 0) {
                b.add(start, i, sentence);
                start = -1;
            }
            if (endsSentence(chars, i)) sentence++;
        }
        if (start >= 0) b.add(start, n, sentence);
        return b.build();
    }

    private static boolean endsSentence(char[] chars, int i) {
        return switch (chars[i]) {
            case '!', '?', ';', ':', ',', '\n' -> true;
            // "v1.2" and "e.g." do not end a sentence: a period followed by white space or the end does, unless
            // it closes an abbreviation of single letters.
            case '.' -> (i + 1 == chars.length || Character.isWhitespace(chars[i + 1])) && !(i >= 2 && chars[i - 2] == '.');
            default -> false;
        };
    }

    private static final boolean[] ASCII_ALNUM = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) ASCII_ALNUM[c] = true;
        for (char c = 'a'; c <= 'z'; c++) ASCII_ALNUM[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) ASCII_ALNUM[c] = true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_ALNUM[c] : Character.isLetterOrDigit(c);
    }

    public int size() {
        return size;
    }

    /** The vocabulary id of the word at {@code index}, or {@link Vocabulary#UNKNOWN}. */
    public int id(int index) {
        return ids[index];
    }

    /** The lower-cased word at {@code index} (allocates; for messages and tests). */
    public String word(int index) {
        var sb = new StringBuilder(ends[index] - starts[index]);
        for (int i = starts[index]; i < ends[index]; i++) sb.append(Vocabulary.fold(source.charAt(i)));
        return sb.toString();
    }

    /** The UTF-16 offset in the field where the word at {@code index} starts. */
    public int start(int index) {
        return starts[index];
    }

    /** The UTF-16 offset in the field just after the word at {@code index}. */
    public int end(int index) {
        return ends[index];
    }

    /** The 0-based sentence the word at {@code index} belongs to (always 0 for identifiers). */
    public int sentence(int index) {
        return sentences[index];
    }

    /** The highest char of the field: below U+00AD there is nothing invisible to look for. */
    public char maxChar() {
        return maxChar;
    }

    /** The field's chars; shared, not to be changed. */
    char[] chars() {
        return chars;
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

    private static final class Builder {
        private final String source;
        final char[] chars;
        private final Vocabulary vocabulary;
        private int[] ids = new int[8];
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private int[] sentences = new int[8];
        private int size;

        Builder(String source, Vocabulary vocabulary) {
            this.source = source;
            this.chars = source.toCharArray();
            this.vocabulary = vocabulary;
        }

        void add(int start, int end, int sentence) {
            if (size == ids.length) {
                int capacity = size * 2;
                ids = Arrays.copyOf(ids, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                sentences = Arrays.copyOf(sentences, capacity);
            }
            ids[size] = vocabulary.id(chars, start, end);
            starts[size] = start;
            ends[size] = end;
            sentences[size] = sentence;
            size++;
        }

        Words build() {
            return new Words(source, chars, ids, starts, ends, sentences, size);
        }
    }
}
