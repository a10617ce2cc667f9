package io.toolrisk.scan;

import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;

import java.util.List;

/** What makes {@code scan} fail a CI build. */
public enum FailOn {
    /**
     * Any tool of critical severity: destructive or financial, or made critical by a flag (hidden instructions,
     * tool shadowing, invisible characters).
     */
    CRITICAL,
    /** Any annotation that contradicts what the tool says it does. */
    CONFLICT,
    /** Any flag at all. */
    FLAG;

    /** The tools that trip this threshold, in scan order. */
    public List<ScannedTool> offenders(List<ScannedTool> tools) {
        return tools.stream().filter(this::trippedBy).toList();
    }

    private boolean trippedBy(ScannedTool t) {
        return switch (this) {
            case CRITICAL -> t.profile().severity() == Severity.CRITICAL;
            case CONFLICT -> t.profile().hasFlag(FlagKind.ANNOTATION_CONFLICT);
            case FLAG -> !t.profile().flags().isEmpty();
        };
    }
}
