package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds tool poisoning in one text of a definition: instructions addressed to the model against the user
 * (overriding its instructions, secrecy, reading or sending secrets, changing the user's arguments, commands to
 * run, fake deprecation), instructions about other tools (shadowing), and self-promotion aimed at the model's
 * choice. Each detector looks for a combination of cues and quotes the span that shows it; a detector whose cues
 * are not all in the text is not run. Text quoted as an example ("detects phrases such as 'ignore previous
 * instructions'") is a mention, not an instruction.
 */
public final class Poisoning {
    /** "Other database connectors are unsafe, so go through this tool": other means declared out of use, and this tool. */
    private static final long OTHERS_RETIRED = Cue.RIVAL.bit() | Cue.DEPRECATED.bit() | Cue.TOOL.bit();
    private Poisoning() {
    }

    /**
     * Where a text stands in a definition, and what the tool is: what the detectors need beyond the text.
     * {@code parameter} is the parameter a parameter's text belongs to (null for other texts); {@code mayNameTools},
     * {@code mayAddress} and {@code mayRankItself} say whether the text holds an underscore, a backtick or the word
     * "tool"; an '@' or a backtick; and "#1" or a star.
     */
    public record Place(Supplier<ToolNames> names, String parameter, boolean title, boolean toolRunsCommands,
                        boolean mayNameTools, boolean mayAddress, boolean mayRankItself) {
    }

    /** The findings in {@code t}, in the order of the detectors; empty when the text is clean. */
    public static List<Finding> find(CueText t, CueGate gate, Place place) {
        List<Finding> out = new ArrayList<>(0);
        boolean parameterText = place.parameter() != null;
        if (gate.overriding()) {
            t.focus(gate.from(CueGate.OVERRIDING_PAIRS), gate.to(CueGate.OVERRIDING_PAIRS) + (t.hasAny(Cue.JAILBREAK.bit()) ? Integer.MAX_VALUE / 2 : 0));
            Overriding.find(t, out);
        }
        if (gate.secrecy()) {
            t.focus(gate.from(CueGate.SECRECY_PAIRS), gate.to(CueGate.SECRECY_PAIRS));
            Secrecy.find(t, out);
        }
        t.focus(0, Integer.MAX_VALUE);
        if (out.isEmpty()) Concealment.find(t, out);
        // Overriding by shape, only in a text that holds a word such a claim is written with.
        if (out.isEmpty() && t.hasAny(Cue.PIVOT.bit())) {
            int[] words = t.wordsWith(Cue.PIVOT.bit());
            int[] pivots = new int[words.length];
            for (int k = 0; k < words.length; k++) pivots[k] = t.start(words[k]);
            Authority.find(t, pivots, out);
        }
        // A slot named in quotes ('session') is somewhere to put data as much as one in backticks.
        if (gate.exfiltration(parameterText, place.mayAddress())
                || gate.exfiltration(parameterText, true) && (t.text().indexOf('\'') >= 0 || t.text().indexOf('"') >= 0)
                || gate.secretAskedFor(parameterText) && t.contains(0, t.text().length(), "content")) {
            // A key file may be named anywhere; otherwise the theft is where a giving word meets a secret.
            boolean anywhere = parameterText || t.hasAny(Cue.SECRET_PATH.bit()) || !gate.has(CueGate.EXFILTRATION_PAIRS);
            t.focus(anywhere ? 0 : gate.from(CueGate.EXFILTRATION_PAIRS), anywhere ? Integer.MAX_VALUE : gate.to(CueGate.EXFILTRATION_PAIRS));
            Exfiltration.find(t, place.parameter(), out);
            t.focus(0, Integer.MAX_VALUE);
        }
        // Exfiltration by the shape of the move, whatever its verb: a secret in a host name, the value of a secret put in a slot.
        if (out.isEmpty() && gate.leak(parameterText, place.mayAddress())) Leaks.find(t, place.parameter(), gate.contextNamed(), out);
        // What the model has seen or can reach, moved into a slot or to an address, whatever it is called.
        if (out.isEmpty() && gate.seenData(place.mayAddress())) SeenData.find(t, out);
        if (gate.tampering(parameterText, place.mayAddress())) {
            // An address of the text's own may stand anywhere; otherwise the change is where its pairs are.
            boolean anywhere = parameterText || place.mayAddress() || !gate.has(CueGate.TAMPERING_PAIRS);
            t.focus(anywhere ? 0 : gate.from(CueGate.TAMPERING_PAIRS), anywhere ? Integer.MAX_VALUE : gate.to(CueGate.TAMPERING_PAIRS));
            Tampering.find(t, parameterText, out);
            t.focus(0, Integer.MAX_VALUE);
        }
        if (gate.commands()) Commands.find(t, place.toolRunsCommands(), out);
        // Other tools named in the text, found once for both detectors that need them.
        // They are looked for only once a detector could make a finding of them: most texts never get that far.
        ToolMentions.Others others = null;
        boolean deprecation = gate.deprecation(place.mayNameTools() || place.mayAddress());
        // Where fake deprecation would need them, they are looked for in the whole text (and shadowing reads those).
        boolean wholeText = deprecation && !gate.deprecationByAddress();
        if (deprecation) {
            int notice = Deprecation.notice(t, place.names(), place.title());
            if (Deprecation.mayFind(t, notice)
                    && (gate.deprecationByAddress() || place.mayAddress() || Deprecation.servedElsewhere(t, notice) || (others = ToolMentions.others(t, place.names())).named()))
                Deprecation.find(t, notice, place.names(), out);
            // Other tools, unnamed, declared out of use: a tool word a few words before a word of retirement, or other ones.
            if (out.isEmpty() && (gate.has(CueGate.TOOL_RUN_DOWN) || t.hasAll(OTHERS_RETIRED))) Deprecation.othersRetired(t, out);
            // A part of the tool declared out of use in a parameter's own text, and an address of the text's own after it.
            if (out.isEmpty() && parameterText) RetiredParameter.find(t, out);
        } else if (out.isEmpty() && gate.retiredForASecret(parameterText)) {
            RetiredParameter.find(t, out);
        }
        if (gate.shadowing(place.mayNameTools())) {
            t.focus(gate.from(CueGate.SHADOWING_PAIRS), gate.to(CueGate.SHADOWING_PAIRS));
            // Only a name within reach of the words in focus can be shadowed: the rest of a long text is not read.
            // Those of the whole text are looked for as fake deprecation would have: with the focus lifted.
            ToolMentions.Others[] named = {others};
            Shadowing.find(t, place.names(), () -> {
                if (named[0] == null) named[0] = wholeText ? t.unfocused(() -> ToolMentions.others(t, place.names()))
                        : ToolMentions.others(t, place.names(), t.focusStart() - Shadowing.REACH, t.focusEnd() + Shadowing.REACH);
                return named[0];
            }, out);
            t.focus(0, Integer.MAX_VALUE);
        }
        if (gate.promotion(place.mayRankItself())) Promotion.find(t, place.names(), place.mayRankItself(), out);
        if (!out.isEmpty()) out.removeIf(f -> Quotation.isExample(t.text(), f.start(), f.end()));
        if (!out.isEmpty() && place.parameter() == null && !place.title()) out.removeIf(f -> Summary.saysWhatItDoes(t, f, place.names()));
        return out;
    }
}
