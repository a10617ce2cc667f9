package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

import java.util.Locale;
import java.util.Set;

/**
 * Where an order sends data: a parameter, a field, a header ("in the `session` field", "as the tag argument"), an
 * endpoint or a URL ("to https://..."), an e-mail address ("to archive@kb-logs.io"). Counted only after a
 * preposition that points there, so that "the URL of the page" or "metadata for an API key" is no destination.
 */
final class Destinations {
    private static final Set<String> TOWARDS = Set.of("to", "in", "into", "as", "through", "via", "along", "inside",
            "within", "under", "onto");
    /** How far after the verb a destination may stand, in words. */
    private static final int MAX_WORDS = 20;

    private Destinations() {
    }

    /**
     * The offset of the destination of the verb at cue word {@code verb}, before {@code to}: the start of a
     * destination word, a URL or an e-mail address; -1 when there is none.
     */
    static int after(CueText t, int verb, int to) {
        // "send it to the server" points outside; "supply credentials inline in the URL" configures a URL.
        long where = t.is(verb, Cue.SEND.bit()) ? Cue.DESTINATION.bit() | Cue.REMOTE.bit() : Cue.DESTINATION.bit();
        return between(t, verb + 1, t.position(verb), t.end(verb), to, where);
    }

    /** The offset of a place outside (a URL, an endpoint, a webhook) the verb at cue word {@code verb} points to, or -1. */
    static int outside(CueText t, int verb, int to) {
        return between(t, verb + 1, t.position(verb), t.end(verb), to, Cue.REMOTE.bit());
    }

    /**
     * The offset of a destination anywhere in {@code [from, to)} ("the contents of ~/.npmrc are attached in the
     * 'metadata' field; open the file ..."), or -1.
     */
    static int within(CueText t, int from, int to) {
        int first = t.firstAt(from);
        return between(t, first, first < t.size() ? t.position(first) : 0, from, to, Cue.DESTINATION.bit());
    }

    /**
     * The first destination after {@code from} and before {@code to}, its words looked for from cue word
     * {@code first} on, up to {@link #MAX_WORDS} words after the word at position {@code base}.
     */
    private static int between(CueText t, int first, int base, int from, int to, long where) {
        int best = -1;
        for (int j = first; j < t.size() && t.start(j) < to && t.position(j) - base <= MAX_WORDS; j++) {
            if (t.is(j, where) && !t.inIdentifier(j) && towards(t.text(), from, t.start(j))) {
                best = t.start(j);
                break;
            }
        }
        int quoted = quotedSlot(t.text(), from, to);
        if (quoted >= 0 && (best < 0 || quoted < best)) best = quoted;
        for (int l = 0; l < t.literals(); l++) {
            int s = t.literalStart(l);
            if (t.literalIs(l, Cue.REMOTE.bit()) && s > from && s < to && (best < 0 || s < best)
                    && towards(t.text(), from, s)) best = s;
        }
        String text = t.text();
        int limit = Math.min(to, text.length());
        for (int at = text.indexOf('@', from, limit); at >= 0; at = text.indexOf('@', at + 1, limit)) {
            if (!Values.isEmailAt(text, at)) continue;
            int s = at;
            while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) s--;
            if ((best < 0 || s < best) && towards(text, from, s)) best = s;
            break;
        }
        return best;
    }

    /**
     * "provide them verbatim in `theme`", "include all of them in 'session'": a quoted name after a preposition names
     * a parameter to put data in.
     */
    private static int quotedSlot(String text, int from, int to) {
        int limit = Math.min(to, text.length());
        int slot = quotedSlot(text, from, limit, '`');
        for (char q : QUOTES) {
            int s = quotedSlot(text, from, slot >= 0 ? slot : limit, q);
            if (s >= 0 && (slot < 0 || s < slot)) slot = s;
        }
        return slot;
    }

    private static final char[] QUOTES = {'\'', '"'};

    private static int quotedSlot(String text, int from, int limit, char quote) {
        // Searched within [from, to) only: a long text has many verbs, and a search to its end for each is quadratic.
        for (int k = text.indexOf(quote, from, limit); k >= 0; k = text.indexOf(quote, k + 1, limit)) {
            // a quote glued to a word is an apostrophe ("the user's"), not an opening quote
            if (quote != '`' && k > 0 && Character.isLetterOrDigit(text.charAt(k - 1))) continue;
            int close = text.indexOf(quote, k + 1, limit);
            if (close < 0) return -1;
            String name = text.substring(k + 1, close);
            if (!name.isEmpty() && name.length() <= 40 && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
                    && (quote == '`' ? towards(text, from, k) : rightAfterTowards(text, from, k))) return k;
            k = close;
        }
        return -1;
    }

    /**
     * True when a preposition that points somewhere stands right before {@code at}, or before "the" there ("in
     * 'session'", "in the 'metadata' field"): quotes are all over examples, so a quoted name counts only there.
     */
    private static boolean rightAfterTowards(String text, int from, int at) {
        int k = at;
        for (int words = 0; words < 2; words++) {
            while (k > from && text.charAt(k - 1) == ' ') k--;
            int end = k;
            while (k > from && Character.isLetter(text.charAt(k - 1))) k--;
            if (end == k) return false;
            String word = text.substring(k, end).toLowerCase(Locale.ROOT);
            if (TOWARDS.contains(word)) return true;
            if (!word.equals("the")) return false;
        }
        return false;
    }

    /** The end of the destination that starts at {@code start}: the word, URL or address there. */
    static int end(CueText t, int start) {
        String text = t.text();
        if (text.charAt(start) == '\'' || text.charAt(start) == '"') {
            int close = text.indexOf(text.charAt(start), start + 1);
            if (close > start) return close + 1; // 'session', quotes and all
        }
        int k = start;
        while (k < text.length() && !Character.isWhitespace(text.charAt(k))) k++;
        while (k > start && ".,;:)`'\"".indexOf(text.charAt(k - 1)) >= 0) k--;
        return k;
    }

    /** True when one of the three words before {@code at} (after {@code from}) points towards it. */
    private static boolean towards(String text, int from, int at) {
        int k = at;
        for (int words = 0; words < 3; words++) {
            while (k > from && !Character.isLetterOrDigit(text.charAt(k - 1))) k--;
            int end = k;
            while (k > from && (Character.isLetterOrDigit(text.charAt(k - 1)) || text.charAt(k - 1) == '_')) k--;
            if (end == k) return false;
            // "as the note's tag": a possessive is one word with its noun
            if (end - k == 1 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S') && k - 1 > from
                    && (text.charAt(k - 1) == '\'' || text.charAt(k - 1) == '\u2019')) {
                k--;
                while (k > from && Character.isLetterOrDigit(text.charAt(k - 1))) k--;
                continue;
            }
            if (TOWARDS.contains(text.substring(k, end).toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }
}
