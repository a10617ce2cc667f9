package io.toolrisk.classifier;

import io.toolrisk.catalogue.Category;
import io.toolrisk.classifier.rules.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The votes of matched rules for one subject (a tool, or one value of a multi-action parameter) and the
 * decision they lead to. Not thread-safe; one per classification.
 */
final class Votes {
    /** A read verdict needs this many times the strongest non-read score ("get_workflow_run": run is a noun). */
    static final double READ_DOMINANCE = 1.5;
    /**
     * Below this, a change is not established: one verb in the middle of a description ("... follows the
     * guidelines") is no evidence that a tool without other signs changes anything.
     */
    static final double MIN_CHANGE = 1.2;
    /** A more severe category wins when its score reaches this share of the strongest non-read score. */
    static final double SEVERE_SHARE = 0.5;

    private static final Category[] CATEGORIES = Category.values();
    /** Strongest first; ties by field, place and rule, so that the order never depends on the order of work. */
    private static final Comparator<Hit> STRONGEST_FIRST = (a, b) -> {
        int c = Double.compare(b.weight(), a.weight());
        if (c == 0) c = Integer.compare(a.field().ordinal(), b.field().ordinal());
        if (c == 0 && a.text() != b.text()) c = a.path().compareTo(b.path());
        if (c == 0) c = Integer.compare(a.start(), b.start());
        if (c == 0) c = a.rule().id().compareTo(b.rule().id());
        return c;
    };

    private final double[] scores = new double[CATEGORIES.length];
    private final List<Hit> hits = new ArrayList<>(4);
    // Hits arrive field by field: the strongest weight per category within the current field.
    private FieldText currentField;
    private final double[] fieldMax = new double[CATEGORIES.length];

    /**
     * Counts a hit. Within one field a category gets the weight of its strongest hit, not the sum of all:
     * a description that says "merge request" five times is no more about merging than one that says it once.
     */
    void add(Hit hit) {
        if (hit.rule().target() instanceof Rule.Target.Vote(Category category)) {
            if (hit.text() != currentField) {
                currentField = hit.text();
                Arrays.fill(fieldMax, 0);
            }
            int c = category.ordinal();
            if (hit.weight() > fieldMax[c]) {
                scores[c] += hit.weight() - fieldMax[c];
                fieldMax[c] = hit.weight();
            }
            hits.add(hit);
        }
    }

    boolean isEmpty() {
        return hits.isEmpty();
    }

    double score(Category category) {
        return scores[category.ordinal()];
    }

    /**
     * The category the votes support: read when nothing else was found or read clearly dominates; otherwise
     * the most severe category that has at least {@link #SEVERE_SHARE} of the strongest non-read score, so
     * that "get_and_delete" is destructive and "create_refund" financial.
     */
    Category decide() {
        double strongest = 0;
        for (Category c : CATEGORIES) {
            if (c != Category.READ) strongest = Math.max(strongest, scores[c.ordinal()]);
        }
        if (strongest < MIN_CHANGE || scores[Category.READ.ordinal()] >= READ_DOMINANCE * strongest) return Category.READ;
        for (int i = CATEGORIES.length - 1; i > 0; i--) {
            if (scores[i] >= SEVERE_SHARE * strongest) return CATEGORIES[i];
        }
        throw new IllegalStateException("no category reached its share");
    }

    /**
     * How sure the decision is, in [0,1]: grows with the weight behind {@code chosen} and with its margin
     * over the strongest other category.
     */
    double confidence(Category chosen) {
        double top = scores[chosen.ordinal()];
        if (top == 0) return NO_EVIDENCE_CONFIDENCE;
        double other = 0;
        for (Category c : CATEGORIES) {
            if (c != chosen) other = Math.max(other, scores[c.ordinal()]);
        }
        double margin = Math.max(0, (top - other) / (top + other));
        double strength = top / (top + 1.5);
        return 0.2 + 0.8 * strength * (0.5 + 0.5 * margin);
    }

    /** Confidence of a read verdict that rests on nothing but the absence of other evidence. */
    static final double NO_EVIDENCE_CONFIDENCE = 0.3;

    /** Hits lighter than this are left out of the evidence when there is anything heavier to show. */
    static final double NEGLIGIBLE = 0.25;

    /** The hits that voted for {@code category}, strongest first, ties broken by place. */
    List<Hit> supporting(Category category) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits) {
            if (h.rule().votesFor(category)) out.add(h);
        }
        out.sort(STRONGEST_FIRST);
        if (out.size() > 1 && out.getFirst().weight() >= NEGLIGIBLE) out.removeIf(h -> h.weight() < NEGLIGIBLE);
        return out;
    }
}
