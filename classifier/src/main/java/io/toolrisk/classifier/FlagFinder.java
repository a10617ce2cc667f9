package io.toolrisk.classifier;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;
import io.toolrisk.classifier.flags.HiddenMarkup;
import io.toolrisk.classifier.flags.InvisibleCharacters;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flags of one profile: flag rules that matched, tool poisoning ({@link PoisonScan}), hidden markup,
 * invisible characters, and annotations that contradict the evidence. Ordered by kind, then by where they were found; one per kind and field.
 */
final class FlagFinder {
    private FlagFinder() {
    }

    static List<Flag> flags(CompiledRules rules, ToolScan scan, Tool tool, Category category, List<Hit> evidence,
                            ServerContext context) {
        List<Flag> flags = new ArrayList<>();
        for (Hit hit : scan.flagHits) {
            if (hit.rule().target() instanceof Rule.Target.Raise(FlagKind kind))
                flags.add(new Flag(kind, hit.path(), hit.quote(), hit.rule().explain() + " (rule " + hit.rule().id() + ")"));
        }
        var poison = new PoisonScan(rules, scan, tool, category, context);
        List<Flag> poisoned = new ArrayList<>();
        poison.find(poisoned);
        Optional<FieldText> instructions = context.instructions().map(text ->
                FieldText.of(Field.INSTRUCTIONS, "instructions", Words.ofText(text, rules.vocabulary)));
        instructions.ifPresent(t -> poison.findInInstructions(t, poisoned));
        Set<String> fieldsWithInstructions = new HashSet<>();
        for (Flag f : poisoned) {
            if (f.flag() == FlagKind.HIDDEN_INSTRUCTIONS || f.flag() == FlagKind.TOOL_SHADOWING) fieldsWithInstructions.add(f.field());
        }
        // What hides the text (a comment, an invisible element) is the better quote, so it comes first; an
        // instruction tag only after the words in it that ask for something.
        List<Flag> tags = new ArrayList<>();
        for (FieldText t : scan.texts) hiddenText(t, fieldsWithInstructions, flags, tags);
        for (FieldText t : scan.values) hiddenText(t, fieldsWithInstructions, flags, tags);
        instructions.ifPresent(t -> hiddenText(t, fieldsWithInstructions, flags, tags));
        flags.addAll(poisoned);
        flags.addAll(tags);
        annotationConflict(tool.annotations(), category, evidence).ifPresent(flags::add);
        return ordered(flags);
    }

    /** Invisible characters, and markup that hides text from a person reading the field ({@code tags}: instruction tags). */
    private static void hiddenText(FieldText t, Set<String> fieldsWithInstructions, List<Flag> flags, List<Flag> tags) {
        if (t.words().hasNonAscii()) InvisibleCharacters.find(t.text()).ifPresent(f -> flags.add(new Flag(FlagKind.INVISIBLE_CHARACTERS, t.path(),
                f.quote(), "characters that do not show on screen but reach the model")));
        if (!t.field().isText() || !t.words().mayHold('<')) return;
        for (HiddenMarkup.Finding f : HiddenMarkup.find(t.text())) {
            switch (f.kind()) {
                case COMMENT -> flags.add(new Flag(FlagKind.HIDDEN_INSTRUCTIONS, t.path(), f.quote(),
                        "an HTML comment: hidden from a person reading the rendered description, read by the model"));
                case HIDDEN_ELEMENT -> flags.add(new Flag(FlagKind.HIDDEN_INSTRUCTIONS, t.path(), f.quote(),
                        "markup styled or marked to be invisible when rendered"));
                case INSTRUCTION_TAG -> {
                    if (fieldsWithInstructions.contains(t.path()))
                        tags.add(new Flag(FlagKind.HIDDEN_INSTRUCTIONS, t.path(), f.quote(),
                                "an instruction block addressed to the model that asks for secrecy, data or more"));
                }
            }
        }
    }

    /**
     * The declared hints against the verdict, both ways: a tool declared read-only that the evidence says
     * changes things, one declared non-destructive that deletes, one declared destructive that the evidence says
     * only writes, runs or reads, and one declared as changing things that the evidence says only reads. Where the
     * author claims more danger than the evidence shows, the flag is what makes every policy follow the author
     * ({@link Flag#authorsClaim()}).
     */
    static Optional<Flag> annotationConflict(ToolAnnotations a, Category category, List<Hit> evidence) {
        if (!a.declaresAnyHint()) return Optional.empty();
        Hit reason = null;
        for (Hit h : evidence) {
            if (h.field() != Field.ANNOTATIONS) {
                reason = h;
                break;
            }
        }
        if (reason == null) return Optional.empty();
        boolean readOnly = a.readOnlyHint().orElse(false);
        if (readOnly && category != Category.READ)
            return conflict(Flag.READ_ONLY_HINT_FIELD, "readOnlyHint: true",
                    "declared read-only, but %s says %s", reason, category.wireName());
        if (!readOnly && a.destructiveHint().equals(Optional.of(false)) && category == Category.DESTRUCTIVE)
            return conflict(Flag.DESTRUCTIVE_HINT_FIELD, "destructiveHint: false",
                    "declared non-destructive, but %s says destructive", reason, null);
        if (!readOnly && a.destructiveHint().equals(Optional.of(true))
                && (category == Category.READ || category == Category.WRITE || category == Category.EXECUTE))
            return conflict(Flag.DESTRUCTIVE_HINT_FIELD, Flag.DESTRUCTIVE_HINT_TRUE,
                    "declared destructive, but %s says %s; policies follow the author's stricter reading", reason,
                    category.wireName());
        if (category == Category.READ && a.readOnlyHint().equals(Optional.of(false)))
            return conflict(Flag.READ_ONLY_HINT_FIELD, Flag.READ_ONLY_HINT_FALSE,
                    "declared as changing things, but %s says it only reads; policies follow the author's stricter reading",
                    reason, null);
        return Optional.empty();
    }

    private static Optional<Flag> conflict(String field, String quote, String detail, Hit reason, String category) {
        String because = "'%s' (%s, rule %s)".formatted(reason.quote(), reason.path(), reason.rule().id());
        return Optional.of(new Flag(FlagKind.ANNOTATION_CONFLICT, field, quote,
                category == null ? detail.formatted(because) : detail.formatted(because, category)));
    }

    private static List<Flag> ordered(List<Flag> flags) {
        if (flags.size() < 2) return flags;
        // One flag of a kind per field is enough to point a person at it; the first found is kept.
        Set<String> seen = new HashSet<>();
        List<Flag> out = new ArrayList<>(flags.size());
        for (Flag f : flags) {
            if (seen.add(f.flag().wireName() + '\u0000' + f.field())) out.add(f);
        }
        out.sort(Comparator.comparingInt(f -> f.flag().ordinal()));
        return out;
    }
}
