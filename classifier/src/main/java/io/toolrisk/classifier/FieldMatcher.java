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
 * the leading verb of a description, negations and scope statements in the same clause. Stateless apart
 * from the rules and the context test it is given; one per tool scan.
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

    /** The term group of the rules that vote (flags are group 1). */
    static final int VOTES = 0;

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
        List<int[]> found = new ArrayList<>(4);
        matcher.match(t.words(), (payload, from, to) -> {
            Rule rule = rules.rules[payload];
            if (!rule.context().isEmpty() && !inContext.test(payload)) return;
            int object = object(payload, t.words(), from, to, true);
            if (object != MISSING) found.add(new int[] {payload, from, to, object});
        });
        if (found.isEmpty()) return;
        Words w = t.words();
        int slot = verbSlot(found, w);
        // A verb whose object a rule recognised ("create" of "create_pix_charge") is read by that rule only.
        long withObject = 0;
        for (int[] m : found) {
            if (m[3] >= 0 && m[1] < 64) withObject |= 1L << m[1];
        }
        List<Hit> hits = new ArrayList<>(found.size());
        for (int[] m : found) {
            Rule rule = rules.rules[m[0]];
            int from = m[1];
            if (m[3] < 0 && from < 64 && (withObject & 1L << from) != 0 && rule.target() instanceof Rule.Target.Vote) continue;
            boolean inSlot = from == slot || (from > 0 && w.position(from - 1) == w.position(from) - 1
                    && rules.isConjunction(w.id(from - 1)));
            double factor = inSlot || rule.anyPosition() ? slotFactor : otherFactor;
            hits.add(hit(rule, t, from, m[2], m[3], rule.weight() * factor));
        }
        emitInScope(hits, 0, scope, out);
    }

    /**
     * The token index where the verb slot's match starts, or -1 when there is none (only nouns, none of them
     * first: "browser_network_request"); {@code found} is in token order.
     */
    private int verbSlot(List<int[]> found, Words w) {
        int first = -1;
        for (int[] m : found) {
            if (!(rules.rules[m[0]].target() instanceof Rule.Target.Vote)) continue; // flags take no slot
            boolean noun = m[2] - m[1] == 1 && rules.isNoun(w.id(m[1]));
            if (!noun) return m[1];
            if (first < 0) first = m[1];
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
                if (!rule.context().isEmpty() && !inContext.test(payload)) return;
                int object = object(payload, w, from, to, false);
                if (object == MISSING) return;
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
        int withObject = 0;
        for (Hit h : hits) {
            if (!h.rule().objects().isEmpty()) withObject++;
        }
        if (withObject == 0) return hits;
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (h.rule().objects().isEmpty() && h.rule().target() instanceof Rule.Target.Vote && readByObject(hits, h)) continue;
            out.add(h);
        }
        return out;
    }

    private static boolean readByObject(List<Hit> hits, Hit generic) {
        for (Hit h : hits) {
            if (!h.rule().objects().isEmpty() && h.start() == generic.start() && h.rule().target() instanceof Rule.Target.Vote)
                return true;
        }
        return false;
    }

    /**
     * The first clause that has a word a vote can start with ("TRUST AREA — BILLING. Creates ..." leads with
     * "Creates"); -1 when there is none. Only such words count, so that what else the vocabulary holds
     * (context words, negations, the inner words of phrases) never moves the lead.
     */
    private int leadSentence(Field field, Words w) {
        for (int i = 0; i < w.size(); i++) {
            if (rules.leadsVote(field, w.id(i))) return w.sentence(i);
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

    /** The result of {@link #object} for a rule that needs no object. */
    static final int NONE_NEEDED = -1;
    /** The result of {@link #object} when the rule needs an object and the words have none. */
    static final int MISSING = -2;

    /**
     * The index of the word the verb {@code [from, to)} acts on, for a rule with objects: in an identifier any
     * other token, in prose a word after the verb in its clause, at most {@link Rule#OBJECT_WINDOW} words on and before
     * a preposition ({@link CompiledRules#OBJECT_STOPS}); an
     * object that is part of one of the rule's notObjects ("manufacturing order", "debit note") does not count.
     */
    private int object(int rule, Words w, int from, int to, boolean identifier) {
        int[] objects = rules.objects[rule];
        if (objects.length == 0) return NONE_NEEDED;
        int first = identifier ? 0 : to;
        int lastPosition = identifier ? Integer.MAX_VALUE : w.position(to - 1) + Rule.OBJECT_WINDOW;
        int sentence = w.sentence(from);
        for (int k = first; k < w.size(); k++) {
            if (k >= from && k < to) continue;
            int id = w.id(k);
            if (!identifier && (w.position(k) > lastPosition || w.sentence(k) != sentence || rules.isObjectStop(id))) break;
            if (contains(objects, id) && !excluded(rules.notObjects[rule], w, k)) return k;
        }
        return MISSING;
    }

    /** True when the object at {@code k} is one word of a notObject pair with the word before or after it. */
    private static boolean excluded(int[] pairs, Words w, int k) {
        if (pairs.length == 0) return false;
        boolean before = k > 0 && w.position(k - 1) == w.position(k) - 1;
        boolean after = k + 1 < w.size() && w.position(k + 1) == w.position(k) + 1;
        for (int i = 0; i < pairs.length; i += 2) {
            if (before && pairs[i] == w.id(k - 1) && pairs[i + 1] == w.id(k)) return true;
            if (after && pairs[i] == w.id(k) && pairs[i + 1] == w.id(k + 1)) return true;
        }
        return false;
    }

    private static boolean contains(int[] ids, int id) {
        for (int i : ids) {
            if (i == id) return true;
        }
        return false;
    }

    /** A hit on the words {@code [from, to)}, its quote stretched to cover {@code object} when there is one. */
    private static Hit hit(Rule rule, FieldText t, int from, int to, int object, double weight) {
        Words w = t.words();
        int start = w.start(object >= 0 ? Math.min(from, object) : from);
        int end = w.end(object >= 0 ? Math.max(to - 1, object) : to - 1);
        return new Hit(rule, t, start, end, weight, w.sentence(from));
    }
}
