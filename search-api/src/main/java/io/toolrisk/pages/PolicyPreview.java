package io.toolrisk.pages;

import java.nio.charset.StandardCharsets;

/**
 * The first lines of a policy file, as a server page previews it, and how many lines the whole file has. Made from
 * the file's bytes without decoding more than the preview: a policy of a 10,000-tool server is a megabyte.
 *
 * @param text  the first {@code lines} lines of the file at most, as text
 * @param lines the lines of the whole file
 * @param whole true when {@code text} is the whole file
 */
public record PolicyPreview(String text, int lines, boolean whole) {
    /** Lines of a policy shown in its preview; copy and download take the whole file. */
    public static final int MAX_LINES = 200;

    /** The preview of {@code policy}, a policy file as UTF-8 bytes. */
    public static PolicyPreview of(byte[] policy) {
        int lines = 0;
        int cut = policy.length;
        for (int i = 0; i < policy.length; i++) {
            if (policy[i] != '\n') continue;
            lines++;
            if (lines == MAX_LINES) cut = i + 1;
        }
        if (policy.length > 0 && policy[policy.length - 1] != '\n') lines++;
        boolean whole = lines <= MAX_LINES;
        return new PolicyPreview(new String(policy, 0, whole ? policy.length : cut, StandardCharsets.UTF_8), lines, whole);
    }
}
