package io.toolrisk.policy;

import java.util.function.IntFunction;

/**
 * A string literal of a policy language (Cedar, CEL): printable ASCII as itself but for the quote and {@code \},
 * everything else escaped, so that no character a server chose can end the literal, hide in the file or
 * read differently on screen.
 */
final class StringLiteral {
    private StringLiteral() {
    }

    /**
     * {@code text} between {@code quote}s, with {@code \n}, {@code \r}, {@code \t}, and {@code escape} for any other
     * code point outside printable ASCII. A lone surrogate, which neither language's strings can hold, is escaped as
     * U+FFFD: what a gateway decoding the name from JSON makes of it.
     */
    static String of(String text, char quote, IntFunction<String> escape) {
        var out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) out.append('\\').append(quote);
                    else if (c >= 0x20 && c < 0x7f) out.append((char) c);
                    else out.append(escape.apply(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xfffd : c));
                }
            }
        });
        return out.append(quote).toString();
    }
}
