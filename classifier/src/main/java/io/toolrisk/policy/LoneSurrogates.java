package io.toolrisk.policy;

import java.util.regex.Pattern;

/**
 * Halves of a surrogate pair standing alone: legal as a JSON string escape, so possible in a tool name a server
 * sends, but no text encoding carries them, and a gateway decoding the name replaces (or rejects) them.
 */
final class LoneSurrogates {
    /** Java's regex reads a well-formed pair as one code point, so a surrogate it matches stands alone. */
    private static final Pattern LONE_SURROGATE = Pattern.compile("[\\uD800-\\uDFFF]");

    private LoneSurrogates() {
    }

    static boolean in(String text) {
        return LONE_SURROGATE.matcher(text).find();
    }

    /** {@code text} with each lone surrogate replaced by U+FFFD, as a gateway decoding it from JSON makes it. */
    static String replaced(String text) {
        return LONE_SURROGATE.matcher(text).replaceAll("\uFFFD");
    }
}
