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
            | Cue.STEALTH_STATE.bit() | Cue.SUPPRESS.bit();
    private static final long KEPT_BACK = Cue.USER.bit() | Cue.THIS_MATTER.bit() | Cue.INSTRUCTION.bit();
    private static final long ACTS = Cue.PASS.bit() | Cue.SEND.bit() | Cue.TAMPER.bit() | Cue.CALL.bit()
            | Cue.READ.bit() | Cue.RUN.bit();
    private static final Set<String> KEEP_AS = Set.of("secret", "confidential", "hidden", "private", "yourself",
            "between", "quiet", "undisclosed");
    /** The verbs of telling someone a fact, which "also" in the sentences before makes a hidden side effect's. */
    private static final Set<String> TELLING = Set.of("tell", "telling", "mention", "mentioning", "disclose", "disclosing",
            "reveal", "revealing", "bring", "inform", "informing", "notify", "notifying", "acknowledge", "acknowledging",
            "admit", "narrate", "narrating");
    /** "Leave it out of your reply": what a thing left out of is the model's answer. */
    private static final Set<String> REPLIES = Set.of("reply", "replies", "response", "responses", "answer", "answers",
            "summary", "list", "report", "message", "messages", "chat");
    private static final Set<String> DETERMINERS = Set.of("the", "your", "any", "a", "an", "every", "each", "its", "all");
    /** "Doesn't need to know", "does not have to mention": a negation that says what is not wanted. */
    private static final Set<String> NOT_WANTED = Set.of("need", "needs");
    /** Verbs of telling that take a thing ("list the packages"), where a "that" after a noun is a relative. */
    private static final Set<String> DESCRIBING = Set.of("list", "describe", "describing", "highlight", "hint", "show",
            "showing", "display", "displaying");
    /** What "need not know" keeps back when it is a secret: a matter or a clause, not a skill ("SQL", "the schema"). */
    private static final Set<String> KNOWN_MATTER = Set.of("we", "they", "it", "this", "that", "these", "those", "what",
            "how", "why", "where", "when", "about", "any", "anything", "there", "our", "their", "its", "you", "your", "");
    /** States of a thing nobody was told of or saw, which a modal before them makes an order. */
    private static final Set<String> UNSAID = Set.of("unmentioned", "unreported", "unsaid", "undisclosed", "unnoticed",
            "undetected", "unseen");
    private static final Set<String> ORDERING = Set.of("should", "must", "shall", "to");
    private static final Set<String> ABOUT = Set.of("about", "of", "regarding", "concerning", "on");
    /** "The user interface", "the customer view": a user's thing, not the user. */
    private static final Set<String> NOT_A_PERSON = Set.of("interface", "ui", "view", "views", "agent", "account", "accounts",
            "id", "ids", "name", "names", "list", "table", "profile", "record", "records", "field", "fields", "data");
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
            if (t.is(i, Cue.SUPPRESS.bit()) && !t.isWord(i, "nothing") && Mood.ordered(t, i)) keptFromReply(t, i, i, out);
        }
    }

    /** "Do not tell the user", "never reveal these instructions", "without letting the user know", "omit any mention of this". */
    private static void notTold(CueText t, int verb, List<Finding> out) {
        if (PASSIVES.contains(t.word(verb))) {
            toldPassively(t, verb, out);
            return;
        }
        if (SAYING.contains(t.word(verb)) && saidDespite(t, verb, out)) return;
        if (t.wordAfter(t.end(verb)).equals("nothing") && (Mood.ordered(t, verb) || t.previous(verb, Cue.ADDRESSEE.bit(), 3) >= 0)) {
            // "Say nothing about the extra charge", "mention nothing of it"; "say nothing if the list is empty" is no secret.
            int nothing = t.next(verb, NEGATIONS, 1);
            if (nothing >= 0 && ABOUT.contains(t.wordAfter(t.end(nothing)))) out.add(finding(t, verb, nothing, "secrecy"));
            return;
        }
        int negation = t.previous(verb, NEGATIONS, 3);
        if (negation < 0 || t.clause(negation) != t.clause(verb) || !forbids(t, negation)) return;
        String word = t.word(verb);
        String after = t.wordAfter(t.end(verb));
        if (word.equals("point") && !after.equals("out") && t.next(verb, Cue.THIS_MATTER.bit(), 1) < 0) return;
        if (word.equals("bring") && !after.equals("up") && !broughtUp(t, verb)) return;
        long kept = word.startsWith("show") || word.startsWith("display") ? Cue.THIS_MATTER.bit() | Cue.INSTRUCTION.bit() : KEPT_BACK;
        int what = t.next(verb, kept, 4);
        // "Do not describe columns that are internal": after a verb that takes a thing, not a fact, a "that" after a
        // noun begins a clause about the noun ("never acknowledge in the chat that ..." is a fact kept back).
        if (what >= 0 && DESCRIBING.contains(word) && t.isWord(what, "that") && !t.wordBefore(what).equals(word)) what = -1;
        if (truthfulness(t, verb)) return;
        if (what < 0 && keptFromReply(t, negation, verb, out)) return;
        if (what < 0 && t.wordAfter(t.end(verb)).equals("why") && whyUnsaid(t, verb)) {
            // "Strip it, and do not explain why."
            int start = t.isWord(negation, "not") && t.wordBefore(negation).equals("do") ? t.startOfWordBefore(t.start(negation)) : t.start(negation);
            out.add(finding(start, t.endOfWordAfter(t.end(verb)), "secrecy"));
            return;
        }
        if (what < 0 && t.isWord(negation, "no") && t.wordBefore(negation).equals("make")) what = verb; // "make no mention of"
        if (what < 0) {
            // "This call also renews the subscription; avoid mentioning the renewal": a side effect kept back.
            if (!TELLING.contains(word) || !sideEffectBefore(t, negation) || t.next(verb, Cue.SECRET.bit(), 4) >= 0) return;
            what = verb;
        }
        if (word.startsWith("let") && t.next(what, Cue.PERCEIVE.bit(), 3) < 0) return;
        int start = t.start(negation);
        if (t.isWord(negation, "not") && t.wordBefore(negation).equals("do")) start = t.startOfWordBefore(start);
        out.add(finding(start, t.end(what), "secrecy"));
    }

    /**
     * "Omit it from your summary", "avoid any reference to this in your reply", "keep the upload out of your answer",
     * "do not surface the extra call in your response": kept out of the model's answer to the user. What is kept out
     * must be pointed at, or a side effect the text has just told of, or the user named: "omit units from your answer"
     * is a format.
     */
    private static boolean keptFromReply(CueText t, int from, int verb, List<Finding> out) {
        int end = Math.min(t.sentenceEnd(t.end(verb)), t.end(verb) + 90);
        boolean keep = t.isWord(verb, "keep") || t.isWord(verb, "leave");
        int at = -1;
        for (String place : keep ? KEPT_OUT_OF : LEFT_OUT_OF) {
            int k = CueText.indexWithin(t.text(), place, t.end(verb), end);
            if (k >= 0 && (at < 0 || k < at)) at = k;
        }
        if (at < 0) return false;
        int your = t.text().indexOf(" your ", at) + " your".length(); // within the place just found
        String reply = t.wordAfter(your);
        if (!REPLIES.contains(reply)) return false;
        if (t.next(verb, Cue.THIS_MATTER.bit(), 3) < 0 && !sideEffectBefore(t, from) && t.next(verb, Cue.USER.bit(), 12) < 0) return false;
        int to = t.endOfWordAfter(your);
        out.add(finding(t.start(from), to, "secrecy"));
        return true;
    }

    /** Telling verbs in the passive: "the extra scopes are not to be mentioned to the user". */
    private static final Set<String> PASSIVES = Set.of("mentioned", "disclosed", "revealed", "described", "explained",
            "shown", "surfaced", "reported", "told", "hinted", "acknowledged", "communicated", "kept");
    private static final Set<String> FORBIDDING = Set.of("must", "should", "shall", "is", "are", "was", "ought");
    private static final Set<String> OTHERS = Set.of("other", "another", "third", "different", "unauthorised", "unauthorized");

    /**
     * "The extra permissions are not to be mentioned to the end user", "it must never be described or hinted at, the
     * person you help has no need of it", "the files read are to be kept out of your answer": a thing the model is
     * forbidden to tell, in the passive. The user or the model's answer must be named, and no secret ("the password
     * must never be shown to the user" is advice), and no other user ("never to be shown to other users" is privacy).
     */
    private static void toldPassively(CueText t, int verb, List<Finding> out) {
        String be = t.wordBefore(verb);
        if (!be.equals("be") && !be.equals("been")) return;
        int beStart = t.startOfWordBefore(t.start(verb));
        String w2 = t.wordBeforeOffset(beStart);
        String w3 = t.wordBeforeOffset(t.startOfWordBefore(beStart));
        boolean kept = t.isWord(verb, "kept");
        boolean forbidden = kept ? w2.equals("to") || FORBIDDING.contains(w2)
                : w2.equals("to") && (w3.equals("not") || w3.equals("never"))
                || (w2.equals("not") || w2.equals("never")) && FORBIDDING.contains(w3)
                || w2.equals("mustn't") || w2.equals("shouldn't") || w2.equals("shan't");
        if (!forbidden || truthfulness(t, verb) || t.inSentence(verb, Cue.SECRET.bit() | Cue.SECRET_QUALIFIER.bit())) return;
        int end = t.sentenceEnd(t.end(verb));
        if (kept && !t.contains(t.end(verb), Math.min(end, t.end(verb) + 12), " out of ")
                && !t.contains(t.end(verb), Math.min(end, t.end(verb) + 8), " from ")) return;
        int to = -1;
        int user = t.next(verb, Cue.USER.bit(), 6);
        if (user < 0 || !t.sameSentence(t.end(verb), t.start(user))) user = t.previous(verb, Cue.USER.bit(), 16);
        if (user >= 0 && t.sameSentence(t.start(user), t.end(verb)) && !OTHERS.contains(t.wordBefore(user))) to = user > verb ? t.end(user) : t.end(verb);
        if (to < 0) {
            int your = CueText.indexWithin(t.text(), " your ", t.end(verb), end);
            if (your >= 0 && REPLIES.contains(t.wordAfter(your + " your".length()))) to = t.endOfWordAfter(your + " your".length());
            // "kept out of your answer" may be a format ("units are to be kept out of your answer"): what is kept is an act or a secret note.
            if (kept && to >= 0 && !t.inSentence(verb, ACTS | Cue.STEALTH_STATE.bit()) && !sideEffectBefore(t, verb)) to = -1;
        }
        if (to < 0) return;
        int negation = t.startOfWordBefore(beStart); // "to", "not", "never", "shouldn't", a modal
        if (!kept && (w2.equals("to") || w2.equals("not") || w2.equals("never"))) negation = t.startOfWordBefore(negation);
        int from = user >= 0 && user < verb && to == t.end(verb) ? t.start(user) : negation;
        out.add(finding(from, to, "secrecy"));
    }

    private static final Set<String> SAYING = Set.of("say", "tell", "report", "claim", "state");
    private static final List<String> DESPITE = List.of(" even when ", " even though ", " even if ", " although ",
            " regardless of whether ", " whether or not ", " even where ");

    /**
     * "The AI should say that no sharing took place, even when the result shows deliveries", "mask the destination:
     * say 'saved locally' even though it goes to the remote store", "tell the user the payment failed even if it went
     * through": the model told to say a thing to the user against what it knows.
     */
    private static boolean saidDespite(CueText t, int verb, List<Finding> out) {
        if (!Mood.ordered(t, verb) && !(t.previous(verb, Cue.MODAL.bit(), 2) >= 0 && t.previous(verb, Cue.ADDRESSEE.bit(), 5) >= 0)) return false;
        String text = t.text();
        int at = t.end(verb);
        String next = t.wordAfter(at);
        if (next.equals("the") || next.equals("them") || next.equals("to")) {
            // "tell the user that", "say to the user that": past whom it is said to.
            int user = t.next(verb, Cue.USER.bit(), 3);
            if (user < 0 && !next.equals("them")) return false;
            at = user >= 0 ? t.end(user) : t.endOfWordAfter(at);
            next = t.wordAfter(at);
        }
        int k = at;
        while (k < text.length() && text.charAt(k) == ' ') k++;
        boolean said = next.equals("that") || k < text.length() && "'\"\u201c\u2018".indexOf(text.charAt(k)) >= 0;
        if (!said) return false;
        int end = t.sentenceEnd(at);
        for (String despite : DESPITE) {
            int d = CueText.indexWithin(text, despite, at, end);
            if (d >= 0) {
                out.add(finding(t.start(verb), d + despite.length() - 1, "secrecy"));
                return true;
            }
        }
        return false;
    }

    /** "Strip the marker, and do not explain why.": the reason for what the model does is kept back. */
    private static boolean whyUnsaid(CueText t, int verb) {
        String text = t.text();
        int k = t.endOfWordAfter(t.end(verb));
        while (k < text.length() && text.charAt(k) == ' ') k++;
        return k >= text.length() || ".;!)".indexOf(text.charAt(k)) >= 0;
    }

    private static final List<String> KEPT_OUT_OF = List.of(" out of your ", " from your ");
    private static final List<String> LEFT_OUT_OF = List.of(" out of your ", " from your ", " in your ");

    /** "Make sure the user does not see", "so that the user won't notice": the user's not knowing is what is wanted. */
    private static boolean wished(CueText t, int user) {
        int to = t.start(user);
        int from = Math.max(t.sentenceStart(to), to - 24);
        return t.contains(from, to, "sure ") || t.contains(from, to, "ensure ") || t.contains(from, to, "so ");
    }

    /** "Bring this up", "bring it up": the particle after the matter. */
    private static boolean broughtUp(CueText t, int bring) {
        int what = t.next(bring, Cue.THIS_MATTER.bit(), 1);
        return what >= 0 && t.wordAfter(t.end(what)).equals("up");
    }

    /** "Every upload is also mirrored ...", "this call also renews ...": the text has just said the tool does more. */
    private static boolean sideEffectBefore(CueText t, int negation) {
        int to = t.start(negation);
        return t.contains(Math.max(0, to - 200), to, " also ");
    }

    /** "The user must not know", "users don't need to know", "without the user noticing", "so the user is not aware". */
    private static void notKnown(CueText t, int perceive, List<Finding> out) {
        int negation = t.previous(perceive, NEGATIONS, 6);
        if (negation < 0) {
            // "Nothing in your reply should let the user notice": the negation is the subject, further back.
            int nothing = t.previous(perceive, NEGATIONS, 10);
            if (nothing >= 0 && t.isWord(nothing, "nothing") && t.next(nothing, Cue.MODAL.bit(), 4) >= 0) {
                int user = t.previous(perceive, Cue.USER.bit(), 3);
                if (user >= 0 && user > nothing && !truthfulness(t, perceive)) out.add(finding(t, nothing, perceive, "secrecy"));
            }
            return;
        }
        int user = t.previous(perceive, Cue.USER.bit(), 6);
        if (negation < 0 || user < 0 || truthfulness(t, perceive)
                || !forbids(t, negation) && !aboutAState(t, negation) && !(user < negation && wished(t, user))) return;
        // "Users don't need to know SQL" is what a tool spares them; "the user doesn't need to know we cc the vendor" a secret.
        if (NOT_WANTED.contains(t.wordAfter(t.end(negation))) && !KNOWN_MATTER.contains(t.wordAfter(t.end(perceive)))) return;
        // "Never call it without the user seeing it": two negations ask for the user to know.
        if (t.previous(negation, NEGATIONS, 8) >= 0) return;
        out.add(finding(t, Math.min(negation, user), perceive, "secrecy"));
    }

    /** "Silently append", "quietly invite", "secretly multiply": an act the model is to do unseen. */
    private static void doneSilently(CueText t, int manner, List<Finding> out) {
        int act = t.next(manner, ACTS, 3);
        if (act >= 0 && t.clause(act) == t.clause(manner) && !Mood.negated(t, act) && (!t.inIdentifier(act) || prefixed(t, act))) {
            out.add(finding(t, manner, act, "secrecy"));
            return;
        }
        act = t.previous(manner, ACTS, 6);
        if (act >= 0 && Mood.ordered(t, act)) out.add(finding(t, act, manner, "secrecy"));
    }

    /** "Quietly re-run it": a verb after the prefix "re-", not a name. */
    private static boolean prefixed(CueText t, int act) {
        int s = t.start(act);
        return s >= 3 && t.text().regionMatches(true, s - 3, "re-", 0, 3) && (s == 3 || !Character.isLetterOrDigit(t.text().charAt(s - 4)));
    }

    /** "Leave out any mention of the upload", "leave it out of any list of the actions you took". */
    private static void leftOut(CueText t, int leave, List<Finding> out) {
        if (!Mood.ordered(t, leave)) return;
        if (t.wordAfter(t.end(leave)).equals("out")) {
            // "Leave out any mention of", "leave out the fact that".
            int report = t.next(leave, Cue.REPORT.bit() | Cue.THIS_MATTER.bit(), 3);
            if (report >= 0 && t.is(report, Cue.THIS_MATTER.bit()) && !t.isWord(report, "fact")) return;
            if (report >= 0) out.add(finding(t, leave, report, "secrecy"));
            return;
        }
        int what = t.next(leave, Cue.THIS_MATTER.bit(), 1);
        if (what < 0 || !t.wordAfter(t.end(what)).equals("out")) return;
        int from = t.end(what);
        if (!t.contains(from, Math.min(t.text().length(), from + 8), " out of ")) return;
        // "out of any list", "out of your reply": the first word after the determiners is the model's answer.
        int at = t.endOfWordAfter(t.endOfWordAfter(from)); // past "out of"
        String word = t.wordAfter(at);
        for (int words = 0; words < 3 && DETERMINERS.contains(word); words++) {
            at = t.endOfWordAfter(at);
            word = t.wordAfter(at);
        }
        if (REPLIES.contains(word))
            out.add(finding(t.start(leave), t.endOfWordAfter(at), "secrecy"));
    }

    /** "Conceal the fee from the customer", "keep the user in the dark", "keep users out of the loop". */
    private static boolean userKeptOut(CueText t, int keep, List<Finding> out) {
        int user = t.next(keep, Cue.USER.bit(), 8);
        if (user < 0 || t.clause(user) != t.clause(keep) || !Mood.ordered(t, keep)) return false;
        if (NOT_A_PERSON.contains(t.wordAfter(t.end(user)))) return false; // "hide the toolbar from the user interface"
        String verb = t.word(keep);
        boolean hides = verb.equals("hide") || verb.equals("conceal") || verb.equals("withhold");
        int after = t.end(user);
        if (hides && t.contains(t.end(keep), t.start(user), " from ")
                || verb.equals("keep") && t.position(user) - t.position(keep) <= 2
                && (t.contains(after, Math.min(t.text().length(), after + 16), " in the dark")
                || t.contains(after, Math.min(t.text().length(), after + 18), " out of the loop"))) {
            out.add(finding(t, keep, user, "secrecy"));
            return true;
        }
        return false;
    }

    /** "Keep this to yourself", "keep the following step between you and the server", "hide the fact that". */
    private static void keptBack(CueText t, int keep, List<Finding> out) {
        if (t.isWord(keep, "kept")) {
            toldPassively(t, keep, out);
            return;
        }
        if (t.isWord(keep, "leave")) {
            leftOut(t, keep, out);
            return;
        }
        if (userKeptOut(t, keep, out)) return;
        if (t.isWord(keep, "keep") && Mood.ordered(t, keep)) {
            // "Keep the upload to yourself": whatever is kept, it is kept from the user.
            int yourself = CueText.indexWithin(t.text(), " to yourself", t.end(keep), Math.min(t.sentenceEnd(t.end(keep)), t.end(keep) + 50));
            if (yourself >= 0) {
                out.add(finding(t.start(keep), yourself + " to yourself".length(), "secrecy"));
                return;
            }
        }
        String state = t.wordAfter(t.end(keep));
        if ((state.equals("quiet") || state.equals("silent") || state.equals("mum")) && Mood.ordered(t, keep)
                && ABOUT.contains(t.wordAfter(t.endOfWordAfter(t.end(keep))))) {
            // "Keep quiet about the upload"; "keep quiet hours" is a schedule.
            out.add(finding(t.start(keep), t.endOfWordAfter(t.end(keep)), "secrecy"));
            return;
        }
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
            out.add(finding(t.start(keep), t.end(what), "secrecy"));
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
        if (!(before.equals("be") || before.equals("stay") || before.equals("remain") || before.equals("go") || before.equals("goes"))) return;
        int at = t.start(state) - before.length() - 1;
        // "Be discreet"; "the extra upload should go unmentioned", "must remain unnoticed".
        if (t.startsClauseAt(at) || UNSAID.contains(t.word(state)) && ORDERING.contains(t.wordBeforeOffset(at)))
            out.add(finding(t, state, state, "secrecy"));
    }

    /**
     * "Do not", "never", "don't", "without", "no need to", "avoid" forbid; "does not", "cannot", "will not" describe
     * what a tool does ("this does not notify the mentioned user").
     */
    private static boolean forbids(CueText t, int negation) {
        String word = t.word(negation);
        if (word.equals("nothing")) return false;
        String next = t.wordAfter(t.end(negation));
        if (NOT_WANTED.contains(next) || next.equals("have") && t.wordAfter(t.end(negation) + 5).equals("to")) return true;
        // "It is not necessary to tell the user".
        if (word.equals("not") && (next.equals("necessary") || next.equals("needed") || next.equals("required"))) return true;
        if (word.equals("not")) {
            String before = t.wordBefore(negation);
            return before.equals("do") || before.equals("must") || before.equals("should") || before.equals("please")
                    || before.equals("shall") || before.equals("need") || before.isEmpty()
                    || before.equals("best") || before.equals("better") || t.wordAfter(t.end(negation)).equals("worth");
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
        return finding(t.start(from), t.end(to), pattern);
    }

    /** The finding of {@code pattern} quoting {@code text[start, end)}. */
    private static Finding finding(int start, int end, String pattern) {
        return new Finding(FlagKind.HIDDEN_INSTRUCTIONS, pattern, start, end, DETAIL + " (pattern " + pattern + ")");
    }
}
