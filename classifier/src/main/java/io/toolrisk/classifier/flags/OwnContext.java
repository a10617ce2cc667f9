package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

/**
 * The model's own context named as such: "the entire conversation", "this chat", "the last five user messages",
 * "chat history", "your system prompt", "its full instructions", "the instructions you were given". Words such as
 * "messages", "history" or "prompt" alone are the business of many tools ("error messages", "commit history", "an
 * AI system prompt for the template"), and so is "AI conversation ID" or "your instruction" to a browsing agent.
 */
final class OwnContext {
    private OwnContext() {
    }

    /** True when cue word {@code j} names the model's own context. */
    static boolean at(CueText t, int j) {
        if (t.is(j, Cue.CONVERSATION.bit())) {
            String word = t.word(j);
            if (word.startsWith("message") || word.equals("history")) {
                // "user messages", "the last 20 messages", "chat history"; not "error messages" or "commit history".
                int q = t.previous(j, Cue.WHOLE.bit() | Cue.USER.bit() | Cue.CONVERSATION.bit(), 2);
                return q >= 0 && !word.equals(t.word(q)) && (t.position(q) == t.position(j) - 1 || isNumber(t.wordBefore(j)))
                        || yours(t, j);
            }
            if (word.startsWith("prompt")) return yours(t, j);
            String before = t.wordBefore(j);
            return t.previous(j, Cue.WHOLE.bit(), 3) >= 0 || yours(t, j) || before.equals("this") || before.equals("current")
                    || before.equals("our") || t.wordAfter(t.end(j)).equals("so");
        }
        if (t.is(j, Cue.INSTRUCTION.bit()) && t.isWord(j, "instructions")) {
            int q = t.previous(j, Cue.WHOLE.bit(), 3);
            return q >= 0 && !t.isWord(q, "all") || t.wordBefore(j).equals("its") || yours(t, j);
        }
        return false;
    }

    /**
     * The conversation the model is in, named as the present one ("the current conversation", "this chat", "the
     * conversation so far", "your messages"): what a parameter may not ask for even without an order.
     */
    static boolean present(CueText t, int j) {
        if (!at(t, j) || !t.is(j, Cue.CONVERSATION.bit())) return false;
        String before = t.wordBefore(j);
        return before.equals("this") || before.equals("current") || yours(t, j) || t.wordAfter(t.end(j)).equals("so");
    }

    /** "your system prompt", "the instructions you were given": the model's, as the text says to it. */
    private static boolean yours(CueText t, int j) {
        for (int k = j - 1; k >= 0 && t.position(j) - t.position(k) <= 3; k--) {
            if (t.isWord(k, "your")) return true;
        }
        int after = t.next(j, Cue.ADDRESSEE.bit(), 2);
        return after >= 0 && (t.isWord(after, "you") || t.isWord(after, "you've"));
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }
}
