package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The cue words of one text field, in order: for each, the {@link Cue}s it is marked with, its position among
 * all the words of the field, its clause, and its span; and the literal cues (paths, URLs, commands) with their
 * spans. The detectors of tool poisoning read nothing else of a field but its characters around these. Built once
 * per field by the classifier; immutable once built.
 */
public final class CueText {
    private final String text;
    /** The text is known to hold only ASCII chars. */
    private final boolean ascii;
    private long[] cues;
    private int[] positions;
    private int[] clauses;
    private int[] starts;
    private int[] ends;
    private int size;
    private long[] literalCues = new long[0];
    private int[] literalStarts = new int[0];
    private int[] literalEnds = new int[0];
    private int literals;
    private long literalMask;
    private long all;
    private int[] bounds;
    private int[] sentenceOfWord;
    private long[] sentenceMasks;
    private byte[] ordered;
    private int focusFrom;
    private int focusTo = Integer.MAX_VALUE;
    private int[][] byCue;
    private int[] byCueCount;

    /**
     * An empty cue text over {@code text}, with room for {@code words} cue words; words and literals are added in
     * order of their start. {@code ascii}: the text is known to be all ASCII (then a search for a phrase looks for its
     * first char with {@link String#indexOf}: no other char can fold to it).
     */
    public CueText(String text, int words, boolean ascii) {
        this.text = text;
        this.ascii = ascii;
        int n = Math.max(1, words);
        cues = new long[n];
        positions = new int[n];
        clauses = new int[n];
        starts = new int[n];
        ends = new int[n];
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
        literalMask |= cue.bit();
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

    /** Whether the text is known to hold only ASCII chars. */
    boolean ascii() {
        return ascii;
    }

    /** How many cue words there are. */
    public int size() {
        return size;
    }

    /**
     * The indices of the cue words marked with a cue of {@code mask}, ascending. A detector visits only the words it
     * starts from, not every word of a long text: the words of each cue are listed once, when first asked for.
     */
    int[] wordsWith(long mask) {
        long bits = mask & all;
        if (bits == 0) return NO_WORDS;
        int from = focusFrom;
        int to = Math.min(focusTo, size);
        if (from >= to) return NO_WORDS;
        if (to - from <= Long.SIZE) {
            // few words: one pass, their matches as the bits of a long
            long found = 0;
            for (int i = from; i < to; i++) if ((cues[i] & bits) != 0) found |= 1L << (i - from);
            if (found == 0) return NO_WORDS;
            int[] out = new int[Long.bitCount(found)];
            int n = 0;
            for (long b = found; b != 0; b &= b - 1) out[n++] = from + Long.numberOfTrailingZeros(b);
            return out;
        }
        if (byCue == null) indexByCue();
        if (Long.bitCount(bits) == 1) {
            int cue = Long.numberOfTrailingZeros(bits);
            int[] list = byCue[cue];
            int count = byCueCount[cue]; // a cue of literals only has no list: count 0
            if (count == 0) return NO_WORDS;
            int lo = from == 0 ? 0 : firstAtOrAfter(list, count, from);
            int hi = to == size ? count : firstAtOrAfter(list, count, to);
            return lo < hi ? Arrays.copyOfRange(list, lo, hi) : NO_WORDS;
        }
        long[] marked = new long[((to - 1) >>> 6) + 1];
        int count = 0;
        for (long b = bits; b != 0; b &= b - 1) {
            int cue = Long.numberOfTrailingZeros(b);
            int[] list = byCue[cue];
            int n = byCueCount[cue];
            for (int k = from == 0 ? 0 : firstAtOrAfter(list, n, from); k < n; k++) {
                int i = list[k];
                if (i >= to) break;
                long bit = 1L << i;
                if ((marked[i >>> 6] & bit) == 0) {
                    marked[i >>> 6] |= bit;
                    count++;
                }
            }
        }
        if (count == 0) return NO_WORDS;
        int[] out = new int[count];
        int n = 0;
        for (int w = from >>> 6; w < marked.length; w++) {
            for (long b = marked[w]; b != 0; b &= b - 1) out[n++] = (w << 6) + Long.numberOfTrailingZeros(b);
        }
        return out;
    }

    private static final int[] NO_WORDS = new int[0];

    /** The index of the first of the {@code n} ascending, distinct {@code values} that is at least {@code value}. */
    private static int firstAtOrAfter(int[] values, int n, int value) {
        int i = Arrays.binarySearch(values, 0, n, value);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Restricts {@link #wordsWith} to the cue words {@code [from, to)}: a detector then starts only from the part of a
     * long text where the cues it needs stand together. {@code focus(0, Integer.MAX_VALUE)} lifts it.
     */
    void focus(int from, int to) {
        focusFrom = from;
        focusTo = to;
    }

    /** What {@code read} gives with the focus lifted while it reads; the focus is as it was afterwards. */
    <T> T unfocused(Supplier<T> read) {
        int from = focusFrom;
        int to = focusTo;
        focus(0, Integer.MAX_VALUE);
        try {
            return read.get();
        } finally {
            focus(from, to);
        }
    }

    /** The offset in the text where the cue words in focus begin (0 when none is). */
    int focusStart() {
        return focusFrom < size ? starts[Math.max(0, focusFrom)] : 0;
    }

    /** The offset in the text where the cue words in focus end (the text's length when none is). */
    int focusEnd() {
        int last = Math.min(focusTo, size) - 1;
        return last >= 0 && last >= focusFrom ? ends[last] : text.length();
    }

    /** Lists the cue words of each cue once, in order, for {@link #wordsWith}. */
    private void indexByCue() {
        byCue = new int[Long.SIZE][];
        byCueCount = new int[Long.SIZE];
        for (int i = 0; i < size; i++) {
            for (long b = cues[i]; b != 0; b &= b - 1) {
                int cue = Long.numberOfTrailingZeros(b);
                int[] list = byCue[cue];
                if (list == null) list = byCue[cue] = new int[4];
                else if (byCueCount[cue] == list.length) list = byCue[cue] = Arrays.copyOf(list, 2 * list.length);
                list[byCueCount[cue]++] = i;
            }
        }
    }

    /** Whether cue word {@code i} is an order ({@link Mood}): 1 yes, 0 no, -1 not decided yet. */
    int ordered(int i) {
        return ordered == null ? -1 : ordered[i] - 1;
    }

    void ordered(int i, boolean value) {
        if (ordered == null) ordered = new byte[size];
        ordered[i] = (byte) (value ? 2 : 1);
    }

    /** The cues of all the words and literals of the field, as one mask. */
    public long mask() {
        return all;
    }

    /** The first cue word that starts at or after {@code offset}; {@link #size()} when there is none. */
    int firstAt(int offset) {
        int i = Arrays.binarySearch(starts, 0, size, offset);
        if (i >= 0) return i;
        return -i - 1;
    }

    /**
     * True when {@code text[from, to)} holds {@code needle} (lower-case) in any case. Reads at most
     * {@link #WINDOW} characters, so that a detector never reads a whole long text twice.
     */
    boolean contains(int from, int to, String needle) {
        int end = Math.min(Math.min(to, text.length()), from + WINDOW) - needle.length();
        if (needle.isEmpty()) return Math.max(0, from) <= end;
        // Only where the first char could match, in either case, is the rest compared (a char outside ASCII may fold
        // to an ASCII one: it is compared).
        char first = needle.charAt(0);
        char lower = Character.toLowerCase(first);
        char upper = Character.toUpperCase(first);
        boolean ascii = first < 128;
        if (ascii && (this.ascii || !holdsCharFoldingToAscii())) return containsAscii(Math.max(0, from), end, needle, lower, upper);
        for (int k = Math.max(0, from); k <= end; k++) {
            char c = text.charAt(k);
            if (ascii && c < 128 && c != lower && c != upper) continue;
            if (text.regionMatches(true, k, needle, 0, needle.length())) return true;
        }
        return false;
    }

    /** 1 when the text holds a char outside ASCII that folds to an ASCII letter, 0 when not, -1 before it is looked for. */
    private byte foldsToAscii = -1;

    /**
     * True when the text holds one of the four chars outside ASCII that {@link String#regionMatches(boolean, int,
     * String, int, int)} takes for an ASCII letter: U+0130 and U+0131 (i), U+017F (s), U+212A (k). Without them, a
     * phrase starting with an ASCII char can only start where that char stands, in one case or the other.
     */
    private boolean holdsCharFoldingToAscii() {
        if (foldsToAscii < 0) {
            boolean holds = false;
            for (char c : FOLDING_TO_ASCII) holds |= text.indexOf(c) >= 0;
            foldsToAscii = (byte) (holds ? 1 : 0);
        }
        return foldsToAscii == 1;
    }

    private static final char[] FOLDING_TO_ASCII = {'\u0130', '\u0131', '\u017F', '\u212A'};

    /**
     * {@link #contains} in text without a char outside ASCII that folds to an ASCII one, for a needle whose first char is ASCII ({@code lower} and {@code upper} in its two
     * cases): that char found with {@link String#indexOf} in each case, the rest compared only there, for a start from
     * {@code from} to {@code last}.
     */
    private boolean containsAscii(int from, int last, String needle, char lower, char upper) {
        if (from > last) return false;
        int bound = last + 1;
        int atLower = text.indexOf(lower, from, bound);
        int atUpper = upper == lower ? -1 : text.indexOf(upper, from, bound);
        while (atLower >= 0 || atUpper >= 0) {
            int k;
            if (atUpper < 0 || atLower >= 0 && atLower < atUpper) {
                k = atLower;
                atLower = text.indexOf(lower, k + 1, bound);
            } else {
                k = atUpper;
                atUpper = text.indexOf(upper, k + 1, bound);
            }
            if (text.regionMatches(true, k, needle, 0, needle.length())) return true;
        }
        return false;
    }

    /** Where {@code needle} first starts in {@code text} at or after {@code from}, ending by {@code to}; -1 when nowhere. */
    static int indexWithin(String text, String needle, int from, int to) {
        int begin = Math.max(0, from);
        int end = Math.min(to, text.length());
        return begin > end ? -1 : text.indexOf(needle, begin, end);
    }

    /** How far a detector reads around a cue: a sentence of a definition is rarely longer. */
    static final int WINDOW = 400;

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
        return text.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** True when cue word {@code i} is {@code word} (ignoring case). */
    boolean isWord(int i, String word) {
        return ends[i] - starts[i] == word.length() && text.regionMatches(true, starts[i], word, 0, word.length());
    }

    public int literals() {
        return literals;
    }

    /** True when some literal of the field is marked with a cue of {@code mask}. */
    boolean hasLiteral(long mask) {
        return (literalMask & mask) != 0;
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
            if ((cues[j] & mask) != 0) return clauses[j] == clauses[i] || sameSentence(ends[i], starts[j]) ? j : -1;
        }
        return -1;
    }

    /** Like {@link #next}, looking back from {@code i}. */
    int previous(int i, long mask, int maxWords) {
        for (int j = i - 1; j >= 0 && positions[i] - positions[j] <= maxWords; j--) {
            if ((cues[j] & mask) != 0) return clauses[j] == clauses[i] || sameSentence(ends[j], starts[i]) ? j : -1;
        }
        return -1;
    }

    /** The first cue word marked with {@code mask} in the sentence of cue word {@code i}, after it; -1 when none. */
    int nextInSentence(int i, long mask) {
        if ((all & mask) == 0) return -1; // no such word in the whole text: its sentences need not be cut
        int sentence = sentenceOf(i);
        if ((sentenceMasks[sentence] & mask) == 0) return -1;
        int end = bounds[sentence + 1];
        for (int j = i + 1; j < size && starts[j] < end; j++) {
            if ((cues[j] & mask) != 0) return j;
        }
        return -1;
    }

    /** The first cue word marked with {@code mask} in the sentence of cue word {@code i}, before it; -1 when none. */
    int previousInSentence(int i, long mask) {
        if ((all & mask) == 0) return -1;
        int sentence = sentenceOf(i);
        if ((sentenceMasks[sentence] & mask) == 0) return -1;
        int start = bounds[sentence];
        for (int j = i - 1; j >= 0 && starts[j] >= start; j--) {
            if ((cues[j] & mask) != 0) return j;
        }
        return -1;
    }

    /** True when a cue word other than {@code i} marked with {@code mask} stands in the sentence of cue word {@code i}. */
    boolean inSentence(int i, long mask) {
        if ((all & mask) == 0) return false;
        int sentence = sentenceOf(i);
        if ((sentenceMasks[sentence] & mask) == 0) return false;
        return previousInSentence(i, mask) >= 0 || nextInSentence(i, mask) >= 0;
    }

    /** The first literal marked with {@code mask} in the sentence of cue word {@code i}; -1 when none. */
    int literalInSentence(int i, long mask) {
        if (literals == 0 || (all & mask) == 0) return -1;
        int sentence = sentenceOf(i);
        int from = bounds[sentence];
        int to = bounds[sentence + 1];
        for (int l = 0; l < literals; l++) {
            if ((literalCues[l] & mask) != 0 && literalStarts[l] >= from && literalEnds[l] <= to) return l;
        }
        return -1;
    }

    /** True when no sentence ends between the offsets {@code from} and {@code to}. */
    boolean sameSentence(int from, int to) {
        if (to <= from) return true;
        int sentence = sentenceAt(from);
        return to <= bounds[sentence + 1];
    }

    /** The offset where the sentence holding {@code offset} starts. */
    int sentenceStart(int offset) {
        int sentence = sentenceAt(offset);
        return bounds[sentence];
    }

    /** The offset just after the sentence holding {@code offset}. */
    int sentenceEnd(int offset) {
        int sentence = sentenceAt(Math.min(offset, text.length() - 1));
        return bounds[sentence + 1];
    }

    private int sentenceOf(int i) {
        sentences();
        return sentenceOfWord[i];
    }

    /** The index of the sentence holding {@code offset}. */
    private int sentenceAt(int offset) {
        sentences();
        // Detectors ask about the same sentence several times in a row.
        int last = lastSentence;
        if (bounds[last] <= offset && offset < bounds[last + 1]) return last;
        int i = Arrays.binarySearch(bounds, offset);
        int k = Math.clamp(i >= 0 ? i : -i - 2, 0, bounds.length - 2);
        lastSentence = k;
        return k;
    }

    /** The sentence {@link #sentenceAt} found last. */
    private int lastSentence;

    /**
     * Cuts the text into sentences once, when a detector first asks: at '.', '!' or '?' before white space and at
     * line breaks, and, in a stretch without any, every {@link #WINDOW} characters (a page of XML without full stops
     * is read as a series of sentences, not as one). Then notes each cue word's sentence and each sentence's cues.
     */
    private void sentences() {
        if (bounds != null) return;
        int[] ends = new int[8];
        int n = 0;
        // Only the four characters that can end a sentence are looked at, each found with indexOf.
        for (char c : SENTENCE_ENDS) {
            for (int k = text.indexOf(c); k >= 0; k = text.indexOf(c, k + 1)) {
                if (!endsSentence(k)) continue;
                if (n == ends.length) ends = Arrays.copyOf(ends, 2 * n);
                ends[n++] = k + 1;
            }
        }
        Arrays.sort(ends, 0, n);
        int[] cut = new int[n + 2 + text.length() / WINDOW];
        int m = 0;
        cut[m++] = 0;
        for (int e = 0; e <= n; e++) {
            int end = e < n ? ends[e] : text.length();
            while (end - cut[m - 1] > WINDOW) {
                cut[m] = cut[m - 1] + WINDOW;
                m++;
            }
            if (end > cut[m - 1]) cut[m++] = end;
        }
        if (m == 1) cut[m++] = text.length();
        bounds = Arrays.copyOf(cut, m);
        sentenceOfWord = new int[size];
        sentenceMasks = new long[m - 1];
        int sentence = 0;
        for (int i = 0; i < size; i++) {
            while (sentence < m - 2 && starts[i] >= bounds[sentence + 1]) sentence++;
            sentenceOfWord[i] = sentence;
            sentenceMasks[sentence] |= cues[i];
        }
    }

    private static final char[] SENTENCE_ENDS = {'.', '\n', '!', '?'};

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
        boolean newline = false;
        for (int k = offset - 1; k >= 0; k--) {
            char c = text.charAt(k);
            // A blank line before: a new paragraph ("# Status: archived\n\nUse ...").
            if (c == '\n') {
                if (newline) return true;
                newline = true;
                continue;
            }
            if (Character.isWhitespace(c) || "`\"'([*\u201c\u2018".indexOf(c) >= 0) continue;
            if (c == '-' || c == '#' || c == '>' || c == '\u2014' || c == '\u2013') return k == 0 || text.charAt(k - 1) != c && !Character.isLetterOrDigit(text.charAt(k - 1));
            // An arrow ("OBSOLETE → use ...") opens a clause as a colon does.
            return ".,:;!?)]\u2192\u21d2\u27f6".indexOf(c) >= 0;
        }
        return true;
    }

    /** The word just before cue word {@code i} in the field (any word, known or not), lower-cased; "" at the start. */
    String wordBefore(int i) {
        return wordBeforeOffset(starts[i]);
    }

    /** Where the word that {@link #wordBeforeOffset} reads from {@code offset} starts. */
    int startOfWordBefore(int offset) {
        int k = Math.min(offset, text.length()) - 1;
        while (k >= 0 && text.charAt(k) == ' ') k--;
        while (k >= 0 && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '\'' || text.charAt(k) == '\u2019')) k--;
        return k + 1;
    }

    /** The word ending before {@code offset}, skipping white space only; "" when punctuation or the start comes first. */
    String wordBeforeOffset(int offset) {
        int end = offset;
        while (end > 0 && text.charAt(end - 1) == ' ') end--;
        return text.substring(startOfWordBefore(end), end).toLowerCase(Locale.ROOT);
    }

    /** Where the word that {@link #wordAfter} reads from {@code offset} ends ({@code offset} past the spaces when there is none). */
    int endOfWordAfter(int offset) {
        int k = Math.max(0, offset);
        while (k < text.length() && text.charAt(k) == ' ') k++;
        while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '\'')) k++;
        return k;
    }

    /** True when one of the {@code count} words after {@code offset} (as {@link #wordAfter} reads them) is one of {@code words}. */
    boolean anyWithin(int offset, int count, Set<String> words) {
        int k = offset;
        for (int w = 0; w < count; w++) {
            String word = wordAfter(k);
            if (word.isEmpty()) return false;
            if (words.contains(word)) return true;
            k = endOfWordAfter(k);
        }
        return false;
    }

    /** The word starting after {@code offset}, skipping white space only; "" when punctuation or the end comes first. */
    String wordAfter(int offset) {
        int start = offset;
        while (start < text.length() && text.charAt(start) == ' ') start++;
        return text.substring(start, endOfWordAfter(start)).toLowerCase(Locale.ROOT);
    }
}
