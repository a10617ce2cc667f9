package io.toolrisk.pages;

import java.util.Optional;

/**
 * A tool name as the last segment of its page and API URL ({@code /servers/{server}/tools/{tool}}), before
 * percent-encoding. Nearly every name is its own segment, so ordinary URLs read as the name. Two kinds of
 * character cannot travel in a URL path: NUL (Jetty refuses {@code %00}) and a lone surrogate (half of a UTF-16
 * pair without the other half, which has no UTF-8 form); and the names {@code .} and {@code ..} are resolved away
 * however they are encoded. Such a name, and a name starting with {@code ~}, is written as {@code ~} followed by the
 * name with each {@code ~} doubled and each NUL or lone surrogate written as {@code ~} and its four upper-case hex
 * digits:
 * <pre>
 *   delete_repo   → delete_repo        (unchanged, as every name without NUL, lone surrogate or leading ~)
 *   a~b           → a~b                (a ~ inside a name needs nothing)
 *   a(NUL)b       → ~a~0000b
 *   x(U+D800)     → ~x~D800           (a high surrogate with no low one after it)
 *   ~home         → ~~~home
 *   ..            → ~..
 * </pre>
 * Every name has exactly one segment and {@link #decode} gives it back: a segment starting with {@code ~} is always
 * an escaped one, and in it {@code ~} is always followed by {@code ~} or four hex digits.
 */
public final class ToolSegment {
    private static final char ESCAPE = '~';

    private ToolSegment() {
    }

    /** The segment of {@code name}. */
    public static String encode(String name) {
        if (!needsEscape(name)) return name;
        var out = new StringBuilder(name.length() + 8).append(ESCAPE);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ESCAPE) out.append(ESCAPE).append(ESCAPE);
            else if (c == 0 || isLoneSurrogate(name, i)) out.append(ESCAPE).append("%04X".formatted((int) c));
            else out.append(c);
        }
        return out.toString();
    }

    /** The name whose segment is {@code segment}; empty when no name has that segment (a broken escape). */
    public static Optional<String> decode(String segment) {
        if (segment.isEmpty() || segment.charAt(0) != ESCAPE) return Optional.of(segment);
        var name = new StringBuilder(segment.length());
        for (int i = 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != ESCAPE) {
                name.append(c);
            } else if (i + 1 < segment.length() && segment.charAt(i + 1) == ESCAPE) {
                name.append(ESCAPE);
                i++;
            } else if (i + 4 < segment.length() && isUpperHex(segment, i + 1, i + 5)) {
                name.append((char) Integer.parseInt(segment, i + 1, i + 5, 16));
                i += 4;
            } else {
                return Optional.empty();
            }
        }
        String decoded = name.toString();
        // Only the one segment encode() writes: "~abc" and "~0041" name nothing (the segments of "abc" and "A" are those).
        return encode(decoded).equals(segment) ? Optional.of(decoded) : Optional.empty();
    }

    private static boolean needsEscape(String name) {
        if (name.equals(".") || name.equals("..") || (!name.isEmpty() && name.charAt(0) == ESCAPE)) return true;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == 0 || isLoneSurrogate(name, i)) return true;
        }
        return false;
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        return false;
    }

    private static boolean isUpperHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }
}
