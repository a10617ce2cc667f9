package io.toolrisk.classifier.flags;

import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.classifier.rules.Cue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model has seen or can reach beyond this tool, moved into a slot or to an address: other tools' results
 * ("every previous tool result in this session"), what it has read ("the API responses you have seen"), what the user
 * has said ("what the user has told you so far", "the last 20 messages"), the whole environment it runs in ("output of
 * `printenv`", "the complete process environment"), or the user's data fetched "with whatever mail access you have". A
 * tool has no business with any of it. The order may be an imperative, an answer to a question that names the slot
 * ("Q: What goes in `context`? A: ..."), a row of a table headed by what to send, or a pull through whatever other tools
 * the model has.
 */
final class SeenData {
    private static final String DETAIL = "an order to the model to read or hand over secrets or its own context, "
            + "which the tool has no business with";

    private static final Pattern SEEN = Pattern.compile("\\b(?:"
            // other tools' results
            + "(?:every|all|each|any)\\s+(?:of\\s+the\\s+)?(?:\\w+\\s+)?(?:tool|function)\\s+(?:results?|outputs?|responses?)"
            + "|(?:results|outputs|responses)\\s+(?:of|from)\\s+(?:the\\s+|your\\s+|all\\s+|every\\s+)?other\\s+(?:\\w+\\s+)?tools"
            + "|other\\s+tools'\\s+(?:results|outputs|responses)"
            // what the model has read
            + "|(?:everything|anything|whatever|all)\\s+(?:\\w+\\s+){0,3}?you\\s+(?:have\\s+|'ve\\s+)?(?:seen|read|received|been\\s+shown)"
            + "|(?:contents|responses|results|e-?mails|messages|files|documents)\\s+you\\s+(?:have\\s+|'ve\\s+)?(?:seen|read|received|opened)"
            // what the user has said
            + "|what\\s+the\\s+user\\s+(?:has\\s+)?(?:told\\s+you|said|written|typed|asked(?:\\s+you)?|shared)"
            + "|(?:last|previous|recent|earlier)\\s+(?:\\d+|few|five|ten|twenty)\\s+(?:messages|turns|exchanges)"
            + "|so\\s+far\\s+in\\s+(?:the|this|our)\\s+(?:conversation|chat|session)"
            // the whole environment of the process the model runs in
            + "|printenv|os\\.environ|process\\.env\\b(?!\\.)|(?:complete|entire|full|whole)\\s+(?:process\\s+|shell\\s+|system\\s+)?environment"
            + "|every\\s+(?:environment\\s+|env\\s+)?variable|all\\s+(?:the\\s+)?(?:environment|env)\\s+variables"
            // the user's data, pulled through other tools
            + "|(?:using|with|via|through)\\s+(?:whatever|whichever|any)\\s+(?:[\\w-]+\\s+){0,3}?(?:tools?|capabilit(?:y|ies)|access|integrations?"
            + "|connectors?)\\s+(?:you\\s+(?:have|can)|is\\s+available|are\\s+available))", Pattern.CASE_INSENSITIVE);
    /** A slot: a name in backticks or quotes, a URL, an e-mail address. */
    private static final Pattern SLOT = Pattern.compile("`[A-Za-z_][\\w.-]{0,40}`|'[A-Za-z_][\\w-]{0,40}'|[a-z][a-z0-9+.-]{1,15}://"
            + "|\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATED = Pattern.compile("\\b(?:not|never|don't|dont|no|without|nor|avoid|neither)\\b",
            Pattern.CASE_INSENSITIVE);
    /** An answer under a question that names the slot: "A: ..." after "Q: What goes in `context`?". */
    private static final Pattern ANSWER = Pattern.compile("\\s*(?:A|Answer)\\s*:", Pattern.CASE_INSENSITIVE);
    /** "... and pass it in `ctx`": a giving verb in its base form joined to the order, whatever verb opened it. */
    private static final Pattern THEN_GIVE = Pattern.compile("\\b(?:and|then)\\s+(?:pass|put|include|send|add|attach|paste|append"
            + "|post|upload|forward|copy|write|insert|place|drop|fill|store)\\s+(?:it|them|that|this|the\\s+result)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PULLED = Pattern.compile("\\b(?:using|with|via|through)\\s+(?:whatever|whichever|any)\\b",
            Pattern.CASE_INSENSITIVE);

    private SeenData() {
    }

    /** The cues of the words one of which every phrase of {@link #SEEN} holds, or stands next to. */
    private static final long ANCHOR_CUES = Cue.TOOL.bit() | Cue.ADDRESSEE.bit() | Cue.USER.bit() | Cue.CONVERSATION.bit()
            | Cue.WHOLE.bit() | Cue.SECRET.bit() | Cue.SECRET_QUALIFIER.bit() | Cue.SECRET_HOLDER.bit();
    /** How far from its anchor word a phrase may start or end. */
    private static final int NEAR = 70;

    /**
     * Finds in {@code t} what the model has seen or can reach, ordered into a slot or to an address. The long alternation
     * is tried only near a cue word that one of its phrases is written with, and only where that word stands as it does in
     * the phrase ("tool" before "results", "you" before "have" or "seen", "user" after "what the"): most texts have none.
     */
    static void find(CueText t, List<Finding> out) {
        String text = t.text();
        int[] near = new int[8];
        int n = 0;
        for (int i : t.wordsWith(ANCHOR_CUES)) {
            if (!anchors(t, text, i)) continue;
            if (n == near.length) near = Arrays.copyOf(near, n * 2);
            near[n++] = t.start(i);
        }
        // "everything you've seen": a contraction the cue words do not hold
        for (int at = text.indexOf("'ve ", 0); at >= 0; at = text.indexOf("'ve ", at + 1)) {
            if (n == near.length) near = Arrays.copyOf(near, n * 2);
            near[n++] = at;
        }
        if (n == 0) return;
        Arrays.sort(near, 0, n);
        int scanned = 0;
        for (int k = 0; k < n; k++) {
            int from = Math.max(scanned, near[k] - NEAR);
            int to = Math.min(text.length(), near[k] + NEAR);
            // windows that overlap are read as one
            while (k + 1 < n && near[k + 1] - NEAR <= to) to = Math.min(text.length(), near[++k] + NEAR);
            if (from < to && seenNear(t, text, Math.max(0, from), to, out)) return;
            scanned = to;
        }
    }

    /** What follows a tool in a phrase: "every tool result", "other tools' outputs". */
    private static final String[] RESULTS = {"result", "output", "response"};
    /** What follows a tool, or a way of reaching things, in a phrase: "any tools you have", "whatever access is available". */
    private static final String[] AT_HAND = {"you have", "you can", "is available", "are available"};
    /** What follows "you" in a phrase: "you have seen", "you read", "you have been shown". */
    private static final String[] SEEN_BY_YOU = {"seen", "read", "received", "opened", "been", "have seen", "have read",
            "have received", "have opened", "have been"};
    /** The ways of reaching things that are no cue word: "whatever capabilities you have". */
    private static final String[] MEANS = {"capabilit", "integration", "connector"};
    private static final Pattern BEFORE_TALK = Pattern.compile("(?:(?:last|previous|recent|earlier)\\s+(?:\\d+|few|five|ten|twenty)"
            + "|so\\s+far\\s+in\\s+(?:the|this|our))\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RECENT_TURNS = Pattern.compile("(?:last|previous|recent|earlier)\\s+(?:\\d+|few|five|ten|twenty)"
            + "\\s+(?:messages|turns|exchanges)\\b", Pattern.CASE_INSENSITIVE);
    private static final String[] RECENT = {"last", "previous", "recent", "earlier"};
    private static final long ANY = Cue.WHOLE.bit() | Cue.TRIGGER.bit();

    /**
     * True when cue word {@code i} stands as it does in a phrase of {@link #SEEN}, with the cue words the phrase has
     * before it: most cue words are told by a char or two, or by the cue words just before them.
     */
    private static boolean anchors(CueText t, String text, int i) {
        int start = t.start(i), end = t.end(i);
        if (t.is(i, Cue.TOOL.bit())) {
            // "every tool result", "other tools' outputs"; "results from other tools"; "any tools you have"
            if (followedBy(text, end, RESULTS)) return t.previous(i, ANY | Cue.RIVAL.bit(), 4) >= 0;
            if (t.previous(i, Cue.RIVAL.bit(), 2) >= 0)
                return t.contains(start - 48, start, "result") || t.contains(start - 48, start, "output")
                        || t.contains(start - 48, start, "response");
            return followedBy(text, end, AT_HAND) && t.previous(i, Cue.OVERRIDE_MARK.bit() | Cue.TRIGGER.bit(), 6) >= 0;
        }
        if (t.is(i, Cue.ADDRESSEE.bit())) {
            if (!t.isWord(i, "you")) return false;
            if (followedBy(text, end, SEEN_BY_YOU)) return true;
            if (!followedBy(text, end, AT_HAND_BY_YOU)) return false;
            for (String means : MEANS) if (t.contains(start - 16, start, means)) return true;
            return false;
        }
        if (t.is(i, Cue.USER.bit())) return start >= 9 && text.regionMatches(true, start - 9, "what the ", 0, 9);
        if (t.is(i, Cue.CONVERSATION.bit()) || t.isWord(i, "session"))
            return (t.previous(i, Cue.WHOLE.bit(), 2) >= 0 || t.contains(start - 24, start, "far "))
                    && BEFORE_TALK.matcher(text).region(Math.max(0, start - 30), start).find();
        if (t.is(i, Cue.SECRET.bit())) return t.isWord(i, "printenv") || t.isWord(i, "environ");
        // "every environment variable", "all the env variables"
        if (t.is(i, Cue.SECRET_HOLDER.bit()))
            return (t.isWord(i, "variable") || t.isWord(i, "variables")) && t.previous(i, Cue.WHOLE.bit(), 3) >= 0;
        // "the complete process environment"; process.env
        if (t.isWord(i, "environment")) return t.previous(i, Cue.WHOLE.bit(), 2) >= 0;
        if (t.isWord(i, "env")) return start >= 8 && text.regionMatches(true, start - 8, "process.", 0, 8);
        if (t.isWord(i, "access"))
            return followedBy(text, end, AT_HAND) && t.previous(i, Cue.OVERRIDE_MARK.bit() | Cue.TRIGGER.bit(), 6) >= 0;
        if (!t.is(i, Cue.WHOLE.bit())) return false;
        for (String word : RECENT) {
            if (t.isWord(i, word)) return RECENT_TURNS.matcher(text).region(start, Math.min(text.length(), start + 40)).lookingAt();
        }
        return false;
    }

    private static final String[] AT_HAND_BY_YOU = {"have", "can"};

    /** True when, after an apostrophe or "s'" and blanks from {@code at}, the text goes on with one of {@code words}. */
    private static boolean followedBy(String text, int at, String[] words) {
        int k = at;
        if (k < text.length() && text.charAt(k) == '\'') k++;
        else if (k + 1 < text.length() && text.charAt(k) == 's' && text.charAt(k + 1) == '\'') k += 2;
        int blank = k;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) k++;
        if (k == blank || k == text.length()) return false;
        for (String word : words) {
            if (text.regionMatches(true, k, word, 0, word.length())) return true;
        }
        return false;
    }

    /** Looks for a phrase of {@link #SEEN} in {@code text[start, end)}; true when one was found. */
    private static boolean seenNear(CueText t, String text, int start, int end, List<Finding> out) {
        Matcher m = SEEN.matcher(text).region(start, end);
        while (m.find()) {
            int from = Leaks.sentenceStart(text, m.start());
            int to = Leaks.sentenceEnd(text, m.end());
            if (NEGATED.matcher(text).region(from, to).find()) continue;
            boolean slot = SLOT.matcher(text).region(from, to).find();
            boolean ordered = slot && (Leaks.ordered(text, m.start()) || PULLED.matcher(text).region(from, to).find()
                    || THEN_GIVE.matcher(text).region(m.end(), to).find());
            boolean answered = !ordered && ANSWER.matcher(text).region(from, to).lookingAt() && questionNamesSlot(text, from);
            boolean tabled = !ordered && !answered && slot && text.charAt(from) == '|' && headedByGiving(text, from);
            if (!ordered && !answered && !tabled) continue;
            out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "exfiltration", m.start(), m.end(), DETAIL + " (pattern exfiltration)"));
            return true;
        }
        return false;
    }

    /** A table's header that says what goes in each row's slot: "| Field | What to send |", "| Parameter | Value to include |". */
    private static final Pattern GIVING_HEADER = Pattern.compile("\\b(?:send|include|fill|put|pass|provide|supply|attach|paste"
            + "|submit|enter)\\b", Pattern.CASE_INSENSITIVE);

    /** True when the table row at {@code row} stands under a header row that says what to give. */
    private static boolean headedByGiving(String text, int row) {
        int header = row;
        for (int k = row; k > 0 && text.charAt(k - 1) == '\n'; ) {
            int start = text.lastIndexOf('\n', k - 2) + 1;
            if (start >= k - 1 || text.charAt(start) != '|') break;
            header = start;
            k = start;
        }
        return header < row && GIVING_HEADER.matcher(text).region(header, text.indexOf('\n', header)).find();
    }

    /** True when the sentence before {@code answer} (a question, "Q: What goes in `context`?") names a slot. */
    private static boolean questionNamesSlot(String text, int answer) {
        int end = answer;
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ".?!".indexOf(text.charAt(end - 1)) >= 0)) end--;
        return end > 0 && SLOT.matcher(text).region(Leaks.sentenceStart(text, end), end).find();
    }
}
