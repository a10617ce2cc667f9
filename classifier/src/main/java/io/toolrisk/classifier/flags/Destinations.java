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
        int best = -1;
        // "send it to the server" points outside; "supply credentials inline in the URL" configures a URL.
        long where = t.is(verb, Cue.SEND.bit()) ? Cue.DESTINATION.bit() | Cue.REMOTE.bit() : Cue.DESTINATION.bit();
        for (int j = verb + 1; j < t.size() && t.start(j) < to && t.position(j) - t.position(verb) <= MAX_WORDS; j++) {
            if (t.is(j, where) && !t.inIdentifier(j) && towards(t.text(), t.end(verb), t.start(j))) {
                best = t.start(j);
                break;
            }
        }
        int quoted = quotedSlot(t.text(), t.end(verb), to);
        if (quoted >= 0 && (best < 0 || quoted < best)) best = quoted;
        for (int l = 0; l < t.literals(); l++) {
            int s = t.literalStart(l);
            if (t.literalIs(l, Cue.REMOTE.bit()) && s > t.end(verb) && s < to && (best < 0 || s < best)
                    && towards(t.text(), t.end(verb), s)) best = s;
        }
        String text = t.text();
        int limit = Math.min(to, text.length());
        for (int at = text.indexOf('@', t.end(verb), limit); at >= 0; at = text.indexOf('@', at + 1, limit)) {
            if (!Values.isEmailAt(text, at)) continue;
            int s = at;
            while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) s--;
            if ((best < 0 || s < best) && towards(text, t.end(verb), s)) best = s;
            break;
        }
        return best;
    }

    /** "provide them verbatim in `theme`": a quoted name after a preposition names a parameter to put data in. */
    private static int quotedSlot(String text, int from, int to) {
        int limit = Math.min(to, text.length());
        // Searched within [from, to) only: a long text has many verbs, and a search to its end for each is quadratic.
        for (int k = text.indexOf('`', from, limit); k >= 0; k = text.indexOf('`', k + 1, limit)) {
            int close = text.indexOf('`', k + 1, limit);
            if (close < 0) return -1;
            String name = text.substring(k + 1, close);
            if (!name.isEmpty() && name.length() <= 40 && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
                    && towards(text, from, k)) return k;
            k = close;
        }
        return -1;
    }

    /** The end of the destination that starts at {@code start}: the word, URL or address there. */
    static int end(CueText t, int start) {
        String text = t.text();
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
            if (TOWARDS.contains(text.substring(k, end).toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }
}
