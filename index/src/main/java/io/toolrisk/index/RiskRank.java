package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;

/**
 * The rank a tool document sorts by ({@link ToolFields#RANK}): its severity, then its category, as one small
 * number, so that the index, sorted most severe first, puts a "read" tool whose flags make it critical (hidden
 * instructions) among the critical tools rather than among the reads. Tools of one rank lie in one run of
 * documents per segment ({@link RankRanges}). Indexes of the formats before {@link CatalogueIndexer#FORMAT}
 * stored the category alone there; {@link #ofCategory} reads those.
 */
final class RiskRank {
    private static final Category[] CATEGORIES = Category.values();
    private static final Severity[] SEVERITIES = Severity.values();
    /** How many ranks there are: one per severity and category. */
    static final int COUNT = SEVERITIES.length * CATEGORIES.length;
    /** Every rank, most severe first: the order of the runs in a segment. */
    static final int[] DOC_ORDER = docOrder();

    private RiskRank() {
    }

    private static int[] docOrder() {
        int[] order = new int[COUNT];
        for (int i = 0; i < COUNT; i++) order[i] = COUNT - 1 - i;
        return order;
    }

    /** The rank of a tool of {@code category} whose profile has {@code severity}. */
    static int of(Category category, Severity severity) {
        return severity.ordinal() * CATEGORIES.length + category.ordinal();
    }

    /** The rank a tool of {@code category} had in an index of an earlier format: its category's severity. */
    static int ofCategory(int categoryOrdinal) {
        Category category = CATEGORIES[categoryOrdinal];
        return of(category, category.severity());
    }

    static Category category(int rank) {
        return CATEGORIES[rank % CATEGORIES.length];
    }

    static Severity severity(int rank) {
        return SEVERITIES[rank / CATEGORIES.length];
    }
}
