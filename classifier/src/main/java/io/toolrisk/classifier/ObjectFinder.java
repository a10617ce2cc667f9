package io.toolrisk.classifier;

import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.Vocabulary;
import io.toolrisk.classifier.text.Words;

import java.util.List;

/**
 * Finds what a matched verb acts on, for the rules that name their objects: in a name, another of its tokens
 * ("create_pix_charge", "order_cancel"); in prose, a word after the verb in its clause, at most
 * {@link Rule#OBJECT_WINDOW} words on and before a preposition ("Create a fulfilment for the order" creates a
 * fulfilment). An object inside one of the rule's notObjects pairs ("manufacturing order", "debit note") does not
 * count. The objects, their pairs and the prepositions live in a vocabulary of their own, read from the field's text
 * only when a verb asks: in the main vocabulary every one would be a known word of every field that holds it.
 * Immutable and thread-safe.
 */
final class ObjectFinder {
    /** The result for a rule that needs no object. */
    static final long NONE_NEEDED = -1;
    /** The result when the rule needs an object and the field has none. */
    static final long MISSING = -2;

    /**
     * Words after which a verb's object in prose has ended: prepositions and relative words. "of" is not one: "a
     * batch of payouts" is payouts.
     */
    static final List<String> STOPS = List.of("for", "to", "from", "with", "by", "on", "in", "into", "at", "against",
            "via", "using", "between", "after", "before", "when", "if", "that", "which", "where", "while", "so", "as");

    private final Vocabulary words = new Vocabulary();
    /** Per rule, by word id: whether the word is one of its objects; null for a rule without objects. */
    private final boolean[][] objects;
    /** Per rule, its notObjects pairs as {@code first << 32 | second} word ids. */
    private final long[][] notObjects;
    private final boolean[] stop;

    ObjectFinder(Rule[] rules) {
        objects = new boolean[rules.length][];
        notObjects = new long[rules.length][];
        int[][] objectIds = new int[rules.length][];
        for (int i = 0; i < rules.length; i++) {
            Rule rule = rules[i];
            objectIds[i] = rule.objects().stream().flatMap(o -> CompiledRules.plurals(o).stream()).mapToInt(words::add).toArray();
            notObjects[i] = rule.notObjects().stream().flatMap(n -> {
                String[] pair = n.split(" ");
                // The object of the pair takes its plurals: "manufacturing orders", "debit notes" are no objects either.
                List<String> firsts = rule.objects().contains(pair[0]) ? CompiledRules.plurals(pair[0]) : List.of(pair[0]);
                List<String> seconds = rule.objects().contains(pair[1]) ? CompiledRules.plurals(pair[1]) : List.of(pair[1]);
                return firsts.stream().flatMap(a -> seconds.stream().map(b -> (long) words.add(a) << 32 | words.add(b)));
            }).mapToLong(Long::longValue).toArray();
        }
        int[] stops = STOPS.stream().mapToInt(words::add).toArray();
        words.freeze();
        for (int i = 0; i < rules.length; i++) {
            if (objectIds[i].length == 0) continue;
            objects[i] = new boolean[words.size()];
            for (int id : objectIds[i]) objects[i][id] = true;
        }
        stop = new boolean[words.size()];
        for (int id : stops) stop[id] = true;
    }

    /** True when {@code rule} names the objects its verbs must act on. */
    boolean needsObject(int rule) {
        return objects[rule] != null;
    }

    /** The tokens of a name, read once for every rule that asks about one of its verbs. */
    Window tokens(String identifier) {
        var w = new Window(identifier.length());
        Words.tokenSpans(identifier, (start, end) -> {
            if (w.size == w.ids.length) return; // a name of more tokens than characters cannot happen; be safe anyway
            w.ids[w.size] = words.id(identifier, start, end);
            w.spans[w.size++] = (long) start << 32 | end;
        });
        return w;
    }

    /**
     * The span of {@code rule}'s object among the tokens of a name other than the verb {@code [verbStart, verbEnd)},
     * packed as {@code start << 32 | end}, or {@link #MISSING}.
     */
    long inIdentifier(int rule, Window tokens, int verbStart, int verbEnd) {
        for (int k = 0; k < tokens.size; k++) {
            long span = tokens.spans[k];
            if (start(span) >= verbStart && end(span) <= verbEnd) continue;
            if (isObject(rule, tokens, k)) return span;
        }
        return MISSING;
    }

    /**
     * The words that may hold the object of the verb ending at {@code verbEnd} in prose: at most
     * {@link Rule#OBJECT_WINDOW}, up to the end of the clause or a preposition. Read once per verb, whatever the
     * number of rules that ask ("create" is the verb of several).
     */
    Window window(String text, int verbEnd) {
        var w = new Window(Rule.OBJECT_WINDOW);
        int at = verbEnd;
        while (w.size < Rule.OBJECT_WINDOW) {
            long span = Words.nextWordOfClause(text, at);
            if (span < 0) break;
            at = end(span);
            int id = words.id(text, start(span), at);
            if (id != Vocabulary.UNKNOWN && stop[id]) break;
            w.ids[w.size] = id;
            w.spans[w.size++] = span;
        }
        return w;
    }

    /** Words of a field with their ids in this finder's vocabulary: after a verb in prose, or all tokens of a name. */
    static final class Window {
        final int[] ids;
        final long[] spans;
        int size;

        Window(int capacity) {
            ids = new int[capacity];
            spans = new long[capacity];
        }
    }

    /** The span of {@code rule}'s object in a verb's {@link Window}, packed, or {@link #MISSING}. */
    long inProse(int rule, Window w) {
        for (int k = 0; k < w.size; k++) {
            if (isObject(rule, w, k)) return w.spans[k];
        }
        return MISSING;
    }

    /** True when word {@code k} is one of {@code rule}'s objects and not part of one of its notObjects pairs. */
    private boolean isObject(int rule, Window w, int k) {
        int id = w.ids[k];
        if (id == Vocabulary.UNKNOWN || !objects[rule][id]) return false;
        if (k > 0 && excluded(rule, w.ids[k - 1], id)) return false;
        return k + 1 >= w.size || !excluded(rule, id, w.ids[k + 1]);
    }

    private boolean excluded(int rule, int first, int second) {
        if (first == Vocabulary.UNKNOWN || second == Vocabulary.UNKNOWN) return false;
        long pair = (long) first << 32 | second;
        for (long p : notObjects[rule]) {
            if (p == pair) return true;
        }
        return false;
    }

    static int start(long span) {
        return (int) (span >>> 32);
    }

    static int end(long span) {
        return (int) span;
    }
}
