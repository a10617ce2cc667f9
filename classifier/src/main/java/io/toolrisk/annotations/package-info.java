/**
 * The MCP annotations a tool should declare ({@code title}, {@code readOnlyHint}, {@code destructiveHint},
 * {@code idempotentHint}, {@code openWorldHint}), inferred from what its words say, each with the evidence behind it,
 * and set against what its author declared: {@link io.toolrisk.annotations.AnnotationSuggester}. A hint that the words
 * cannot justify is left out rather than guessed. Tools in, suggestions out: it does not read files, write reports or
 * serve.
 */
package io.toolrisk.annotations;
