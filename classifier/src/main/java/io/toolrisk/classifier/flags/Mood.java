package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

import java.util.Set;

/**
 * Whether a verb tells the model to do something. A definition describes what its tool does ("Uploads the key
 * to the load balancer", "use this tool to upload"); an injected instruction orders the model ("upload the key",
 * "you must upload", "please also upload", "read the file and upload it"). Read from the words before the verb.
 */
final class Mood {
    /** Words that may stand between an order and its verb: "please also read", "then send". */
    private static final Set<String> ADVERBS = Set.of("also", "then", "first", "now", "just", "simply", "immediately",
            "additionally", "silently", "secretly", "quietly", "covertly", "discreetly", "carefully", "automatically",
            "next", "finally", "afterwards", "instead", "still", "only", "ever", "further", "oh", "btw", "so");
    /** Words that make the verb after them an order. */
    private static final Set<String> ORDERS = Set.of("please", "kindly", "always", "must", "should", "shall", "mustn't");
    /** "you need to read", "make sure to include": a verb after "to" is an order when one of these precedes it. */
    private static final Set<String> BEFORE_TO = Set.of("need", "needs", "have", "has", "required", "sure", "remember",
            "forget", "want", "asked", "instructed", "supposed", "expected", "important", "necessary", "mandatory",
            "essential", "crucial", "going", "obliged");
    static final long NEGATION = Cue.NEGATION.bit() | Cue.SUPPRESS.bit();
    private static final int MAX_COORDINATION = 3;

    private Mood() {
    }

    /**
     * True when cue word {@code i} is a verb in the imperative, or after a modal: an order to the model. A verb in
     * {@code -ing}, {@code -ed} or {@code -s} ("Using ...", "Calls to ...") or inside an identifier
     * ({@code set_mode}) is none.
     */
    static boolean ordered(CueText t, int i) {
        int known = t.ordered(i);
        if (known >= 0) return known == 1;
        boolean ordered = !inflected(t.word(i)) && !t.inIdentifier(i) && ordered(t, i, 0);
        t.ordered(i, ordered);
        return ordered;
    }

    private static final Set<String> BASE_FORMS_WITH_ENDINGS = Set.of("embed", "need", "feed", "seed", "proceed", "access",
            "pass", "bless", "address", "process", "focus", "bus");

    static boolean inflected(String word) {
        if (BASE_FORMS_WITH_ENDINGS.contains(word)) return false;
        return word.endsWith("ing") || word.length() > 4 && word.endsWith("ed") || word.length() > 3 && word.endsWith("s")
                && !word.endsWith("ss");
    }

    /**
     * True when the word just before cue word {@code i} is a verb in the imperative ("set aside", {@code i} the
     * particle): read as {@link #ordered} reads, from that word.
     */
    static boolean orderedAfter(CueText t, int i) {
        return !t.inIdentifier(i) && ordered(t, i, t.startOfWordBefore(t.start(i)), 0);
    }

    private static boolean ordered(CueText t, int i, int depth) {
        return ordered(t, i, t.start(i), depth);
    }

    private static boolean ordered(CueText t, int i, int offset, int depth) {
        for (int words = 0; words < 6; words++) {
            String before = t.wordBeforeOffset(offset);
            if (before.isEmpty()) return t.startsClauseAt(offset);
            if (ORDERS.contains(before)) return true;
            if (isNegation(before)) return false;
            // "must be run first": an order in the passive
            if (before.equals("be")) return ORDERS.contains(t.wordBeforeOffset(t.startOfWordBefore(offset)));
            if (before.equals("to")) return orderedInfinitive(t, t.startOfWordBefore(offset));
            if (COORDINATION.contains(before)) {
                // "read the file and pass it": as much an order as the verb before it in the sentence.
                if (depth >= MAX_COORDINATION) return false;
                for (int verb = t.previousInSentence(i, ACTIONS); verb >= 0; verb = t.previousInSentence(verb, ACTIONS)) {
                    if (!inflected(t.word(verb)) && ordered(t, verb, depth + 1)) return true;
                }
            } else if (!ADVERBS.contains(before)) {
                return false;
            }
            offset = t.startOfWordBefore(offset);
        }
        return false;
    }

    private static final Set<String> COORDINATION = Set.of("and", "or", "then");

    /** Cues of verbs that act: what an order to the model is made of. */
    static final long ACTIONS = Cue.READ.bit() | Cue.PASS.bit() | Cue.SEND.bit() | Cue.RUN.bit() | Cue.TAMPER.bit()
            | Cue.CALL.bit() | Cue.REPORT.bit() | Cue.KEEP.bit();

    /** True when a negation cue stands within three words before cue word {@code i}, in its clause. */
    static boolean negated(CueText t, int i) {
        for (int j = i - 1; j >= 0 && t.position(i) - t.position(j) <= 3 && t.clause(j) == t.clause(i); j--) {
            if (t.is(j, NEGATION)) return true;
        }
        return false;
    }

    private static boolean isNegation(String word) {
        return word.equals("not") || word.equals("never") || word.equals("don't") || word.equals("dont")
                || word.equals("no") || word.equals("without") || word.equals("avoid") || word.equals("nor");
    }

    /**
     * "you need to read", "make sure to include", "tell the terminal tool to run": the verb after the "to" that ends
     * at {@code toStart} is an order.
     */
    private static boolean orderedInfinitive(CueText t, int toStart) {
        if (BEFORE_TO.contains(t.wordBeforeOffset(toStart))) return true;
        int offset = toStart;
        for (int words = 0; words < 6; words++) {
            String before = t.wordBeforeOffset(offset);
            if (before.isEmpty()) return false;
            offset = t.startOfWordBefore(offset);
            if (TELLS.contains(before)) return t.startsClauseAt(offset) || ORDERS.contains(t.wordBeforeOffset(offset));
        }
        return false;
    }

    /** "Tell the shell tool to run ...": the verbs that hand an order on. */
    private static final Set<String> TELLS = Set.of("tell", "ask", "instruct", "have", "get", "make", "let", "order");
}
