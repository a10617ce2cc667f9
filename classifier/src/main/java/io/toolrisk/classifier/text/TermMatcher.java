package io.toolrisk.classifier.text;

import java.util.Arrays;
import java.util.List;

/**
 * Many word sequences compiled into one trie over {@link Vocabulary} ids, matched against {@link Words} in a
 * single pass: one array look-up per word, however many terms there are. Where terms overlap, the longest
 * wins and what it contains is not reported ("force push" hides "push", "dry run" hides "run", "without
 * deleting" hides "deleting"). Immutable and thread-safe once built.
 */
public final class TermMatcher {
    /** Receives each match: the payload given with the term, and the word span {@code [from, to)}. */
    @FunctionalInterface
    public interface Sink {
        void match(int payload, int from, int to);
    }

    private static final int[] NONE = new int[0];
    private static final Node[] NO_NODES = new Node[0];

    private static final class Node {
        int[] childIds = NONE;
        Node[] children = NO_NODES;
        int[] payloads = NONE;

        Node child(int id) {
            for (int i = 0; i < childIds.length; i++) {
                if (childIds[i] == id) return children[i];
            }
            return null;
        }

        Node addChild(int id) {
            Node existing = child(id);
            if (existing != null) return existing;
            Node node = new Node();
            childIds = Arrays.copyOf(childIds, childIds.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            childIds[childIds.length - 1] = id;
            children[children.length - 1] = node;
            return node;
        }
    }

    /** The first word's node, by vocabulary id. */
    private final Node[] roots;
    private final int terms;

    private TermMatcher(Node[] roots, int terms) {
        this.roots = roots;
        this.terms = terms;
    }

    /** A builder that adds the words of its terms to {@code vocabulary}. */
    public static Builder builder(Vocabulary vocabulary) {
        return new Builder(vocabulary);
    }

    /** How many terms were compiled in. */
    public int terms() {
        return terms;
    }

    /**
     * Reports every match in {@code words}, left to right, as spans {@code [from, to)} of indices into the
     * known words; the words of a match are next to each other in the field.
     */
    public void match(Words words, Sink sink) {
        int n = words.size();
        int coveredUntil = 0;
        for (int i = 0; i < n; i++) {
            int id = words.id(i);
            if (id >= roots.length) continue;
            Node node = roots[id];
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
                if (j >= n || node.childIds.length == 0 || words.position(j) != words.position(j - 1) + 1) break;
                node = node.child(words.id(j));
            }
            if (longest == null || longestEnd <= coveredUntil) continue;
            for (int payload : longest.payloads) sink.match(payload, i, longestEnd);
            coveredUntil = longestEnd;
        }
    }

    /** Collects terms; not thread-safe. */
    public static final class Builder {
        private final Vocabulary vocabulary;
        private final Node root = new Node();
        private int terms;

        private Builder(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
        }

        /** Adds a term (lower-case words) with its payload; adding the same term and payload twice is harmless. */
        public Builder add(List<String> words, int payload) {
            if (words.isEmpty()) throw new IllegalArgumentException("a term needs at least one word");
            Node node = root;
            for (String word : words) node = node.addChild(vocabulary.add(word));
            for (int p : node.payloads) {
                if (p == payload) return this;
            }
            node.payloads = Arrays.copyOf(node.payloads, node.payloads.length + 1);
            node.payloads[node.payloads.length - 1] = payload;
            terms++;
            return this;
        }

        /** The matcher; build it after every word it may meet is in the vocabulary. */
        public TermMatcher build() {
            Node[] roots = new Node[vocabulary.size()];
            for (int i = 0; i < root.childIds.length; i++) roots[root.childIds[i]] = root.children[i];
            return new TermMatcher(roots, terms);
        }
    }
}
