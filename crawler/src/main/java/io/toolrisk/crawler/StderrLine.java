package io.toolrisk.crawler;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The line of a failed server's stderr that says why it failed. The last line is often not it: Node.js ends with its
 * version ("Node.js v20.20.2") after the error object, Python with the exception after a traceback, and both wrap
 * the message in stack frames. Looks from the end for an error's own line ({@code Error: Cannot find module 'x'},
 * {@code ModuleNotFoundError: No module named 'x'}), then for a line that says something failed, then takes the last
 * line that is not noise.
 */
public final class StderrLine {
    /** An exception's or error's name opening the line: "Error: ...", "TypeError: ...", "java.io.IOException: ...". */
    private static final Pattern ERROR_NAME = Pattern.compile("^([\\w$]+\\.)*[\\w$]*(Error|Exception|Panic)\\b.*");
    private static final Pattern FAILURE_WORDS = Pattern.compile(
            "(?i).*\\b(error|fatal|panic|cannot|can't|could not|couldn't|unable|failed|not found|no such|denied|refused|invalid|missing)\\b.*");
    /**
     * What says nothing of the cause: a runtime's version, stack frames (Node, Java, Python), the caret under a source
     * line, a brace or a property of a printed error object.
     */
    private static final Pattern NOISE = Pattern.compile(
            "^(Node\\.js v\\S+|at .*|\\^+|[{}\\[\\](),;]+|[a-z]\\w*: .*,|[a-z]\\w*: \\[]|File \".*\", line \\d+.*|Traceback .*|throw \\w+;?|node:internal/.*)$");
    /** Longest line shown. */
    static final int MAX_LENGTH = 200;

    private StderrLine() {
    }

    /** The line of {@code stderr} that says why the server failed, stripped and at most {@value #MAX_LENGTH} chars. */
    public static Optional<String> of(String stderr) {
        String[] lines = stderr.split("\\R");
        Optional<String> found = last(lines, ERROR_NAME).or(() -> last(lines, FAILURE_WORDS)).or(() -> last(lines, null));
        return found.map(line -> line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…");
    }

    private static Optional<String> last(String[] lines, Pattern wanted) {
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.isEmpty() || NOISE.matcher(line).matches()) continue;
            if (wanted == null || wanted.matcher(line).matches()) return Optional.of(line);
        }
        return Optional.empty();
    }
}
