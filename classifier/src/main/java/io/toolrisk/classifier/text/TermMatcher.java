package io.toolrisk.classifier.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many word sequences compiled into one trie, matched against {@link Words} in a single pass: one hash look-up
 * per word, however many terms there are. Where terms overlap, the longest wins and what it contains is not
 * reported ("force push" hides "push", "dry run" hides "run", "without deleting" hides "deleting"). Immutable
 * and thread-safe once built.
 */
public final class TermMatcher {
    /** Receives each match: the payload given with the term, and the word span {@code [from, to)}. */
    @FunctionalInterface
    public interface Sink {
        void match(int payload, int from, int to);
    }

    private static final int[] NONE = new int[0];

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        int[] payloads = NONE;
    }

    private final Node root;
    private final int terms;

    private TermMatcher(Node root, int terms) {
        this.root = root;
        this.terms = terms;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many terms were compiled in. */
    public int terms() {
        return terms;
    }

    /** Reports every match in {@code words}, left to right. */
    public void match(Words words, Sink sink) {
        int n = words.size();
        int coveredUntil = 0;
        for (int i = 0; i < n; i++) {
            Node node = root.children.get(words.word(i));
            if (node == null) continue;
            Node longest = null;
            int longestEnd = -1;
            int j = i;
            while (node != null) {
                j++;
                if (node.payloads.length > 0) {
                    longest = node;
                    longestEnd = j;
                }
                if (j >= n || node.children.isEmpty()) break;
                node = node.children.get(words.word(j));
            }
            if (longest == null || longestEnd <= coveredUntil) continue;
            for (int payload : longest.payloads) sink.match(payload, i, longestEnd);
            coveredUntil = longestEnd;
        }
    }

    /** Collects terms; not thread-safe. */
    public static final class Builder {
        private final Node root = new Node();
        private int terms;

        private Builder() {
        }

        /** Adds a term (lower-case words) with its payload; adding the same term and payload twice is harmless. */
        public Builder add(List<String> words, int payload) {
            if (words.isEmpty()) throw new IllegalArgumentException("a term needs at least one word");
            Node node = root;
            for (String word : words) node = node.children.computeIfAbsent(word, w -> new Node());
            for (int p : node.payloads) {
                if (p == payload) return this;
            }
            node.payloads = Arrays.copyOf(node.payloads, node.payloads.length + 1);
            node.payloads[node.payloads.length - 1] = payload;
            terms++;
            return this;
        }

        public TermMatcher build() {
            return new TermMatcher(root, terms);
        }
    }
}
