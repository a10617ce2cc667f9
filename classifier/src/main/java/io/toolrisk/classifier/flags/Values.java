package io.toolrisk.classifier.flags;

import java.util.Locale;
import java.util.Set;

/**
 * Values written into a text: e-mail addresses, wallet and account numbers, URLs and paths. A definition that
 * changes the user's arguments usually names the value it puts in their place ("always set the recipient to
 * reports@relay.example", "use account 4452-9910"). Read only in the sentence a detector points at.
 */
final class Values {
    private Values() {
    }

    /** How strongly a sentence names a value of its own: none, a small number or quoted word, or an address. */
    enum Strength { NONE, WEAK, STRONG }

    /** True when the sentence holding cue word {@code i} has an e-mail address in it. */
    static boolean hasEmail(CueText t, int i) {
        return emailEnd(t.text(), t.sentenceStart(t.start(i)), t.sentenceEnd(t.end(i))) >= 0;
    }

    /** Where the first e-mail address in {@code text[from, to)} ends; -1 when there is none. */
    static int emailEnd(String text, int from, int to) {
        int limit = Math.min(to, text.length());
        for (int at = text.indexOf('@', from, limit); at >= 0; at = text.indexOf('@', at + 1, limit)) {
            if (!isEmailAt(text, at)) continue;
            int k = at + 1;
            while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '-' || text.charAt(k) == '.')) k++;
            while (text.charAt(k - 1) == '.') k--;
            return k;
        }
        return -1;
    }

    /** True when the '@' at {@code at} joins a local part and a dotted domain ("ops@relay.example"). */
    static boolean isEmailAt(String text, int at) {
        if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) return false;
        int k = at + 1;
        boolean dot = false;
        while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '-' || text.charAt(k) == '.')) {
            if (text.charAt(k) == '.' && k + 1 < text.length() && Character.isLetter(text.charAt(k + 1))) dot = true;
            k++;
        }
        return dot;
    }

    private static final Set<String> POINTING = Set.of("to", "with", "into", "at", "as", "by", "be",
            "is", "are", "through", "via");
    private static final int AFTER_POINTER = 4;

    /**
     * The strongest value that follows a word pointing at it ("to", "with", "as", "by", "be") in
     * {@code text[from, to)}: "change the recipient to x@y.example", "replace it with 4452-9910". A value
     * elsewhere in the sentence ("Change request number CHG0030001") is not what is put in.
     */
    static Strength pointedAt(String text, int from, int to) {
        to = Math.min(to, from + CueText.WINDOW);
        Strength best = Strength.NONE;
        int k = from;
        int after = -1;
        while (k < to) {
            while (k < to && Character.isWhitespace(text.charAt(k))) k++;
            int start = k;
            while (k < to && !Character.isWhitespace(text.charAt(k))) k++;
            String token = trim(text.substring(start, k));
            if (after >= 0 && after < AFTER_POINTER) {
                Strength s = strength(token);
                // "replace it with 'octo-archive'": a quoted word pointed at is a value of the text's own.
                if (s == Strength.NONE && !token.isEmpty() && k - start > token.length() + 1 && "'\"`".indexOf(text.charAt(start)) >= 0)
                    s = Strength.WEAK;
                if (s.compareTo(best) > 0) best = s;
                after++;
            }
            if (POINTING.contains(token.toLowerCase(Locale.ROOT))) after = 0;
        }
        return best;
    }

    /** The strongest value in {@code text[from, to)} (at most {@link CueText#WINDOW} characters of it). */
    static Strength strongest(String text, int from, int to) {
        to = Math.min(to, from + CueText.WINDOW);
        Strength best = Strength.NONE;
        int k = from;
        while (k < to) {
            while (k < to && Character.isWhitespace(text.charAt(k))) k++;
            int start = k;
            while (k < to && !Character.isWhitespace(text.charAt(k))) k++;
            Strength s = strength(trim(text.substring(start, k)));
            if (s.compareTo(best) > 0) best = s;
        }
        return best;
    }

    /** The end of the first strong value in {@code text[from, to)}; {@code from} when there is none. */
    static int strongEnd(String text, int from, int to) {
        int k = from;
        while (k < to) {
            while (k < to && Character.isWhitespace(text.charAt(k))) k++;
            int start = k;
            while (k < to && !Character.isWhitespace(text.charAt(k))) k++;
            if (strongest(text, start, k) == Strength.STRONG) {
                while (k > start && ".,;:)".indexOf(text.charAt(k - 1)) >= 0) k--;
                return k;
            }
        }
        return from;
    }

    private static String trim(String token) {
        int a = 0;
        int b = token.length();
        while (a < b && "`'\"(<[".indexOf(token.charAt(a)) >= 0) a++;
        while (b > a && "`'\").,;:>]!?".indexOf(token.charAt(b - 1)) >= 0) b--;
        return token.substring(a, b);
    }

    private static Strength strength(String token) {
        if (token.isEmpty()) return Strength.NONE;
        int at = token.indexOf('@');
        if (at > 0 && isEmailAt(token, at)) return Strength.STRONG;
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("0x") && token.length() > 10)
            return Strength.STRONG;
        if (isUri(lower)) return Strength.STRONG; // s3://bucket/key, git://, sftp://
        if (token.length() > 1 && token.indexOf('/') >= 0 && !token.contains("//") && !lower.equals("and/or")) return Strength.STRONG;
        int digits = 0;
        for (int k = 0; k < token.length(); k++) if (Character.isDigit(token.charAt(k))) digits++;
        if (digits >= 4 || digits >= 2 && token.length() >= 8) return Strength.STRONG;
        if (digits > 0 || token.startsWith("#") && token.length() > 1) return Strength.WEAK;
        return Strength.NONE;
    }

    /** "s3://bucket", "sftp://host": a scheme of letters, then "://" and something. */
    private static boolean isUri(String token) {
        int colon = token.indexOf("://");
        if (colon < 2 || colon + 3 >= token.length()) return false;
        for (int k = 0; k < colon; k++) if (!Character.isLetterOrDigit(token.charAt(k))) return false;
        return Character.isLetter(token.charAt(0));
    }

    /** True when the path or key that ends at {@code end} is a public key: {@code id_rsa.pub}, "public key". */
    static boolean isPublicKey(String text, int end) {
        if (text.startsWith(".pub", end)) return true;
        // "~/.ssh/deploy_ed25519.pub": the path the literal starts ends in .pub
        int k = end;
        while (k < text.length() && k - end < 80 && (Character.isLetterOrDigit(text.charAt(k)) || "/._-~".indexOf(text.charAt(k)) >= 0)) k++;
        while (k > end && text.charAt(k - 1) == '.') k--;
        if (k - end >= 4 && text.regionMatches(true, k - 4, ".pub", 0, 4)) return true;
        int from = Math.max(0, end - 40);
        String before = text.substring(from, end).toLowerCase(Locale.ROOT);
        return before.contains("public key") || before.endsWith("public") || before.contains("public ssh");
    }
}
