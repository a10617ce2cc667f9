package io.toolrisk.classifier.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds many ASCII literals in a text at once, ignoring ASCII case: an Aho–Corasick automaton compiled into a
 * dense transition table, so the text is read once, one table look-up per character, however many literals
 * there are. For strings that are not words ({@code ~/.ssh}, {@code id_rsa}). Immutable and thread-safe.
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
    }

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
        match(words.source(), sink);
    }

    /** Reports every occurrence of every literal in {@code text}, by end position. */
    public void match(String text, Sink sink) {
        int state = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int cls = c < ASCII ? classOf[c] : 0;
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
