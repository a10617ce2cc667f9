package io.toolrisk.annotations;

/** A hint the author declared one way and ToolRisk infers the other. */
public record Contradiction(Hint hint, boolean declared, boolean suggested) {
}
