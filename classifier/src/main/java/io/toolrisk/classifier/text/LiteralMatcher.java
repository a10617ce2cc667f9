package io.toolrisk.classifier.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds many ASCII literals in a text at once, ignoring ASCII case: an Aho–Corasick automaton compiled into a
 * dense transition table, one table look-up per character, however many literals there are. For strings that
 * are not words ({@code ~/.ssh}, {@code id_rsa}). When every literal holds a character that is not a letter or
 * digit (its anchor: {@code ~ / _ .}), the automaton reads only the stretches of text around the anchors that
 * are followed as in a literal, found with {@link String#indexOf(int, int)}; prose has few of them, so most
 * of a description is never looked at twice. Immutable and thread-safe.
 */
public final class LiteralMatcher {
    /** Receives each match: the payload given with the literal and the UTF-16 span {@code [start, end)}. */
    @FunctionalInterface
    public interface Sink {
        void match(int payload, int start, int end);
    }

    private static final int ASCII = 128;

    private final int[] classOf = new int[ASCII];
    private final int classes;
    private final int[] next;
    /** Per state: pairs of (payload, literal length) that end there, fail-link outputs included. */
    private final int[][] outputs;
    /** The distinct anchor characters, or null when some literal has none (then the whole text is read). */
    private final char[] anchors;
    /** Per anchor (same index): which ASCII chars may follow it in a literal; null when it may end one. */
    private final boolean[][] follows;
    /** Per anchor: true when only letters and digits follow it in the literals (as '.' in "mcp.json"). */
    private final boolean[] beforeAlphanumeric;
    /** Per anchor: how many chars of a literal may stand before it, and from it on. */
    private final int[] before;
    private final int[] from;

    private LiteralMatcher(List<String> literals, List<Integer> payloads) {
        int k = 1; // class 0: any character that appears in no literal
        for (String literal : literals) {
            for (char c : literal.toCharArray()) {
                if (c >= ASCII) throw new IllegalArgumentException("literal '%s' is not ASCII".formatted(literal));
                char lower = Character.toLowerCase(c);
                if (classOf[lower] == 0) classOf[lower] = k++;
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) classOf[c] = classOf[Character.toLowerCase(c)];
        classes = k;
        List<int[]> trie = new ArrayList<>();
        List<List<int[]>> out = new ArrayList<>();
        trie.add(new int[classes]);
        out.add(new ArrayList<>());
        for (int i = 0; i < literals.size(); i++) {
            int state = 0;
            for (char c : literals.get(i).toCharArray()) {
                int cls = classOf[c];
                if (trie.get(state)[cls] == 0) {
                    trie.add(new int[classes]);
                    out.add(new ArrayList<>());
                    trie.get(state)[cls] = trie.size() - 1;
                }
                state = trie.get(state)[cls];
            }
            out.get(state).add(new int[] {payloads.get(i), literals.get(i).length()});
        }
        int states = trie.size();
        next = new int[states * classes];
        int[] fail = new int[states];
        var queue = new ArrayDeque<Integer>();
        for (int cls = 1; cls < classes; cls++) {
            int child = trie.get(0)[cls];
            next[cls] = child;
            if (child != 0) queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out.get(state).addAll(out.get(fail[state]));
            for (int cls = 1; cls < classes; cls++) {
                int child = trie.get(state)[cls];
                if (child != 0) {
                    fail[child] = next[fail[state] * classes + cls];
                    next[state * classes + cls] = child;
                    queue.add(child);
                } else {
                    next[state * classes + cls] = next[fail[state] * classes + cls];
                }
            }
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            int[] flat = new int[out.get(s).size() * 2];
            for (int j = 0; j < out.get(s).size(); j++) {
                flat[2 * j] = out.get(s).get(j)[0];
                flat[2 * j + 1] = out.get(s).get(j)[1];
            }
            outputs[s] = flat;
        }
        char[] anchorOf = new char[literals.size()];
        boolean everyLiteralAnchored = true;
        for (int i = 0; i < literals.size(); i++) {
            int at = anchorIndex(literals.get(i));
            if (at < 0) everyLiteralAnchored = false;
            else anchorOf[i] = literals.get(i).charAt(at);
        }
        if (!everyLiteralAnchored) {
            anchors = null;
            follows = null;
            beforeAlphanumeric = null;
            before = from = null;
            return;
        }
        StringBuilder distinct = new StringBuilder();
        for (char a : anchorOf) {
            if (distinct.indexOf(String.valueOf(a)) < 0) distinct.append(a);
        }
        anchors = distinct.toString().toCharArray();
        follows = new boolean[anchors.length][];
        before = new int[anchors.length];
        from = new int[anchors.length];
        boolean[] endsLiteral = new boolean[anchors.length];
        for (int a = 0; a < anchors.length; a++) follows[a] = new boolean[ASCII];
        for (int i = 0; i < literals.size(); i++) {
            String literal = literals.get(i);
            int at = anchorIndex(literal);
            int a = distinct.indexOf(String.valueOf(anchorOf[i]));
            before[a] = Math.max(before[a], at);
            from[a] = Math.max(from[a], literal.length() - at);
            if (at + 1 == literal.length()) {
                endsLiteral[a] = true;
            } else {
                char next = literal.charAt(at + 1);
                follows[a][Character.toLowerCase(next)] = true;
                follows[a][Character.toUpperCase(next)] = true;
            }
        }
        beforeAlphanumeric = new boolean[anchors.length];
        for (int a = 0; a < anchors.length; a++) {
            if (endsLiteral[a]) {
                follows[a] = null;
                continue;
            }
            boolean onlyAlphanumeric = true;
            for (char c = 0; c < ASCII; c++) onlyAlphanumeric &= !follows[a][c] || Character.isLetterOrDigit(c);
            beforeAlphanumeric[a] = onlyAlphanumeric;
        }
    }

    /**
     * The index of a literal's anchor: its first char that is not a letter or digit, except that '.', '-' and
     * '\'', which prose is full of, are taken only when there is nothing rarer; -1 when it has none.
     */
    private static int anchorIndex(String literal) {
        int common = -1;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (Character.isLetterOrDigit(c)) continue;
            if (COMMON_IN_PROSE.indexOf(c) < 0) return i;
            if (common < 0) common = i;
        }
        return common;
    }

    private static final String COMMON_IN_PROSE = ".-' ,";

    /** A matcher for {@code literals[i]} with payload {@code payloads[i]}. */
    public static LiteralMatcher of(List<String> literals, List<Integer> payloads) {
        if (literals.size() != payloads.size()) throw new IllegalArgumentException("one payload per literal");
        for (String l : literals) {
            if (l.isEmpty()) throw new IllegalArgumentException("a literal must not be empty");
        }
        return new LiteralMatcher(literals, payloads);
    }

    /** Reports every occurrence of every literal in the field {@code words} were cut from, by end position. */
    public void match(Words words, Sink sink) {
        match(words.source(), words, sink);
    }

    /** Reports every occurrence of every literal in {@code text}, by end position. */
    public void match(String text, Sink sink) {
        match(text, null, sink);
    }

    private void match(String text, Words words, Sink sink) {
        if (anchors == null) {
            match(text, 0, text.length(), sink);
            return;
        }
        // The stretches [start, end) around each anchor that is followed as in a literal: every occurrence of a
        // literal lies inside one of them. Few in prose; found with indexOf, which is vectorised.
        int[] windows = null;
        int count = 0;
        int n = text.length();
        for (int a = 0; a < anchors.length; a++) {
            if (words != null && !(beforeAlphanumeric[a] ? words.mayHoldBeforeAlphanumeric(anchors[a]) : words.mayHold(anchors[a])))
                continue;
            boolean[] follow = follows[a];
            for (int p = text.indexOf(anchors[a]); p >= 0; p = text.indexOf(anchors[a], p + 1)) {
                if (follow != null) {
                    char next = p + 1 < n ? text.charAt(p + 1) : 0;
                    if (next >= ASCII || !follow[next]) continue;
                }
                if (windows == null) windows = new int[8];
                else if (2 * count == windows.length) windows = Arrays.copyOf(windows, 2 * windows.length);
                windows[2 * count] = Math.max(0, p - before[a]);
                windows[2 * count + 1] = Math.min(n, p + from[a]);
                count++;
            }
        }
        if (count == 0) return;
        sortByStart(windows, count);
        int start = windows[0];
        int end = windows[1];
        for (int w = 1; w < count; w++) {
            if (windows[2 * w] <= end) {
                end = Math.max(end, windows[2 * w + 1]);
            } else {
                match(text, start, end, sink);
                start = windows[2 * w];
                end = windows[2 * w + 1];
            }
        }
        match(text, start, end, sink);
    }

    /**
     * Sorts the (start, end) pairs by start: by insertion when there are few (they come sorted per anchor), else as
     * longs.
     */
    private static void sortByStart(int[] windows, int count) {
        if (count > FEW_WINDOWS) {
            long[] packed = new long[count];
            for (int i = 0; i < count; i++) packed[i] = (long) windows[2 * i] << 32 | windows[2 * i + 1];
            Arrays.sort(packed);
            for (int i = 0; i < count; i++) {
                windows[2 * i] = (int) (packed[i] >>> 32);
                windows[2 * i + 1] = (int) packed[i];
            }
            return;
        }
        for (int i = 1; i < count; i++) {
            int s = windows[2 * i];
            int e = windows[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && windows[2 * j] > s) {
                windows[2 * j + 2] = windows[2 * j];
                windows[2 * j + 3] = windows[2 * j + 1];
                j--;
            }
            windows[2 * j + 2] = s;
            windows[2 * j + 3] = e;
        }
    }

    /** Up to this many windows, an insertion sort is the cheaper. */
    private static final int FEW_WINDOWS = 32;

    /** The automaton over {@code text[start, end)}, from its start state. */
    private void match(String text, int start, int end, Sink sink) {
        int state = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            // a no-break or typographic space is the space a literal holds: "curl x\u00a0|\u00a0sh" reads as "curl x | sh"
            int cls = c < ASCII ? classOf[c] : Character.getType(c) == Character.SPACE_SEPARATOR ? classOf[' '] : 0;
            state = next[state * classes + cls];
            int[] out = outputs[state];
            for (int j = 0; j < out.length; j += 2) sink.match(out[j], i + 1 - out[j + 1], i + 1);
        }
    }

    @Override
    public String toString() {
        return "LiteralMatcher[" + outputs.length + " states, " + classes + " classes, "
                + Arrays.stream(outputs).mapToInt(o -> o.length / 2).sum() + " outputs]";
    }
}
