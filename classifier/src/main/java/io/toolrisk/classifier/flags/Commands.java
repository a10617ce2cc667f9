package io.toolrisk.classifier.flags;

import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.classifier.rules.Cue;

import java.util.List;

/**
 * A command for the model to run that has nothing to do with the tool: a script piped into a shell, a reverse
 * shell, a line appended to a shell's rc file or to {@code authorized_keys}, an encoded PowerShell command, or
 * {@code curl}/{@code wget} of a URL. Needs an order to run it ("run", "execute", "append ... to"), or, in a tool
 * that runs nothing itself, any mention of running it. Commands a tool merely shows ("the installer is
 * `curl ... | sh`; show it rather than running it") or checks for ("dangerous patterns such as `curl | sh`") stay
 * clean, and so does "run the returned curl command".
 */
final class Commands {
    private static final long DOES = Cue.RUN.bit() | Cue.PASS.bit() | Cue.TAMPER.bit();
    private static final String DETAIL = "a command for the model to run that has nothing to do with the tool "
            + "(a remote script, a reverse shell, a change to shell start-up files or keys)";

    private Commands() {
    }

    static void find(CueText t, boolean toolRunsCommands, List<Finding> out) {
        for (int i : t.wordsWith(Cue.WEAK_COMMAND.bit() | Cue.COMMAND.bit())) {
            if (commandAsOrder(t, i, out)) return;
        }
        for (int i : t.wordsWith(DOES)) {
            if (Mood.negated(t, i)) continue;
            int command = command(t, i);
            if (command < 0 || ratherThan(t, i)) continue;
            boolean ordered = Mood.ordered(t, i);
            if (!ordered && (toolRunsCommands || !t.is(i, Cue.RUN.bit()))) continue;
            out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "unrelated-command", Math.min(t.start(i), command),
                    Math.max(t.end(i), commandEnd(t, i, command)), DETAIL + " (pattern unrelated-command)"));
            return;
        }
    }

    /** "Setup step: echo 'export PATH=...' >> ~/.bashrc": a command line written as the instruction itself. */
    private static boolean commandAsOrder(CueText t, int i, List<Finding> out) {
        if (t.inIdentifier(i) || !t.startsClause(i) || !t.text().startsWith(":", skipBack(t.text(), t.start(i)))) return false;
        int strong = t.literalInSentence(i, Cue.COMMAND.bit());
        if (strong < 0) return false;
        out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "unrelated-command", t.start(i), commandEnd(t, i, t.start(i)),
                DETAIL + " (pattern unrelated-command)"));
        return true;
    }

    /** The offset of the last non-blank character before {@code offset}. */
    private static int skipBack(String text, int offset) {
        int k = offset - 1;
        while (k > 0 && (Character.isWhitespace(text.charAt(k)) || text.charAt(k) == '`')) k--;
        return Math.max(0, k);
    }

    /** "show it to the user rather than running it": the run is declined. */
    private static boolean ratherThan(CueText t, int i) {
        return t.wordBefore(i).equals("than") || t.wordBefore(i).equals("of") && t.text().regionMatches(true,
                Math.max(0, t.start(i) - 11), "instead of", 0, 10);
    }

    /** The offset of a dangerous command in the sentence of {@code verb}, or -1. */
    private static int command(CueText t, int verb) {
        int strong = t.literalInSentence(verb, Cue.COMMAND.bit());
        if (strong >= 0) return t.literalStart(strong);
        int word = commandWord(t, t.nextInSentence(verb, Cue.COMMAND.bit()), Cue.COMMAND.bit());
        if (word < 0) word = commandWord(t, t.previousInSentence(verb, Cue.COMMAND.bit()), Cue.COMMAND.bit());
        if (word >= 0) return t.start(word);
        int weak = commandWord(t, t.nextInSentence(verb, Cue.WEAK_COMMAND.bit()), Cue.WEAK_COMMAND.bit());
        if (weak < 0) return -1;
        boolean remote = t.literalInSentence(verb, Cue.REMOTE.bit() | Cue.SECRET_PATH.bit()) >= 0;
        boolean another = commandWord(t, t.nextInSentence(weak, Cue.WEAK_COMMAND.bit()), Cue.WEAK_COMMAND.bit()) >= 0;
        return remote || another ? t.start(weak) : -1;
    }

    /** The first command word from {@code j} on that stands as a word ("curl"), not inside a name ({@code pip_install}). */
    private static int commandWord(CueText t, int j, long cue) {
        while (j >= 0 && t.inIdentifier(j)) j = t.nextInSentence(j, cue);
        return j;
    }

    private static int commandEnd(CueText t, int verb, int commandStart) {
        int end = commandStart;
        String text = t.text();
        int limit = Math.min(t.sentenceEnd(t.end(verb)), commandStart + 160);
        while (end < limit && text.charAt(end) != '`' && text.charAt(end) != '\n') end++;
        while (end > commandStart && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }
}
