package io.toolrisk.classifier.text;

import java.util.Arrays;

/**
 * The words of one field, lower-cased, with their UTF-16 offsets in the field and the sentence each belongs
 * to. Two ways to cut a field into words: {@link #ofIdentifier} for names (snake_case, camelCase, kebab-case,
 * dots and other namespace separators) and {@link #ofText} for prose. Immutable after construction.
 */
public final class Words {
    private static final Words EMPTY = new Words("", new String[0], new int[0], new int[0], new int[0], 0);

    private final String source;
    private final String[] words;
    private final int[] starts;
    private final int[] ends;
    private final int[] sentences;
    private final int size;

    private Words(String source, String[] words, int[] starts, int[] ends, int[] sentences, int size) {
        this.source = source;
        this.words = words;
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
    public static Words ofIdentifier(String identifier) {
        if (identifier.isEmpty()) return EMPTY;
        var b = new Builder(identifier);
        int n = identifier.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (start >= 0) b.add(start, i, 0);
                start = -1;
                continue;
            }
            if (start >= 0 && i > start && isBoundary(identifier, i)) {
                b.add(start, i, 0);
                start = i;
            }
            if (start < 0) start = i;
        }
        if (start >= 0) b.add(start, n, 0);
        return b.build();
    }

    private static boolean isBoundary(String s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (Character.isUpperCase(c)) {
            if (Character.isLowerCase(prev) || Character.isDigit(prev)) return true;
            // "HTTPServer": the boundary is before the 'S' that starts a capitalised word.
            return Character.isUpperCase(prev) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        }
        return false;
    }

    /**
     * The words of prose: runs of letters and digits, with an apostrophe inside a word kept ({@code can't}).
     * A clause (called sentence here) ends at {@code . ! ? ; ,}, at a colon or a line break, so that a negation
     * never reaches across into the next statement ("if it does not exist, create it").
     */
    public static Words ofText(String text) {
        if (text.isEmpty()) return EMPTY;
        var b = new Builder(text);
        int n = text.length();
        int sentence = 0;
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) start = i;
                continue;
            }
            if ((c == '\'' || c == '\u2019') && start >= 0 && i + 1 < n && Character.isLetter(text.charAt(i + 1)))
                continue;
            if (start >= 0) {
                b.add(start, i, sentence);
                start = -1;
            }
            if (endsSentence(text, i)) sentence++;
        }
        if (start >= 0) b.add(start, n, sentence);
        return b.build();
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        return switch (c) {
            case '!', '?', ';', ':', ',', '\n' -> true;
            // "e.g." or "v1.2" do not end a sentence: only a period followed by white space or the end does.
            case '.' -> i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
            default -> false;
        };
    }

    public int size() {
        return size;
    }

    /** The lower-cased word at {@code index}. */
    public String word(int index) {
        return words[index];
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

    /** The field text the words were cut from. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return String.join(" ", Arrays.copyOf(words, size));
    }

    private static final class Builder {
        private final String source;
        private String[] words = new String[8];
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private int[] sentences = new int[8];
        private int size;

        Builder(String source) {
            this.source = source;
        }

        void add(int start, int end, int sentence) {
            if (size == words.length) {
                int capacity = size * 2;
                words = Arrays.copyOf(words, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                sentences = Arrays.copyOf(sentences, capacity);
            }
            words[size] = lowerCase(source, start, end);
            starts[size] = start;
            ends[size] = end;
            sentences[size] = sentence;
            size++;
        }

        /** Lower-cases char by char, so that a word keeps its length and offsets stay exact. */
        private static String lowerCase(String s, int start, int end) {
            boolean lower = true;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                if (c != Character.toLowerCase(c) || c == '\u2019') {
                    lower = false;
                    break;
                }
            }
            if (lower) return s.substring(start, end);
            char[] chars = new char[end - start];
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                chars[i - start] = c == '\u2019' ? '\'' : Character.toLowerCase(c);
            }
            return new String(chars);
        }

        Words build() {
            return size == 0 ? EMPTY : new Words(source, words, starts, ends, sentences, size);
        }
    }
}
