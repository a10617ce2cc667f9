package io.toolrisk.catalogue.json;

import io.toolrisk.catalogue.Tool;

/**
 * One entry of a tool input, in input order: a tool that was read, or the reason it could not be, with the
 * line it started on. Outputs keep one entry per input entry so they stay aligned with their inputs.
 */
public sealed interface ToolInput {
    /** The 1-based line the entry started on. */
    long line();

    record Parsed(long line, Tool tool) implements ToolInput {
    }

    record Rejected(long line, String error) implements ToolInput {
    }
}
