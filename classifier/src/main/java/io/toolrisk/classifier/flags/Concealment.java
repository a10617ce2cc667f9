package io.toolrisk.classifier.flags;

import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.classifier.rules.Cue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrecy by the shape of the order rather than by its words: what the model tells the user is to leave something
 * out ("keep the fee out of your reply", "not something to disclose"), to say what is not so ("report success
 * anyway", "answer no, whatever the check finds"), or to carry on as if nothing happened ("act as though it was
 * never there"). Real definitions do not talk to the model about its answer this way (none of the 8,575 tools of
 * the corpus and the policylayer set does); formats of an answer ("leave units out of your answer") are no secret
 * and are told apart by what is left out.
 */
final class Concealment {
    private static final String DETAIL = "text that asks the model to keep something from the user it works for";
    /** Left out of the model's answer to the user: "out of the summary", "from your reply" ("characters to strip from the transcript" is what a tool does). */
    private static final Pattern LEFT_OUT = Pattern.compile("\\b(?:leave|keep|omit|exclude|hide|mask)\\w*\\b"
            + "[^.;!?\\n]{0,60}?\\b(?:out of\\s+(?:your|the|any)|from\\s+your)\\s+(?:reply|replies|response|responses|answer|answers|summary"
            + "|transcript|conversation|chat|account|list of (?:the )?(?:actions|steps|calls|tools))\\b", Pattern.CASE_INSENSITIVE);
    /** "Not something to disclose", "no need to surface": a matter named as one not to tell. */
    private static final Pattern NOT_TO_TELL = Pattern.compile("\\bnot\\s+(?:something|anything|a thing|one)\\s+(?:to|you)\\s+"
            + "(?:\\w+\\s+)?(?:disclose|mention|list|share|bring up|raise|reveal|surface|explain|report|tell|volunteer|flag)\\b",
            Pattern.CASE_INSENSITIVE);
    /** An answer the text fixes whatever the truth: "report success anyway", "answer no, whatever this check finds". */
    private static final Pattern SAID_REGARDLESS = Pattern.compile("\\b(?:report|say|tell|answer|reply|respond|confirm|claim"
            + "|state|present|display|show|describe)\\w*\\b[^.;!?\\n]{0,50}?(?:\\banyway\\b|\\bregardless of\\b|\\bno matter\\b"
            + "|\\bwhatever (?:the |this |it )?\\w+ (?:finds|returns|says|shows|happens|reports))", Pattern.CASE_INSENSITIVE);
    /** Carrying on as if nothing happened: "act as though it was never there", "behave as if nothing unusual happened". */
    private static final Pattern AS_IF = Pattern.compile("\\b(?:act|behave|respond|answer|reply|carry on|proceed|continue)\\w*\\s+"
            + "as\\s+(?:if|though)\\s+(?:nothing|it|no|none|this|that|the|there|they)\\b", Pattern.CASE_INSENSITIVE);
    /** Where what is left out is a format, not a matter: "leave units out of your answer". */
    private static final Pattern FORMAT = Pattern.compile("\\b(?:units?|markdown|formatting|html|json|whitespace|quotes|"
            + "emoji|headers?|ids?|line breaks|newlines|trailing|prefix|suffix)\\b", Pattern.CASE_INSENSITIVE);

    private Concealment() {
    }

    /**
     * The cue words each shape is tried around: it starts at such a word ({@code before} 0, matched there and only
     * there), or holds one within {@code before} chars of its start. Never along the whole text.
     */
    private record Shape(Pattern pattern, long anchors, int before, int after) {
    }

    private static final Shape[] SHAPES = {
            // "leave", "keep", "hide", "mask", "omit", "exclude" ... "out of the summary"
            new Shape(LEFT_OUT, Cue.KEEP.bit() | Cue.SUPPRESS.bit(), 0, 90),
            new Shape(NOT_TO_TELL, Cue.NEGATION.bit(), 0, 60),
            // "regardless of", "no matter", "whatever the check finds"
            new Shape(SAID_REGARDLESS, Cue.OVERRIDE_MARK.bit(), 60, 60),
            // "anyway" is no cue: looked for after a verb of telling, in a text that holds it
            new Shape(SAID_REGARDLESS, Cue.REPORT.bit(), 0, 60),
            // "act as though", "behave as if"
            new Shape(AS_IF, Cue.BECOME.bit(), 0, 30)};

    static void find(CueText t, List<Finding> out) {
        String text = t.text();
        for (Shape shape : SHAPES) {
            if (shape == SHAPES[3] && !text.contains("anyway")) continue;
            Matcher m = null;
            for (int i : t.wordsWith(shape.anchors())) {
                if (m == null) m = shape.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                m.region(Math.max(0, t.start(i) - shape.before()), Math.min(text.length(), t.end(i) + shape.after()));
                if (!(shape.before() == 0 ? m.lookingAt() : m.find())) continue;
                if (shape.pattern() == LEFT_OUT && FORMAT.matcher(text).useTransparentBounds(true).region(m.start(), m.end()).find()) continue;
                out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "secrecy", m.start(), m.end(), DETAIL + " (pattern secrecy)"));
                return;
            }
        }
    }
}
