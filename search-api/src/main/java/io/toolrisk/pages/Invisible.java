package io.toolrisk.pages;

/**
 * Characters a reader cannot see: controls (Unicode category Cc) and format characters (Cf: bidi overrides,
 * zero-width characters, the tag characters U+E0000..U+E007F that smuggle ASCII past a reader), and lone
 * surrogates (half a UTF-16 pair, which no page can carry).
 */
final class Invisible {
    private Invisible() {
    }

    static boolean is(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /** The visible name of an invisible character: {@code U+202E}. */
    static String marker(int codePoint) {
        return "U+%04X".formatted(codePoint);
    }

    /** {@code text} where no markup is possible (the page title): invisible characters as {@code [U+XXXX]}. */
    static String bracketed(String text) {
        var out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp == '\r' || cp == '\n' || cp == '\t') out.append(' ');
            else if (Character.getType(cp) == Character.SURROGATE) out.append('\uFFFD');
            else if (is(cp)) out.append('[').append(marker(cp)).append(']');
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /** {@code value} for an attribute: controls become spaces, lone surrogates U+FFFD, the rest stays. */
    static String blank(String value) {
        var out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL) out.append(' ');
            else if (Character.getType(cp) == Character.SURROGATE) out.append('\uFFFD');
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
