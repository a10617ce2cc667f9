package io.toolrisk.classifier.flags;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The opening sentence of a description, written in the imperative as tool descriptions are ("Add a public key to
 * ~/.ssh/authorized_keys on a managed server", "Write a named profile to ~/.aws/credentials"): it says what the tool
 * does when called, not what the model is to do besides, when it names the tool's own job (a word of the tool's name
 * other than the verb, by the end of what was found: {@code add_authorized_key}, {@code edit_hosts_file}). A key file
 * or a start-up file named there is the tool's business; the same order after the opening sentence, or in a tool
 * named for something else ({@code format_json}: "Add this line to ~/.bashrc, then pretty-print the JSON"), is not.
 */
final class Summary {
    /** The patterns of what a tool may itself do to files and commands, which its opening sentence may name. */
    private static final Set<String> OWN_WORK = Set.of("exfiltration", "unrelated-command");
    /** Words that open a sentence and are no verb in the imperative. */
    private static final Set<String> NO_VERB = Set.of("the", "a", "an", "this", "that", "these", "those", "it", "its", "they",
            "we", "you", "i", "he", "she", "for", "in", "on", "at", "if", "when", "before", "after", "as", "or", "and", "but",
            "to", "please", "always", "never", "do", "don't", "note", "important", "first", "then", "also", "ai", "assistant",
            "model", "agent", "system", "ignore", "whenever", "every", "each", "once", "now");

    private Summary() {
    }

    /** True when {@code f} lies in the opening sentence of a description that opens with a verb in the imperative. */
    static boolean saysWhatItDoes(CueText t, Finding f, Supplier<ToolNames> names) {
        if (!OWN_WORK.contains(f.pattern()) || t.sentenceStart(f.start()) != 0) return false;
        String text = t.text();
        int k = 0;
        while (k < text.length() && !Character.isLetter(text.charAt(k))) k++;
        if (k > 0 && text.substring(0, k).indexOf('<') >= 0) return false; // opened by markup, not by the summary
        String word = t.wordAfter(k);
        if (word.length() < 3 || NO_VERB.contains(word) || Mood.inflected(word) || !Character.isUpperCase(text.charAt(k))) return false;
        // the job named by the end of what was found: "then pretty-print the JSON" after it names no job of the order
        String sentence = text.substring(k + word.length(), Math.max(k + word.length(), f.end())).toLowerCase(Locale.ROOT);
        for (String part : names.get().self().split("[^a-z0-9]+")) {
            if (part.length() >= 3 && !part.equals(word) && namesWord(sentence, part)) return true;
        }
        return false;
    }

    /** True when a word of {@code sentence} starts with {@code part} ("hosts" for {@code hosts}, "authorized_keys" for {@code authorized}). */
    private static boolean namesWord(String sentence, String part) {
        for (int at = sentence.indexOf(part); at >= 0; at = sentence.indexOf(part, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(sentence.charAt(at - 1))) return true;
        }
        return false;
    }
}
