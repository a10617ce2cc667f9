package io.toolrisk.annotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A human title made from a tool's name, for a tool that has none: its words in sentence case, so that
 * {@code list_pull_requests}, {@code listPullRequests} and {@code list-pull-requests} all read "List pull requests".
 * Words written in capitals (API, URL, PR) keep them.
 */
final class TitleFromName {
    /** Separators between words of an identifier, and the places where camel case starts a new word. */
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s_\\-.:/]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private TitleFromName() {
    }

    static String of(String name) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_BREAK.split(name.strip())) {
            if (word.isEmpty()) continue;
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT));
            words.add(acronym ? word : word.toLowerCase(Locale.ROOT));
        }
        if (words.isEmpty()) return name.strip().isEmpty() ? name : name.strip();
        String first = words.getFirst();
        words.set(0, first.substring(0, first.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                + first.substring(first.offsetByCodePoints(0, 1)));
        return String.join(" ", words);
    }
}
