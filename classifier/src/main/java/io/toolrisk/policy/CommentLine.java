package io.toolrisk.policy;

import java.util.regex.Pattern;

/** One line of comment in a policy file, which no text inside can end early. */
final class CommentLine {
    /** What ends a line in YAML 1.1 (which also breaks at NEL, LINE and PARAGRAPH SEPARATOR) or in Cedar. */
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]");

    private CommentLine() {
    }

    /** {@code marker text}, with every line break in {@code text} made a space, and a newline. */
    static String of(String marker, String text) {
        return marker + " " + LINE_BREAK.matcher(text).replaceAll(" ") + "\n";
    }
}
