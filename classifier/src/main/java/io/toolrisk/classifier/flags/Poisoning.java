package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds tool poisoning in one text of a definition: instructions addressed to the model against the user
 * (overriding its instructions, secrecy, reading or sending secrets, changing the user's arguments, commands to
 * run, fake deprecation), instructions about other tools (shadowing), and self-promotion aimed at the model's
 * choice. Each detector looks for a combination of cues and quotes the span that shows it; a detector whose cues
 * are not all in the text is not run. Text quoted as an example ("detects phrases such as 'ignore previous
 * instructions'") is a mention, not an instruction.
 */
public final class Poisoning {
    private static final long OVERRIDING = Cue.OVERRIDE.bit() | Cue.INSTRUCTION.bit() | Cue.RESTRICTION.bit()
            | Cue.PRIORITY.bit() | Cue.REFUSE.bit() | Cue.OBEY.bit() | Cue.MODE.bit() | Cue.NOW.bit() | Cue.BECOME.bit();
    private static final long SECRECY = Cue.REPORT.bit() | Cue.PERCEIVE.bit() | Cue.STEALTH_MANNER.bit() | Cue.KEEP.bit()
            | Cue.STEALTH_STATE.bit();
    private static final long TAKES = Cue.READ.bit() | Cue.PASS.bit() | Cue.SEND.bit();
    private static final long TAKEN = Cue.SECRET_PATH.bit() | Cue.SECRET.bit() | Cue.SECRET_HOLDER.bit()
            | Cue.CONVERSATION.bit() | Cue.INSTRUCTION.bit();
    private static final long TAMPERING = Cue.TAMPER.bit() | Cue.ARGUMENT.bit() | Cue.USER_CHOICE.bit() | Cue.OVERRIDE_MARK.bit();
    private static final long COMMANDS = Cue.COMMAND.bit() | Cue.WEAK_COMMAND.bit();
    private static final long PROMOTION = Cue.SUPERLATIVE.bit() | Cue.PRAISE.bit() | Cue.ENDORSEMENT.bit()
            | Cue.CROWD.bit() | Cue.CHOOSE.bit() | Cue.DISPARAGE.bit();

    private Poisoning() {
    }

    /** Where a text stands in a definition, and what the tool is: what the detectors need beyond the text. */
    public record Place(ToolNames names, String parameter, boolean title, boolean toolRunsCommands, boolean mayNameTools) {
    }

    /** The findings in {@code t}, in the order of the detectors; empty when the text is clean. */
    public static List<Finding> find(CueText t, Place place) {
        List<Finding> out = new ArrayList<>(0);
        if (t.hasAny(OVERRIDING)) Overriding.find(t, out);
        if (t.hasAny(SECRECY)) Secrecy.find(t, out);
        if ((t.hasAny(TAKES) || place.parameter() != null) && t.hasAny(TAKEN)) Exfiltration.find(t, place.parameter(), out);
        if (t.hasAny(TAMPERING)) Tampering.find(t, place.parameter() != null, out);
        if (t.hasAny(COMMANDS)) Commands.find(t, place.toolRunsCommands(), out);
        if (t.hasAny(Cue.DEPRECATED.bit() | Cue.REDIRECT.bit())) Deprecation.find(t, place.names(), place.title(), out);
        if (place.mayNameTools()) Shadowing.find(t, place.names(), out);
        if (t.hasAny(PROMOTION) || t.text().indexOf('#') >= 0 || t.text().indexOf('\u2605') >= 0) Promotion.find(t, out);
        if (!out.isEmpty()) out.removeIf(f -> Quotation.isExample(t.text(), f.start(), f.end()));
        return out;
    }
}
