package io.toolrisk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line given as one string ({@code --stdio "node server.js --root '/my dir'"}) into words the
 * way a POSIX shell would for quoting: single quotes are literal, double quotes allow backslash escapes, a
 * backslash outside quotes escapes the next character. No variables, globs or pipes.
 */
final class CommandWords {
    private CommandWords() {
    }

    /** @throws IllegalArgumentException for an unclosed quote or no words at all, quoting the line */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        var word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else word.append(c);
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) word.append(line.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed %s quote in '%s'".formatted(quote == '"' ? "double" : "single", line));
        if (inWord) words.add(word.toString());
        if (words.isEmpty()) throw new IllegalArgumentException("no command in '%s'".formatted(line));
        return words;
    }
}
