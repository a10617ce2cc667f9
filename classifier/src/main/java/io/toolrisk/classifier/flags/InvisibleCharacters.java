package io.toolrisk.classifier.flags;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds characters a reader does not see but a model reads: zero-width and other format characters
 * (Unicode category Cf: U+200B..U+200F, U+2060..U+2064, U+FEFF, the bidi controls U+202A..U+202E and
 * U+2066..U+2069, the tag characters U+E0000..U+E007F, the soft hyphen) and the Hangul fillers that
 * render as blanks. A zero-width joiner between two emoji is how emoji are spelt, so it is not reported.
 */
public final class InvisibleCharacters {
    /** The lowest invisible character, the soft hyphen: a text with nothing at or above it has none. */
    static final char LOWEST = '\u00AD';

    private InvisibleCharacters() {
    }

    /** What was found in one text: the distinct code points, the count, and the offset of the first. */
    public record Finding(String codePoints, int count, int firstOffset) {
        /** A short quote for a flag, e.g. {@code "U+200B x3 from offset 17"}. */
        public String quote() {
            return "%s x%d from offset %d".formatted(codePoints, count, firstOffset);
        }
    }

    /** The invisible characters in {@code text}, if any. Cheap when there are none. */
    public static Optional<Finding> find(String text) {
        int n = text.length();
        int count = 0;
        int first = -1;
        TreeSet<Integer> seen = null;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c < LOWEST) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isInvisible(cp) && !(cp == 0x200D && joinsEmoji(text, i, width))) {
                if (seen == null) seen = new TreeSet<>();
                seen.add(cp);
                if (first < 0) first = i;
                count++;
            }
            i += width;
        }
        if (seen == null) return Optional.empty();
        var names = new StringBuilder();
        for (int cp : seen) {
            if (!names.isEmpty()) names.append(' ');
            names.append("U+%04X".formatted(cp));
        }
        return Optional.of(new Finding(names.toString(), count, first));
    }

    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }

    private static boolean joinsEmoji(String text, int at, int width) {
        if (at == 0 || at + width >= text.length()) return false;
        int before = text.codePointBefore(at);
        int after = text.codePointAt(at + width);
        return isPictographic(before) && isPictographic(after);
    }

    private static boolean isPictographic(int cp) {
        return Character.isEmoji(cp) && cp > 0xFF || cp == 0xFE0F;
    }
}
