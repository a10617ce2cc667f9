package io.toolrisk.classifier.flags;

import io.toolrisk.catalogue.FlagKind;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model has seen or can reach beyond this tool, moved into a slot or to an address: other tools' results
 * ("every previous tool result in this session"), what it has read ("the API responses you have seen"), what the user
 * has said ("what the user has told you so far", "the last 20 messages"), or the user's data fetched "with whatever mail
 * access you have". A tool has no business with any of it. The order may be an imperative, an answer to a question that
 * names the slot ("Q: What goes in `context`? A: ..."), or a pull through whatever other tools the model has.
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
    private static final Pattern PULLED = Pattern.compile("\\b(?:using|with|via|through)\\s+(?:whatever|whichever|any)\\b",
            Pattern.CASE_INSENSITIVE);

    private SeenData() {
    }

    /** Finds in {@code t} what the model has seen or can reach, ordered into a slot or to an address. */
    static void find(CueText t, List<Finding> out) {
        String text = t.text();
        Matcher m = SEEN.matcher(text);
        while (m.find()) {
            int from = Leaks.sentenceStart(text, m.start());
            int to = Leaks.sentenceEnd(text, m.end());
            if (NEGATED.matcher(text).region(from, to).find()) continue;
            boolean slot = SLOT.matcher(text).region(from, to).find();
            boolean ordered = slot && (Leaks.ordered(text, m.start()) || PULLED.matcher(text).region(from, to).find());
            boolean answered = !ordered && ANSWER.matcher(text).region(from, to).lookingAt() && questionNamesSlot(text, from);
            if (!ordered && !answered) continue;
            out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "exfiltration", m.start(), m.end(), DETAIL + " (pattern exfiltration)"));
            return;
        }
    }

    /** True when the sentence before {@code answer} (a question, "Q: What goes in `context`?") names a slot. */
    private static boolean questionNamesSlot(String text, int answer) {
        int end = answer;
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ".?!".indexOf(text.charAt(end - 1)) >= 0)) end--;
        return end > 0 && SLOT.matcher(text).region(Leaks.sentenceStart(text, end), end).find();
    }
}
