package io.toolrisk.annotations;

import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;

import java.util.List;
import java.util.Optional;

/**
 * The annotations ToolRisk suggests for one tool: a title, the hints it can justify (in {@link Hint} order; a hint it
 * cannot justify is absent), the hints the author declared the other way, and the profile they were inferred from
 * (the tool classified with its declared annotations left out, so that only its words speak).
 *
 * @param titleFromName true when the tool has no title of its own and {@code title} was made from its name
 */
public record SuggestedAnnotations(Tool tool, String title, boolean titleFromName, List<HintSuggestion> hints,
                                   List<Contradiction> contradictions, RiskProfile profile) {
    public SuggestedAnnotations {
        if (tool == null || profile == null) throw new IllegalArgumentException("suggested annotations need a tool and its profile");
        if (title == null || title.isBlank())
            throw new IllegalArgumentException("suggested annotations need a title (tool '%s')".formatted(tool.name()));
        hints = List.copyOf(hints);
        contradictions = List.copyOf(contradictions);
    }

    /** The suggestion for {@code hint}, when there is one. */
    public Optional<HintSuggestion> hint(Hint hint) {
        return hints.stream().filter(h -> h.hint() == hint).findFirst();
    }

    public boolean contradictsAuthor() {
        return !contradictions.isEmpty();
    }
}
