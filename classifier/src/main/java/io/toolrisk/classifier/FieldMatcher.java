package io.toolrisk.classifier;

import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.LiteralMatcher;
import io.toolrisk.classifier.text.TermMatcher;
import io.toolrisk.classifier.text.Words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Matches the rules against one field and weighs each match by where it stands: the verb slot of a name,
 * the leading verb of a description, negations and scope statements in the same clause. Not thread-safe (it keeps the
 * words after the last verb it read an object for); one per tool scan.
 */
final class FieldMatcher {
    // Where a word stands changes what it says. A verb in the name's verb slot says what the tool does; a
    // later name token is usually its object ("get_workflow_run"). A description's leading verb restates
    // the name; words further on are often context ("returns the run that deployed it").
    static final double NAME_SLOT = 1.0;
    static final double NAME_OTHER = 0.3;
    static final double TITLE_LEAD = 0.9;
    static final double DESCRIPTION_LEAD = 0.8;
    static final double TEXT_OTHER = 0.3;
    static final double PROPERTY = 0.4;
    static final double PROPERTY_DESCRIPTION = 0.15;
    /**
     * A warning in a parameter's description ("force: Force push (overwrites remote history)") says what the call
     * can do when the caller sets it: it weighs more than the parameter's other words.
     */
    static final double PROPERTY_WARNING = 0.4;
    static final double ANNOTATION = 1.0;
    /** Negation words this many words before a match (in the same clause) cancel it. */
    static final int NEGATION_WINDOW = 3;
    /**
     * How far into the first clause of a description its leading verb may stand: "Deletes ...", "Use this
     * tool to delete ...", "This tool allows you to delete ...".
     */
    static final int LEAD_SEARCH = 8;


    private final CompiledRules rules;
    /** Whether the tool's words include one of a rule's context words (by rule index). */
    private final IntPredicate inContext;

    FieldMatcher(CompiledRules rules, IntPredicate inContext) {
        this.rules = rules;
        this.inContext = inContext;
    }

    /**
     * Identifier fields. The verb slot is the leftmost match that is not also a common noun: the first token
     * ("delete_repo"), or after a namespace ("mobile_launch_app", "atlas-create-access-list"), or at the end
     * ("compute_vm_create", "loadtesting_test_get": "test" is a noun there). A verb that is as often a noun
     * ("run", "merge", "comment") takes the slot only when nothing else can ("merge_pull_request"). Whatever
     * follows "and"/"or" is a slot too ("get_or_create").
     */
    void matchIdentifier(FieldText t, double slotFactor, double otherFactor, Consumer<Hit> out) {
        matchIdentifier(t, slotFactor, otherFactor, NO_SCOPE, out);
    }

    /**
     * As {@link #matchIdentifier(FieldText, double, double, Consumer)}, leaving out the votes for categories more
     * severe than {@code scope} (a category ordinal): what the description's first sentence says of the whole
     * tool ("Build an unsigned transfer transaction" of {@code prepare_token_send}) holds for its name too.
     */
    void matchIdentifier(FieldText t, double slotFactor, double otherFactor, int scope, Consumer<Hit> out) {
        TermMatcher matcher = rules.matcher(t.field());
        if (matcher == null || t.words().size() == 0) return;
        List<long[]> found = new ArrayList<>(4);
        matcher.match(t.words(), (payload, from, to) -> {
            Rule rule = rules.rules[payload];
            long object = object(payload, t.words(), from, to, true);
            if (object == ObjectFinder.MISSING) return;
            if (!rule.context().isEmpty() && !inContext.test(payload)) return;
            found.add(new long[] {payload, from, to, object});
        });
        if (found.isEmpty()) return;
        Words w = t.words();
        int slot = verbSlot(found, w);
        // A verb whose object a rule recognised ("create" of "create_pix_charge") is read by that rule only.
        long withObject = 0;
        for (long[] m : found) {
            if (m[3] >= 0 && m[1] < 64) withObject |= 1L << m[1];
        }
        List<Hit> hits = new ArrayList<>(found.size());
        for (long[] m : found) {
            Rule rule = rules.rules[(int) m[0]];
            int from = (int) m[1];
            if (m[3] < 0 && from < 64 && (withObject & 1L << from) != 0 && rule.target() instanceof Rule.Target.Vote) continue;
            boolean inSlot = from == slot || (from > 0 && w.position(from - 1) == w.position(from) - 1
                    && rules.isConjunction(w.id(from - 1)));
            double factor = inSlot || rule.anyPosition() ? slotFactor : otherFactor;
            hits.add(hit(rule, t, from, (int) m[2], m[3], rule.weight() * factor));
        }
        emitInScope(hits, 0, scope, out);
    }

    /**
     * The token index where the verb slot's match starts, or -1 when there is none (only nouns, none of them
     * first: "browser_network_request"); {@code found} is in token order.
     */
    private int verbSlot(List<long[]> found, Words w) {
        int first = -1;
        for (long[] m : found) {
            if (!(rules.rules[(int) m[0]].target() instanceof Rule.Target.Vote)) continue; // flags take no slot
            int from = (int) m[1];
            boolean noun = m[2] - m[1] == 1 && rules.isNoun(w.id(from));
            if (!noun) return from;
            if (first < 0) first = from;
        }
        // A verb that is as often a noun is the verb when it comes first ("merge_pull_request") or when it is all
        // that follows a namespace ("git_push", "sam_deploy").
        return first >= 0 && (w.position(first) == 0 || w.wordCount() == 2 && w.position(first) == 1) ? first : -1;
    }

    /**
     * Passes the hits of one field on, except the votes that a scope statement covers, for categories more severe
     * than the scope's own: those in the same clause ("a read-only query", "dry run of the deployment"), and in
     * prose all of them when the statement is in the first sentence ("Executes a safe, read-only SQL SELECT query.
     * ... Example: SELECT ..."): a tool that opens by saying how far it goes is describing the one thing it does.
     */
    private static int emitInScope(List<Hit> hits, int firstSentenceEnd, int outer, Consumer<Hit> out) {
        byte[] floor = null; // per clause (the last ones share a slot): the least severe scope stated there
        int wholeField = NO_SCOPE;
        for (Hit h : hits) {
            if (!h.rule().scope() || !(h.rule().target() instanceof Rule.Target.Vote(var c))) continue;
            if (floor == null) {
                floor = new byte[SCOPE_CLAUSES];
                Arrays.fill(floor, Byte.MAX_VALUE);
            }
            int clause = Math.min(h.clause(), SCOPE_CLAUSES - 1);
            floor[clause] = (byte) Math.min(floor[clause], c.ordinal());
            if (h.start() < firstSentenceEnd) wholeField = Math.min(wholeField, c.ordinal());
        }
        int limit = Math.min(wholeField, outer);
        for (Hit h : hits) {
            if (h.rule().target() instanceof Rule.Target.Vote(var c)) {
                int severity = c.ordinal();
                if (severity > limit || floor != null && severity > floor[Math.min(h.clause(), SCOPE_CLAUSES - 1)]) continue;
            }
            out.accept(h);
        }
        return wholeField;
    }

    /** No scope statement: no category is left out. */
    static final int NO_SCOPE = Integer.MAX_VALUE;

    private static final int SCOPE_CLAUSES = 64;

    /**
     * Prose fields: a match preceded closely by a negation in its clause does not count ("does not modify",
     * "without deleting"); the leading verb of the first clause (and verbs joined to it by "and"/"or")
     * weighs {@code leadFactor}, everything else {@code otherFactor}. Returns the scope the first sentence states
     * (the ordinal of its category, {@link #NO_SCOPE} when none).
     */
    int matchText(FieldText t, double leadFactor, double otherFactor, Consumer<Hit> out) {
        return matchText(t, leadFactor, otherFactor, leadFactor, out);
    }

    /** As {@link #matchText(FieldText, double, double, Consumer)}, with the rules that weigh wherever they stand at {@code anyFactor}. */
    int matchText(FieldText t, double leadFactor, double otherFactor, double anyFactor, Consumer<Hit> out) {
        int scope = matchTerms(rules.matcher(t.field()), t, leadFactor, otherFactor, anyFactor, out);
        LiteralMatcher literals = rules.literalMatcher(t.field());
        if (literals != null) {
            literals.match(t.words(), (id, start, end) -> {
                Rule rule = rules.rules[id];
                out.accept(new Hit(rule, t, start, end, rule.weight() * leadFactor, 0));
            });
        }
        return scope;
    }

    private int matchTerms(TermMatcher matcher, FieldText t, double leadFactor, double otherFactor, double anyFactor,
                           Consumer<Hit> out) {
        Words w = t.words();
        if (matcher != null && w.size() > 0) {
            int leadSentence = leadSentence(t.field(), w);
            // The current leading match: its first index and the position of its last word; -1 before the
            // first match, -2 once the first match was not a leading one.
            int[] leading = {-1, -1};
            List<Hit> hits = new ArrayList<>();
            matcher.match(w, (payload, from, to) -> {
                Rule rule = rules.rules[payload];
                if (negated(rules, w, from)) return;
                long object = object(payload, w, from, to, false);
                if (object == ObjectFinder.MISSING) return;
                if (!rule.context().isEmpty() && !inContext.test(payload)) return;
                boolean isLead;
                if (!(rule.target() instanceof Rule.Target.Vote)) {
                    isLead = false; // a flag's words are no verb of the tool
                } else if (leading[0] == -1) {
                    // The first verb of the first clause, a few words in at most: "Deletes ...", "Use this
                    // tool to delete ...", "TFT tool for retrieving ...".
                    isLead = w.position(from) < LEAD_SEARCH && w.sentence(from) == leadSentence;
                } else if (leading[0] >= 0) {
                    isLead = from == leading[0] || w.position(from) == leading[1] + 2
                            && w.position(from - 1) == leading[1] + 1 && rules.isConjunction(w.id(from - 1));
                } else {
                    isLead = false;
                }
                if (isLead) {
                    leading[0] = from;
                    leading[1] = w.position(to - 1);
                } else if (leading[0] == -1 && rule.target() instanceof Rule.Target.Vote) {
                    leading[0] = -2;
                }
                double factor = rule.anyPosition() ? anyFactor : isLead ? leadFactor : otherFactor;
                hits.add(hit(rule, t, from, to, object, rule.weight() * factor));
            });
            return emitInScope(specific(hits), w.firstSentenceEnd(), NO_SCOPE, out);
        }
        return NO_SCOPE;
    }

    /**
     * The hits of prose less the votes of a verb that a rule with objects read more exactly: "Create" of "Create a
     * recurrent payment schedule" is a payment being created, not any write. In prose a verb's object follows it,
     * so the two hits start at the same place.
     */
    private static List<Hit> specific(List<Hit> hits) {
        int[] starts = null;
        int n = 0;
        for (Hit h : hits) {
            if (h.rule().objects().isEmpty() || !(h.rule().target() instanceof Rule.Target.Vote)) continue;
            if (starts == null) starts = new int[4];
            else if (n == starts.length) starts = Arrays.copyOf(starts, 2 * n);
            starts[n++] = h.start();
        }
        if (starts == null) return hits;
        // Hits come in text order, so the starts of the object rules' hits are sorted.
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            boolean generic = h.rule().objects().isEmpty() && h.rule().target() instanceof Rule.Target.Vote;
            if (generic && Arrays.binarySearch(starts, 0, n, h.start()) >= 0) continue;
            out.add(h);
        }
        return out;
    }

    /**
     * The first clause that has a word a vote can start with ("TRUST AREA — BILLING. Creates ..." leads with
     * "Creates"); -1 when there is none. Only such words count, so that what else the vocabulary holds
     * (context words, negations, the inner words of phrases) never moves the lead.
     */
    private int leadSentence(Field field, Words w) {
        boolean[] leads = rules.leadWords(field);
        for (int i = 0; i < w.size(); i++) {
            int id = w.id(i);
            if (id >= 0 && id < leads.length && leads[id]) return w.sentence(i);
        }
        return -1;
    }

    /** True when a negation stands a few words before the known word {@code from}, in its clause ("no payment"). */
    static boolean negated(CompiledRules rules, Words w, int from) {
        int sentence = w.sentence(from);
        int position = w.position(from);
        for (int k = from - 1; k >= 0 && w.position(k) >= position - NEGATION_WINDOW; k--) {
            if (w.sentence(k) != sentence) return false;
            if (rules.isNegation(w.id(k))) return true;
        }
        return false;
    }

    /**
     * The span of what the verb {@code [from, to)} acts on, packed ({@link ObjectFinder}), for a rule that names its
     * objects: in a name any other token, in prose a word of the first sentence; {@link ObjectFinder#NONE_NEEDED} for a
     * rule that names none.
     */
    private long object(int rule, Words w, int from, int to, boolean identifier) {
        if (!rules.objects.needsObject(rule)) return ObjectFinder.NONE_NEEDED;
        if (identifier) {
            if (window == null || windowText != w.source() || windowVerbEnd != IDENTIFIER) {
                window = rules.objects.tokens(w.source());
                windowText = w.source();
                windowVerbEnd = IDENTIFIER;
            }
            return rules.objects.inIdentifier(rule, window, w.start(from), w.end(to - 1));
        }
        // In prose, the first sentence says what the tool does; a verb and its object further on are usually about
        // something else ("... returned by the list payments endpoint"), and reading them for every verb of a long
        // description would cost more than they tell.
        if (w.start(from) > w.firstSentenceEnd()) return ObjectFinder.MISSING;
        int verbEnd = w.end(to - 1);
        if (window == null || windowText != w.source() || windowVerbEnd != verbEnd) {
            window = rules.objects.window(w.source(), verbEnd);
            windowText = w.source();
            windowVerbEnd = verbEnd;
        }
        return rules.objects.inProse(rule, window);
    }

    // The words after the last verb in prose that a rule with objects asked about, or the tokens of the last name:
    // the next rule asks about the same verb more often than not.
    private static final int IDENTIFIER = -1;
    private ObjectFinder.Window window;
    private String windowText;
    private int windowVerbEnd;

    /** A hit on the words {@code [from, to)}, its quote stretched to cover the {@code object} span when there is one. */
    private static Hit hit(Rule rule, FieldText t, int from, int to, long object, double weight) {
        Words w = t.words();
        int start = w.start(from);
        int end = w.end(to - 1);
        if (object >= 0) {
            start = Math.min(start, ObjectFinder.start(object));
            end = Math.max(end, ObjectFinder.end(object));
        }
        return new Hit(rule, t, start, end, weight, w.sentence(from));
    }
}
