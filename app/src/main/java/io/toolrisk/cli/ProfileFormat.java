package io.toolrisk.cli;

/** The output formats of {@code classify}: JSON Lines, one JSON array, or a table for people. */
enum ProfileFormat {
    JSONL, JSON, TABLE
}
