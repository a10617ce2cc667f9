package io.toolrisk.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names nearest to one typed wrongly, for "did you mean": by edit distance (Levenshtein, ignoring case), within
 * a third of the typed length (at least 1, at most 4); names that hold what was typed, or are held in it, come after
 * those. Cheap on hostile input: what was typed is cut to {@value #MAX_TYPED} characters and each comparison stops
 * as soon as it cannot come within the limit.
 */
public final class Nearest {
    static final int MAX_TYPED = 64;
    private static final int MIN_CONTAINED = 3;

    private record Scored(String name, int score) {
    }

    private Nearest() {
    }

    /** At most {@code limit} of {@code candidates} near {@code typed}, nearest first, then by name. */
    public static List<String> names(String typed, Iterable<String> candidates, int limit) {
        String wanted = typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed;
        wanted = wanted.toLowerCase(Locale.ROOT);
        int within = Math.min(4, Math.max(1, wanted.length() / 3));
        List<Scored> found = new ArrayList<>();
        for (String candidate : candidates) {
            String name = candidate.toLowerCase(Locale.ROOT);
            if (candidate.equals(typed)) continue;
            int distance = distance(wanted, name, within);
            if (distance <= within) {
                found.add(new Scored(candidate, distance));
            } else if (wanted.length() >= MIN_CONTAINED && name.length() >= MIN_CONTAINED
                    && (name.contains(wanted) || wanted.contains(name))) {
                found.add(new Scored(candidate, within + 1));
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(limit).map(Scored::name).toList();
    }

    /** The edit distance of {@code a} and {@code b}, or {@code limit + 1} as soon as it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.min(best, current[j]);
            }
            if (best > limit) return limit + 1;
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
