package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

import java.util.Arrays;

/**
 * The cue words of one text field, in order: for each, the {@link Cue}s it is marked with, its position among
 * all the words of the field, its clause, and its span; and the literal cues (paths, URLs, commands) with their
 * spans. The detectors of tool poisoning read nothing else of a field but its characters around these. Built once
 * per field by the classifier; immutable once built.
 */
public final class CueText {
    private final String text;
    private long[] cues = new long[8];
    private int[] positions = new int[8];
    private int[] clauses = new int[8];
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int size;
    private long[] literalCues = new long[0];
    private int[] literalStarts = new int[0];
    private int[] literalEnds = new int[0];
    private int literals;
    private long all;

    /** An empty cue text over {@code text}; words and literals are added in order of their start. */
    public CueText(String text) {
        this.text = text;
    }

    /** Adds a cue word; words come in field order. */
    public void addWord(long cueMask, int position, int clause, int start, int end) {
        if (size == cues.length) grow();
        cues[size] = cueMask;
        positions[size] = position;
        clauses[size] = clause;
        starts[size] = start;
        ends[size] = end;
        size++;
        all |= cueMask;
    }

    /** Adds a literal cue ({@code ~/.ssh}, {@code | sh}, {@code https://}); literals may come in any order. */
    public void addLiteral(Cue cue, int start, int end) {
        if (literals == literalCues.length) {
            int n = Math.max(4, 2 * literals);
            literalCues = Arrays.copyOf(literalCues, n);
            literalStarts = Arrays.copyOf(literalStarts, n);
            literalEnds = Arrays.copyOf(literalEnds, n);
        }
        literalCues[literals] = cue.bit();
        literalStarts[literals] = start;
        literalEnds[literals] = end;
        literals++;
        all |= cue.bit();
    }

    private void grow() {
        int n = 2 * cues.length;
        cues = Arrays.copyOf(cues, n);
        positions = Arrays.copyOf(positions, n);
        clauses = Arrays.copyOf(clauses, n);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
    }

    /** The field's characters. */
    public String text() {
        return text;
    }

    /** How many cue words there are. */
    public int size() {
        return size;
    }

    /** True when some word or literal of the field is marked with every cue of {@code mask}. */
    public boolean hasAll(long mask) {
        return (all & mask) == mask;
    }

    /** True when some word or literal of the field is marked with a cue of {@code mask}. */
    public boolean hasAny(long mask) {
        return (all & mask) != 0;
    }

    /** True when cue word {@code i} is marked with a cue of {@code mask}. */
    public boolean is(int i, long mask) {
        return (cues[i] & mask) != 0;
    }

    public int position(int i) {
        return positions[i];
    }

    public int clause(int i) {
        return clauses[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** The lower-cased cue word {@code i}, for the few checks that depend on the word itself. */
    String word(int i) {
        return text.substring(starts[i], ends[i]).toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
    }

    /** True when cue word {@code i} is {@code word} (ignoring case). */
    boolean isWord(int i, String word) {
        return ends[i] - starts[i] == word.length() && text.regionMatches(true, starts[i], word, 0, word.length());
    }

    public int literals() {
        return literals;
    }

    public boolean literalIs(int l, long mask) {
        return (literalCues[l] & mask) != 0;
    }

    public int literalStart(int l) {
        return literalStarts[l];
    }

    public int literalEnd(int l) {
        return literalEnds[l];
    }

    /**
     * The first cue word after {@code i} marked with a cue of {@code mask}, at most {@code maxWords} words further
     * and in the same sentence; -1 when there is none.
     */
    int next(int i, long mask, int maxWords) {
        for (int j = i + 1; j < size && positions[j] - positions[i] <= maxWords; j++) {
            if ((cues[j] & mask) != 0) return sameSentence(ends[i], starts[j]) ? j : -1;
        }
        return -1;
    }

    /** Like {@link #next}, looking back from {@code i}. */
    int previous(int i, long mask, int maxWords) {
        for (int j = i - 1; j >= 0 && positions[i] - positions[j] <= maxWords; j--) {
            if ((cues[j] & mask) != 0) return sameSentence(ends[j], starts[i]) ? j : -1;
        }
        return -1;
    }

    /** The first cue word marked with {@code mask} in the sentence of cue word {@code i}, after it; -1 when none. */
    int nextInSentence(int i, long mask) {
        int end = sentenceEnd(ends[i]);
        for (int j = i + 1; j < size && starts[j] < end; j++) {
            if ((cues[j] & mask) != 0) return j;
        }
        return -1;
    }

    /** The first cue word marked with {@code mask} in the sentence of cue word {@code i}, before it; -1 when none. */
    int previousInSentence(int i, long mask) {
        int start = sentenceStart(starts[i]);
        for (int j = i - 1; j >= 0 && starts[j] >= start; j--) {
            if ((cues[j] & mask) != 0) return j;
        }
        return -1;
    }

    /** True when a cue word marked with {@code mask} stands in the sentence of cue word {@code i}. */
    boolean inSentence(int i, long mask) {
        return previousInSentence(i, mask) >= 0 || nextInSentence(i, mask) >= 0;
    }

    /** The first literal marked with {@code mask} in the sentence of cue word {@code i}; -1 when none. */
    int literalInSentence(int i, long mask) {
        int from = sentenceStart(starts[i]);
        int to = sentenceEnd(ends[i]);
        for (int l = 0; l < literals; l++) {
            if ((literalCues[l] & mask) != 0 && literalStarts[l] >= from && literalEnds[l] <= to) return l;
        }
        return -1;
    }

    /** True when no sentence ends between the offsets {@code from} and {@code to}. */
    boolean sameSentence(int from, int to) {
        for (int k = from; k < to; k++) {
            if (endsSentence(k)) return false;
        }
        return true;
    }

    /** The offset where the sentence holding {@code offset} starts. */
    int sentenceStart(int offset) {
        for (int k = offset - 1; k >= 0; k--) {
            if (endsSentence(k)) return k + 1;
        }
        return 0;
    }

    /** The offset just after the sentence holding {@code offset}. */
    int sentenceEnd(int offset) {
        for (int k = offset; k < text.length(); k++) {
            if (endsSentence(k)) return k + 1;
        }
        return text.length();
    }

    /**
     * A sentence ends at a line break, and at '.', '!' or '?' followed by white space or the end ("v1.2",
     * "e.g." and "example.com" do not end one).
     */
    private boolean endsSentence(int k) {
        char c = text.charAt(k);
        if (c == '\n') return !continuesOnNextLine(k);
        if (c != '.' && c != '!' && c != '?') return false;
        if (k >= 2 && text.charAt(k - 2) == '.') return false;
        int next = k + 1;
        while (next < text.length() && "*_)\"'`]".indexOf(text.charAt(next)) >= 0) next++; // "cannot show.** Next"
        return next == text.length() || Character.isWhitespace(text.charAt(next));
    }

    /** A line that goes on in lower case continues the sentence of the line before (text wrapped by hand). */
    private boolean continuesOnNextLine(int newline) {
        for (int k = newline + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == ' ' || c == '\t') continue;
            return Character.isLowerCase(c);
        }
        return false;
    }

    /**
     * True when cue word {@code i} is glued to an identifier ({@code set_mode}, {@code add_ssh_key},
     * {@code pip_install}, {@code get.sentry}): a name, not a word of the sentence.
     */
    boolean inIdentifier(int i) {
        int s = starts[i];
        int e = ends[i];
        return s > 0 && isGlue(text.charAt(s - 1)) && s > 1 && Character.isLetterOrDigit(text.charAt(s - 2))
                || e < text.length() - 1 && isGlue(text.charAt(e)) && Character.isLetterOrDigit(text.charAt(e + 1));
    }

    private static boolean isGlue(char c) {
        return c == '_' || c == '.' || c == '/' || c == '-';
    }

    /** True when cue word {@code i} is the first word of its clause. */
    boolean startsClause(int i) {
        return startsClauseAt(starts[i]);
    }

    /**
     * True when a clause starts at {@code offset}: after the start, a line start or bullet, '.', ',', ':', ';', a
     * closing bracket or a dash between spaces. Quotes, backticks and emphasis are looked through.
     */
    boolean startsClauseAt(int offset) {
        for (int k = offset - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (Character.isWhitespace(c) || "`\"'([*\u201c\u2018".indexOf(c) >= 0) continue;
            if (c == '-' || c == '#' || c == '>' || c == '\u2014' || c == '\u2013') return k == 0 || text.charAt(k - 1) != c && !Character.isLetterOrDigit(text.charAt(k - 1));
            return ".,:;!?)]".indexOf(c) >= 0;
        }
        return true;
    }

    /** The word just before cue word {@code i} in the field (any word, known or not), lower-cased; "" at the start. */
    String wordBefore(int i) {
        return wordBeforeOffset(starts[i]);
    }

    /** The word ending before {@code offset}, skipping white space only; "" when punctuation or the start comes first. */
    String wordBeforeOffset(int offset) {
        int k = offset - 1;
        while (k >= 0 && text.charAt(k) == ' ') k--;
        int end = k + 1;
        while (k >= 0 && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '\'' || text.charAt(k) == '\u2019')) k--;
        return text.substring(k + 1, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** The word starting after {@code offset}, skipping white space only; "" when punctuation or the end comes first. */
    String wordAfter(int offset) {
        int k = offset;
        while (k < text.length() && text.charAt(k) == ' ') k++;
        int start = k;
        while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '\'')) k++;
        return text.substring(start, k).toLowerCase(java.util.Locale.ROOT);
    }
}
