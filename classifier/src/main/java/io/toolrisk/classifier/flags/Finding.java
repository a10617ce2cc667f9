package io.toolrisk.classifier.flags;

import io.toolrisk.catalogue.FlagKind;

/**
 * What a detector of tool poisoning found in one text: the flag it raises, the pattern that matched, the span of
 * the text that shows it (from the first to the last word the pattern needed) and a sentence saying why it
 * matters.
 */
public record Finding(FlagKind kind, String pattern, int start, int end, String detail) {
    public Finding {
        if (start < 0 || end < start)
            throw new IllegalArgumentException("a finding needs 0 <= start <= end, got %d..%d".formatted(start, end));
    }
}
