package io.toolrisk.annotations;

import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;

import java.util.List;

/**
 * One hint ToolRisk suggests, the sentence that justifies it, and the words of the definition it rests on.
 *
 * @param evidence the quotes (field, span, rule) it rests on
 * @param flags    the flags it rests on (open-world, for {@code openWorldHint})
 */
public record HintSuggestion(Hint hint, boolean value, String reason, List<Evidence> evidence, List<Flag> flags) {
    public HintSuggestion {
        if (hint == null) throw new IllegalArgumentException("a hint suggestion needs its hint");
        if (reason == null || reason.isBlank())
            throw new IllegalArgumentException("the suggestion of %s needs a reason".formatted(hint.key()));
        evidence = List.copyOf(evidence);
        flags = List.copyOf(flags);
    }

    /** A suggestion resting on quotes alone. */
    static HintSuggestion of(Hint hint, boolean value, String reason, List<Evidence> evidence) {
        return new HintSuggestion(hint, value, reason, evidence, List.of());
    }
}
