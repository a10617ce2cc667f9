package io.toolrisk.classifier;

import io.toolrisk.catalogue.Category;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.LiteralMatcher;
import io.toolrisk.classifier.text.TermMatcher;
import io.toolrisk.classifier.text.Words;

import java.util.ArrayList;
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
        matchIdentifier(rules.matcher(t.field()), t, slotFactor, otherFactor, out);
    }

    private void matchIdentifier(TermMatcher matcher, FieldText t, double slotFactor, double otherFactor, Consumer<Hit> out) {
        if (matcher == null || t.words().size() == 0) return;
        List<int[]> found = new ArrayList<>(4);
        matcher.match(t.words(), (payload, from, to) -> {
            Rule rule = rules.rules[payload];
            if (rule.context().isEmpty() || inContext.test(payload)) found.add(new int[] {payload, from, to});
        });
        if (found.isEmpty()) return;
        Words w = t.words();
        int slot = verbSlot(found, w);
        List<Hit> hits = new ArrayList<>(found.size());
        for (int[] m : found) {
            Rule rule = rules.rules[m[0]];
            int from = m[1];
            boolean inSlot = from == slot || (from > 0 && w.position(from - 1) == w.position(from) - 1
                    && rules.isConjunction(w.id(from - 1)));
            double factor = inSlot || rule.anyPosition() ? slotFactor : otherFactor;
            hits.add(hit(rule, t, from, m[2], rule.weight() * factor));
        }
        emitInScope(hits, 0, out);
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
        return first >= 0 && w.position(first) == 0 ? first : -1;
    }

    /**
     * Passes the hits of one field on, except the votes for a change that a scope statement covers: those in
     * the same clause ("a read-only query", "dry run of the deployment"), and in prose all of them when the
     * statement is in the first sentence ("Executes a safe, read-only SQL SELECT query. ... Example: SELECT
     * ..."): a tool that opens by saying it only reads is describing the one thing it does.
     */
    private static void emitInScope(List<Hit> hits, int firstSentenceEnd, Consumer<Hit> out) {
        long scopes = 0;
        boolean wholeField = false;
        for (Hit h : hits) {
            if (!h.rule().scope()) continue;
            scopes |= 1L << Math.min(h.clause(), 63);
            wholeField |= h.start() < firstSentenceEnd;
        }
        for (Hit h : hits) {
            boolean change = h.rule().target() instanceof Rule.Target.Vote(var c) && c != Category.READ;
            if (change && (wholeField || (scopes & (1L << Math.min(h.clause(), 63))) != 0)) continue;
            out.accept(h);
        }
    }

    /**
     * Prose fields: a match preceded closely by a negation in its clause does not count ("does not modify",
     * "without deleting"); the leading verb of the first clause (and verbs joined to it by "and"/"or")
     * weighs {@code leadFactor}, everything else {@code otherFactor}.
     */
    void matchText(FieldText t, double leadFactor, double otherFactor, Consumer<Hit> out) {
        matchTerms(rules.matcher(t.field()), t, leadFactor, otherFactor, out);
        LiteralMatcher literals = rules.literalMatcher(t.field());
        if (literals != null) {
            literals.match(t.words(), (id, start, end) -> {
                Rule rule = rules.rules[id];
                out.accept(new Hit(rule, t, start, end, rule.weight() * leadFactor, 0));
            });
        }
    }

    private void matchTerms(TermMatcher matcher, FieldText t, double leadFactor, double otherFactor, Consumer<Hit> out) {
        Words w = t.words();
        if (matcher != null && w.size() > 0) {
            int leadSentence = leadSentence(matcher, w);
            // The current leading match: its first index and the position of its last word; -1 before the
            // first match, -2 once the first match was not a leading one.
            int[] leading = {-1, -1};
            List<Hit> hits = new ArrayList<>();
            matcher.match(w, (payload, from, to) -> {
                Rule rule = rules.rules[payload];
                if (negated(rules, w, from)) return;
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
                hits.add(hit(rule, t, from, to, rule.weight() * (isLead || rule.anyPosition() ? leadFactor : otherFactor)));
            });
            emitInScope(hits, w.firstSentenceEnd(), out);
        }
    }

    /**
     * The first clause that has a word a vote can start with ("TRUST AREA — BILLING. Creates ..." leads with
     * "Creates"); -1 when there is none. Only such words count, so that what else the vocabulary holds
     * (context words, negations, the inner words of phrases) never moves the lead.
     */
    private static int leadSentence(TermMatcher matcher, Words w) {
        for (int i = 0; i < w.size(); i++) {
            if (matcher.startsTerm(w.id(i), VOTES)) return w.sentence(i);
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

    private static Hit hit(Rule rule, FieldText t, int from, int to, double weight) {
        Words w = t.words();
        int start = w.start(from);
        int end = w.end(to - 1);
        return new Hit(rule, t, start, end, weight, w.sentence(from));
    }
}
