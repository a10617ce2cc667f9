package io.toolrisk.classifier;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;

import java.util.List;

/**
 * Classifies MCP tool definitions into a {@link RiskProfile}. Thread-safe and deterministic: the same tool
 * and ruleset always give the same profile.
 */
public final class Classifier {
    private static final String RULESET = "0.0.0-placeholder";

    private Classifier() {
    }

    /** The classifier with the bundled ruleset. */
    public static Classifier bundled() {
        return new Classifier();
    }

    /** The version of the ruleset every profile carries. */
    public String rulesetVersion() {
        return RULESET;
    }

    public RiskProfile classify(Tool tool) {
        return new RiskProfile(tool.server(), tool.name(), Category.READ, 0.0, List.of(), List.of(), List.of(), RULESET);
    }
}
