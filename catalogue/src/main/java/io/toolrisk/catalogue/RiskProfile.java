package io.toolrisk.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * What one tool can do and how dangerous that is, with the evidence for it. Severity is not stored: it
 * follows from the category, raised by flags that make a tool dangerous whatever it does (hidden instructions,
 * tool shadowing and invisible characters to critical, preference manipulation to at least high). Produced by the
 * classifier; the JSON shape is the contract in DESIGN.md.
 */
public record RiskProfile(
        Optional<String> server,
        String tool,
        Category category,
        double confidence,
        List<Evidence> evidence,
        List<Flag> flags,
        List<ActionProfile> actions,
        String ruleset) {

    public RiskProfile {
        if (server == null) server = Optional.empty();
        Evidence.requireText("tool", tool);
        if (category == null) throw new IllegalArgumentException("category must not be null (tool '%s')".formatted(tool));
        if (!(confidence >= 0 && confidence <= 1))
            throw new IllegalArgumentException("confidence %s is outside [0,1] (tool '%s')".formatted(confidence, tool));
        evidence = List.copyOf(evidence);
        flags = List.copyOf(flags);
        actions = List.copyOf(actions);
        Evidence.requireText("ruleset", ruleset);
    }

    /** The severity of the category, or the floor of a flag when that is higher. */
    public Severity severity() {
        Severity severity = category.severity();
        for (Flag f : flags) {
            if (f.flag().severityFloor().compareTo(severity) > 0) severity = f.flag().severityFloor();
        }
        return severity;
    }

    public boolean hasFlag(FlagKind kind) {
        return flags.stream().anyMatch(f -> f.flag() == kind);
    }
}
