package io.toolrisk.classifier.text;

import java.util.Arrays;
import java.util.List;

/**
 * Many word sequences compiled into one trie over {@link Vocabulary} ids, matched against {@link Words} in a
 * single pass: one array look-up per word, however many terms there are. Terms belong to one of two groups
 * (votes and flags, say); within a group, where terms overlap, the longest wins and what it contains is not
 * reported ("force push" hides "push", "dry run" hides "run", "without deleting" hides "deleting"), while a
 * term of the other group is matched on its own. Immutable and thread-safe once built.
 */
public final class TermMatcher {
    /** Receives each match: the payload given with the term, and the word span {@code [from, to)}. */
    @FunctionalInterface
    public interface Sink {
        void match(int payload, int from, int to);
    }

    private static final int[] NONE = new int[0];
    private static final Node[] NO_NODES = new Node[0];

    /** How many groups of terms a matcher keeps apart. */
    public static final int GROUPS = 2;

    private static final class Node {
        int[] childIds = NONE;
        Node[] children = NO_NODES;
        final int[][] payloads = {NONE, NONE};
        boolean terminal;

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
        int covered0 = 0;
        int covered1 = 0;
        for (int i = 0; i < n; i++) {
            int id = words.id(i);
            if (id >= roots.length) continue;
            Node node = roots[id];
            if (node == null) continue;
            Node longest0 = null;
            Node longest1 = null;
            int end0 = -1;
            int end1 = -1;
            int j = i;
            while (node != null) {
                j++;
                if (node.terminal) {
                    if (node.payloads[0].length > 0) {
                        longest0 = node;
                        end0 = j;
                    }
                    if (node.payloads[1].length > 0) {
                        longest1 = node;
                        end1 = j;
                    }
                }
                if (j >= n || node.childIds.length == 0 || words.position(j) != words.position(j - 1) + 1) break;
                node = node.child(words.id(j));
            }
            if (longest0 != null && end0 > covered0) {
                for (int payload : longest0.payloads[0]) sink.match(payload, i, end0);
                covered0 = end0;
            }
            if (longest1 != null && end1 > covered1) {
                for (int payload : longest1.payloads[1]) sink.match(payload, i, end1);
                covered1 = end1;
            }
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

        /** Adds a term of group 0; see {@link #add(List, int, int)}. */
        public Builder add(List<String> words, int payload) {
            return add(words, payload, 0);
        }

        /**
         * Adds a term (lower-case words) with its payload to a group (0 or 1); adding the same term and payload
         * twice is harmless.
         */
        public Builder add(List<String> words, int payload, int group) {
            if (words.isEmpty()) throw new IllegalArgumentException("a term needs at least one word");
            if (group < 0 || group >= GROUPS) throw new IllegalArgumentException("group must be 0 or 1, got " + group);
            Node node = root;
            for (String word : words) node = node.addChild(vocabulary.add(word));
            for (int p : node.payloads[group]) {
                if (p == payload) return this;
            }
            int[] payloads = Arrays.copyOf(node.payloads[group], node.payloads[group].length + 1);
            payloads[payloads.length - 1] = payload;
            node.payloads[group] = payloads;
            node.terminal = true;
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
