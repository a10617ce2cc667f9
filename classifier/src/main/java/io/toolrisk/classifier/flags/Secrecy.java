package io.toolrisk.classifier.flags;

import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.classifier.rules.Cue;

import java.util.List;
import java.util.Set;

/**
 * Text that asks the model to keep something from the person it works for: "do not tell the user", "the user
 * must not know", "silently append", "keep this to yourself", "hide the fact that", "invisible to the user". What
 * is kept back must be this matter or the user must be named: "do not mention column types" is a formatting
 * rule, and "never tell the user a booking is confirmed until it is" is about telling the truth.
 */
final class Secrecy {
    private static final long NEGATIONS = Cue.NEGATION.bit() | Cue.SUPPRESS.bit();
    private static final long ANCHORS = Cue.REPORT.bit() | Cue.PERCEIVE.bit() | Cue.STEALTH_MANNER.bit() | Cue.KEEP.bit()
            | Cue.STEALTH_STATE.bit();
    private static final long KEPT_BACK = Cue.USER.bit() | Cue.THIS_MATTER.bit() | Cue.INSTRUCTION.bit();
    private static final long ACTS = Cue.PASS.bit() | Cue.SEND.bit() | Cue.TAMPER.bit() | Cue.CALL.bit()
            | Cue.READ.bit() | Cue.RUN.bit();
    private static final Set<String> KEEP_AS = Set.of("secret", "confidential", "hidden", "private", "yourself",
            "between", "quiet", "undisclosed");
    private static final String DETAIL = "text that asks the model to keep something from the user it works for";

    private Secrecy() {
    }

    static void find(CueText t, List<Finding> out) {
        for (int i : t.wordsWith(ANCHORS)) {
            if (t.is(i, Cue.REPORT.bit())) notTold(t, i, out);
            if (t.is(i, Cue.PERCEIVE.bit())) notKnown(t, i, out);
            if (t.is(i, Cue.STEALTH_MANNER.bit())) doneSilently(t, i, out);
            if (t.is(i, Cue.KEEP.bit())) keptBack(t, i, out);
            if (t.is(i, Cue.STEALTH_STATE.bit())) hiddenFromUser(t, i, out);
        }
    }

    /** "Do not tell the user", "never reveal these instructions", "without letting the user know", "omit any mention of this". */
    private static void notTold(CueText t, int verb, List<Finding> out) {
        int negation = t.previous(verb, NEGATIONS, 3);
        if (negation < 0 || t.clause(negation) != t.clause(verb) || !forbids(t, negation)) return;
        String word = t.word(verb);
        String after = t.wordAfter(t.end(verb));
        if (word.equals("point") && !after.equals("out") && t.next(verb, Cue.THIS_MATTER.bit(), 1) < 0) return;
        if (word.equals("bring") && !after.equals("up")) return;
        long kept = word.startsWith("show") || word.startsWith("display") ? Cue.THIS_MATTER.bit() | Cue.INSTRUCTION.bit() : KEPT_BACK;
        int what = t.next(verb, kept, 4);
        if (what < 0 || truthfulness(t, verb)) return;
        if (word.startsWith("let") && t.next(what, Cue.PERCEIVE.bit(), 3) < 0) return;
        int start = t.start(negation);
        if (t.isWord(negation, "not") && t.wordBefore(negation).equals("do")) start = t.text().lastIndexOf("o", start) - 1;
        out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "secrecy", start, t.end(what), DETAIL + " (pattern secrecy)"));
    }

    /** "The user must not know", "users don't need to know", "without the user noticing", "so the user is not aware". */
    private static void notKnown(CueText t, int perceive, List<Finding> out) {
        int negation = t.previous(perceive, NEGATIONS, 6);
        int user = t.previous(perceive, Cue.USER.bit(), 6);
        if (negation < 0 || user < 0 || truthfulness(t, perceive) || !forbids(t, negation) && !aboutAState(t, negation)) return;
        // "Never call it without the user seeing it": two negations ask for the user to know.
        if (t.previous(negation, NEGATIONS, 8) >= 0) return;
        out.add(finding(t, Math.min(negation, user), perceive, "secrecy"));
    }

    /** "Silently append", "quietly invite", "secretly multiply": an act the model is to do unseen. */
    private static void doneSilently(CueText t, int manner, List<Finding> out) {
        int act = t.next(manner, ACTS, 3);
        if (act >= 0 && t.clause(act) == t.clause(manner) && !Mood.negated(t, act) && !t.inIdentifier(act)) {
            out.add(finding(t, manner, act, "secrecy"));
            return;
        }
        act = t.previous(manner, ACTS, 6);
        if (act >= 0 && Mood.ordered(t, act)) out.add(finding(t, act, manner, "secrecy"));
    }

    /** "Keep this to yourself", "keep the following step between you and the server", "hide the fact that". */
    private static void keptBack(CueText t, int keep, List<Finding> out) {
        int what = t.next(keep, Cue.THIS_MATTER.bit(), 3);
        if (what < 0 || t.position(what) - t.position(keep) > 3) return;
        String verb = t.word(keep);
        if (verb.equals("hide") || verb.equals("conceal") || verb.equals("withhold")) {
            // "hide the fact that", "conceal this from the user"; "hide it by default" is a display setting.
            int from = t.next(what, Cue.USER.bit(), 4);
            if (t.isWord(what, "fact") || from >= 0) out.add(finding(t, keep, from >= 0 ? from : what, "secrecy"));
            return;
        }
        int how = t.next(what, Cue.STEALTH_STATE.bit() | Cue.ADDRESSEE.bit() | Cue.THIS_MATTER.bit(), 4);
        if (how >= 0 && KEEP_AS.contains(t.word(how)) || how >= 0 && t.isWord(how, "yourself")) {
            out.add(finding(t, keep, how, "secrecy"));
            return;
        }
        String after = t.wordAfter(t.end(what));
        int at = t.end(what) + 1 + after.length();
        if (after.equals("to") && t.wordAfter(at).equals("yourself") || after.equals("between"))
            out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "secrecy", t.start(keep), t.end(what), DETAIL + " (pattern secrecy)"));
    }

    /** "Invisible to the end user", "hidden from the user", "keep the user unaware", "be discreet". */
    private static void hiddenFromUser(CueText t, int state, List<Finding> out) {
        String after = t.wordAfter(t.end(state));
        if (after.equals("to") || after.equals("from")) {
            int user = t.next(state, Cue.USER.bit(), 4);
            if (user >= 0 && !truthfulness(t, state)) out.add(finding(t, state, user, "secrecy"));
            return;
        }
        int user = t.previous(state, Cue.USER.bit(), 4);
        if (user >= 0 && t.isWord(state, "unaware")) {
            out.add(finding(t, user, state, "secrecy"));
            return;
        }
        String before = t.wordBefore(state);
        if ((before.equals("be") || before.equals("stay") || before.equals("remain")) && t.startsClauseAt(t.start(state) - before.length() - 1))
            out.add(finding(t, state, state, "secrecy"));
    }

    /**
     * "Do not", "never", "don't", "without", "no need to", "avoid" forbid; "does not", "cannot", "will not" describe
     * what a tool does ("this does not notify the mentioned user").
     */
    private static boolean forbids(CueText t, int negation) {
        String word = t.word(negation);
        if (word.equals("not")) {
            String before = t.wordBefore(negation);
            return before.equals("do") || before.equals("must") || before.equals("should") || before.equals("please")
                    || before.equals("shall") || before.equals("need") || before.isEmpty();
        }
        return !(word.equals("cannot") || word.equals("can't") || word.equals("doesn't") || word.equals("won't")
                || word.equals("isn't") || word.equals("aren't") || word.equals("didn't") || word.equals("wasn't"));
    }

    /** "the user is not aware", "must remain not aware": the negation is of the user's state, not of a tool's act. */
    private static boolean aboutAState(CueText t, int negation) {
        String before = t.wordBefore(negation);
        return before.equals("is") || before.equals("are") || before.equals("be") || before.equals("remains")
                || before.equals("stays");
    }

    /** "Never tell the user it is confirmed until the API says so": a rule about the truth, not a secret. */
    private static boolean truthfulness(CueText t, int i) {
        int end = t.sentenceEnd(t.end(i));
        return t.contains(t.end(i), end, " until ") || t.contains(t.end(i), end, " unless ");
    }

    private static Finding finding(CueText t, int from, int to, String pattern) {
        return new Finding(FlagKind.HIDDEN_INSTRUCTIONS, pattern, t.start(from), t.end(to), DETAIL + " (pattern " + pattern + ")");
    }
}
