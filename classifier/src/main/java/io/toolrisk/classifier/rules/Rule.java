package io.toolrisk.classifier.rules;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a ruleset: where it looks ({@code fields}), what it looks for, and what a match means: a vote
 * of {@code weight} for a category, or a flag. It matches in one of three ways:
 * <ul>
 *   <li>{@code terms}: word sequences, e.g. {@code "delete"} or {@code "cannot be undone"}; in identifier
 *       fields they match tokens exactly, in text fields also the inflections {@code -s}, {@code -es},
 *       {@code -ing} of the last word;</li>
 *   <li>{@code literals}: case-insensitive substrings of text fields, for things that are not words
 *       ({@code ~/.ssh}, {@code id_rsa});</li>
 *   <li>{@code hints}: annotation values, e.g. {@code readOnlyHint: true}.</li>
 * </ul>
 * A rule that {@linkplain Target.Mark marks} its words as a {@link Cue} raises nothing by itself.
 * {@code context}, when not empty, lists tokens of which at least one must appear in the tool's name or its
 * schema property names for the rule to fire ("transfer" is money only next to an amount or a currency).
 * {@code objects}, when not empty, lists the words of which one must be what the matched verb acts on: in a
 * name, another of its tokens ("create_pix_charge", "order_cancel"); in prose, a word after the match in
 * its clause, at most {@link #OBJECT_WINDOW} words on ("Places a new market order"). The quote then spans
 * verb and object. {@code notObjects} are two-word terms with an object as one word, in which that object does
 * not count: "manufacturing order" is no trade, a "debit note" no payment.
 * {@code anyPosition} keeps full weight wherever the match stands: outside a name's verb slot, or in a later
 * sentence of a description ("This cannot be undone." is a warning wherever it is). A {@code scope} rule says how far
 * the tool goes, and cancels the votes of its clause for more severe categories: a read scope says that nothing
 * changes (in "runs a read-only query" the running is what reads); an execute scope that something is only
 * prepared ("builds an unsigned transaction": no money moves until someone signs it).
 */
public record Rule(
        String id,
        Set<Field> fields,
        Target target,
        List<String> terms,
        List<String> literals,
        Map<String, Boolean> hints,
        List<String> context,
        List<String> objects,
        List<String> notObjects,
        boolean anyPosition,
        boolean scope,
        double weight,
        String explain) {

    /** What a match means. */
    public sealed interface Target {
        /** A vote for a category. */
        record Vote(Category category) implements Target {
        }

        /** A flag raised with the match as evidence. */
        record Raise(FlagKind flag) implements Target {
        }

        /**
         * Marks the matched words (or literals) as a {@link Cue}: nothing by itself, a part of the combinations
         * the detectors of tool poisoning look for. Terms of such a rule are single words.
         */
        record Mark(Cue cue) implements Target {
        }
    }

    static final double MAX_WEIGHT = 10;
    /** How many words after a verb in prose its object may stand: "Create a due-dated Pix charge". */
    public static final int OBJECT_WINDOW = 5;

    public Rule {
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]*"))
            throw new IllegalArgumentException("rule id '%s' must be lower-case letters, digits, '.' and '-'".formatted(id));
        if (fields == null || fields.isEmpty())
            throw new IllegalArgumentException("rule '%s' reads no fields".formatted(id));
        if (target == null) throw new IllegalArgumentException("rule '%s' has neither a category nor a flag".formatted(id));
        // Ordered copies: Set.copyOf and Map.copyOf iterate in an order that changes from one JVM run to the
        // next, and which hint is quoted as evidence must not.
        fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
        terms = terms == null ? List.of() : List.copyOf(terms);
        literals = literals == null ? List.of() : List.copyOf(literals);
        hints = hints == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hints));
        context = context == null ? List.of() : List.copyOf(context);
        objects = objects == null ? List.of() : List.copyOf(objects);
        notObjects = notObjects == null ? List.of() : List.copyOf(notObjects);
        if (!notObjects.isEmpty() && objects.isEmpty())
            throw new IllegalArgumentException("rule '%s' has notObjects but no objects".formatted(id));
        if (!objects.isEmpty() && terms.isEmpty())
            throw new IllegalArgumentException("rule '%s': objects go with terms (verbs), not literals or hints".formatted(id));
        for (String o : objects) {
            if (!WORD.matcher(o).matches())
                throw new IllegalArgumentException("rule '%s': object '%s' must be one lower-case word".formatted(id, o));
        }
        for (String n : notObjects) {
            String[] words = n.split(" ");
            if (words.length != 2 || !WORD.matcher(words[0]).matches() || !WORD.matcher(words[1]).matches()
                    || !objects.contains(words[0]) && !objects.contains(words[1]))
                throw new IllegalArgumentException(("rule '%s': notObject '%s' must be two words, one of them one of "
                        + "the rule's objects").formatted(id, n));
        }
        int kinds = (terms.isEmpty() ? 0 : 1) + (literals.isEmpty() ? 0 : 1) + (hints.isEmpty() ? 0 : 1);
        if (kinds != 1)
            throw new IllegalArgumentException("rule '%s' needs exactly one of terms, literals or hints".formatted(id));
        if (!(weight > 0 && weight <= MAX_WEIGHT))
            throw new IllegalArgumentException("rule '%s' has weight %s, expected more than 0 and at most %s"
                    .formatted(id, weight, MAX_WEIGHT));
        if (explain == null || explain.isBlank())
            throw new IllegalArgumentException("rule '%s' needs a one-line explanation".formatted(id));
        if (scope && !(target instanceof Target.Vote))
            throw new IllegalArgumentException("rule '%s': only a rule with a category can be a scope, not a flag".formatted(id));
        for (Field f : fields) {
            if (!hints.isEmpty() && f != Field.ANNOTATIONS || hints.isEmpty() && f == Field.ANNOTATIONS)
                throw new IllegalArgumentException("rule '%s': hints read only the annotations field, got '%s'"
                        .formatted(id, f.wireName()));
            if (!(target instanceof Target.Mark) && (f == Field.VALUE || f == Field.INSTRUCTIONS))
                throw new IllegalArgumentException("rule '%s': only cue rules read the field '%s'".formatted(id, f.wireName()));
            if (target instanceof Target.Mark && !f.isText())
                throw new IllegalArgumentException("rule '%s': cues are read only in text fields, got '%s'"
                        .formatted(id, f.wireName()));
            if (!literals.isEmpty() && !f.isText())
                throw new IllegalArgumentException("rule '%s': literals read only text fields, got '%s'"
                        .formatted(id, f.wireName()));
        }
        for (String term : terms) {
            if (target instanceof Target.Mark && term.contains(" "))
                throw new IllegalArgumentException("rule '%s': a cue rule's terms are single words, got '%s'".formatted(id, term));
            if (!TERM.matcher(term).matches())
                throw new IllegalArgumentException(("rule '%s': term '%s' must be lower-case words (letters, digits, "
                        + "apostrophes) separated by single spaces").formatted(id, term));
        }
        for (String key : hints.keySet()) {
            if (!HINT_NAMES.contains(key))
                throw new IllegalArgumentException("rule '%s': unknown hint '%s' (expected readOnlyHint, "
                        .formatted(id, key) + "destructiveHint, idempotentHint or openWorldHint)");
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}']+");
    private static final Pattern TERM = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}']+( [\\p{Ll}\\p{Lo}\\p{Nd}']+)*");

    static final Set<String> HINT_NAMES = Set.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint");

    /** True when a match votes for {@code category}. */
    public boolean votesFor(Category category) {
        return target instanceof Target.Vote v && v.category() == category;
    }
}
