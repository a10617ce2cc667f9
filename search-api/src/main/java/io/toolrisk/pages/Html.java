package io.toolrisk.pages;

import java.nio.charset.StandardCharsets;

/**
 * Turns untrusted text into HTML that shows it as text. Everything a crawled server wrote goes through
 * {@link #text}: markup characters become entities, and characters a reader cannot see (controls, bidi
 * overrides, zero-width characters — Unicode category Cc/Cf) become a visible {@code U+XXXX} marker, because a
 * hidden instruction should not stay hidden on the page that reports it.
 */
public final class Html {
    private Html() {
    }

    /** What an invisible or control character becomes. */
    private enum Invisible {
        /** A visible {@code U+XXXX} marker element, in element content. */
        MARKER,
        /** {@code [U+XXXX]} as plain text, where no markup is possible (the page title). */
        TEXT,
        /** A space for a control character, others kept: attribute values (links, the query echoed in a form). */
        BLANK
    }

    /** {@code text} as HTML text content; safe in element content and in quoted attribute values. */
    public static String text(String text) {
        var out = new StringBuilder(text.length() + 16);
        appendText(out, text, 0, text.length());
        return out.toString();
    }

    /** Appends {@code text[from, to)} as HTML text content. */
    public static void appendText(StringBuilder out, String text, int from, int to) {
        escape(out, text, from, to, Invisible.MARKER);
    }

    /** {@code text} for the page title, where markup shows as it is: invisible characters as {@code [U+XXXX]}. */
    public static String title(String text) {
        var out = new StringBuilder(text.length() + 16);
        escape(out, text, 0, text.length(), Invisible.TEXT);
        return out.toString();
    }

    /** {@code value} escaped for a quoted attribute (same rules as text; markers are not wanted there). */
    public static String attribute(String value) {
        var out = new StringBuilder(value.length() + 16);
        escape(out, value, 0, value.length(), Invisible.BLANK);
        return out.toString();
    }

    private static void escape(StringBuilder out, String text, int from, int to, Invisible invisible) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(invisible == Invisible.MARKER ? c : ' ');
                case '\r' -> { }
                default -> {
                    // Whole code points: the tag characters U+E0000..U+E007F (Cf, invisible, the way to smuggle
                    // ASCII past a reader) are surrogate pairs, which a char-by-char test never sees as FORMAT.
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1));
                    int cp = pair ? Character.toCodePoint(c, text.charAt(i + 1)) : c;
                    int type = Character.getType(cp);
                    if (type == Character.CONTROL || (type == Character.FORMAT && invisible != Invisible.BLANK)) {
                        switch (invisible) {
                            case MARKER -> out.append("<span class=\"invisible\">U+").append("%04X".formatted(cp)).append("</span>");
                            case TEXT -> out.append("[U+").append("%04X".formatted(cp)).append(']');
                            case BLANK -> out.append(' ');
                        }
                    } else if (Character.isSurrogate(c) && !validPair(text, i)) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(cp);
                    }
                    if (pair) i++;
                }
            }
        }
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /**
     * {@code value} percent-encoded as one URL path segment or query value: everything but unreserved characters,
     * and the dots of a segment that is {@code .} or {@code ..}, which a browser would otherwise resolve away.
     */
    public static String urlPart(String value) {
        if (value.equals(".") || value.equals("..")) return "%2E".repeat(value.length());
        var out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** The page of one tool; its name as {@link ToolSegment} writes it. */
    public static String toolPath(String server, String tool) {
        return "/servers/" + urlPart(server) + "/tools/" + urlPart(ToolSegment.encode(tool));
    }

    /** The API URL of one tool's profile; its name as {@link ToolSegment} writes it. */
    public static String toolApiPath(String server, String tool) {
        return "/api/v1" + toolPath(server, tool);
    }

    /** The page of one server. */
    public static String serverPath(String server) {
        return "/servers/" + urlPart(server);
    }
}
