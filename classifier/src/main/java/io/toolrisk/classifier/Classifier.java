package io.toolrisk.classifier;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.classifier.rules.Overrides;
import io.toolrisk.classifier.rules.RuleLoader;
import io.toolrisk.classifier.rules.RuleSet;
import io.toolrisk.classifier.rules.ToolOverride;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies MCP tool definitions into a {@link RiskProfile}: a category (read, write, execute, destructive,
 * financial), evidence quoting the words that decided it, flags, and for multi-action tools the category of
 * each action. Thread-safe and deterministic: the same tool and ruleset always give the same profile, so
 * one instance should be shared.
 */
public final class Classifier {
    /** The rule id of the evidence that stands in a read profile when no rule matched at all. */
    public static final String NO_CHANGE_FOUND = "no-change-found";
    /** The rule id of the evidence an override adds. */
    public static final String OVERRIDE = "override";
    /** At most this many evidence entries per profile, strongest first. */
    static final int MAX_EVIDENCE = 6;

    private static final class Bundled {
        static final Classifier INSTANCE = new Classifier(RuleLoader.bundled(), Overrides.NONE);
    }

    private final CompiledRules rules;
    private final Overrides overrides;

    private Classifier(RuleSet ruleSet, Overrides overrides) {
        this.rules = new CompiledRules(ruleSet);
        this.overrides = overrides;
    }

    /** The classifier with the bundled ruleset and no overrides. */
    public static Classifier bundled() {
        return Bundled.INSTANCE;
    }

    /** A classifier with the given ruleset and overrides. */
    public static Classifier of(RuleSet ruleSet, Overrides overrides) {
        return new Classifier(ruleSet, overrides);
    }

    /**
     * The bundled ruleset extended with the rules in {@code rulesFile} (rules with an existing id replace it),
     * and the overrides in {@code overridesFile}.
     *
     * @throws IllegalArgumentException when a file is not a valid ruleset or overrides list (the message
     *                                  names the file and the rule)
     */
    public static Classifier load(Optional<Path> rulesFile, Optional<Path> overridesFile) throws IOException {
        RuleSet ruleSet = RuleLoader.bundled();
        if (rulesFile.isPresent()) ruleSet = ruleSet.extendedWith(RuleLoader.readRuleSet(rulesFile.get()));
        Overrides overrides = overridesFile.isPresent() ? RuleLoader.readOverrides(overridesFile.get()) : Overrides.NONE;
        if (rulesFile.isEmpty() && overridesFile.isEmpty()) return bundled();
        return new Classifier(ruleSet, overrides);
    }

    /** The version of the ruleset every profile carries. */
    public String rulesetVersion() {
        return rules.ruleSet.version();
    }

    /** The ruleset this classifier applies. */
    public RuleSet ruleSet() {
        return rules.ruleSet;
    }

    /**
     * The profile of {@code tool} judged alone, on its own wording; never null, never throws for any tool the
     * catalogue can represent.
     */
    public RiskProfile classify(Tool tool) {
        return classify(tool, ServerContext.ALONE);
    }

    /**
     * The profiles of a list of tools, in order, each judged with the other tools of its server (the tools with the
     * same {@link Tool#server()}, or all of them when they name none) as its siblings: what {@code classify} and
     * {@code scan} of a {@code tools/list} result, and a refresh, want.
     */
    public List<RiskProfile> classifyAll(List<Tool> tools) {
        Map<Optional<String>, ServerContext> contexts = ServerContext.byServer(tools);
        List<RiskProfile> out = new ArrayList<>(tools.size());
        for (Tool t : tools) out.add(classify(t, contexts.get(t.server())));
        return out;
    }

    /**
     * The profile of {@code tool}, one of the tools of the server {@code context} describes: naming a sibling tool is
     * ordinary guidance there, and the server's instructions are read as part of every tool's definition.
     */
    public RiskProfile classify(Tool tool, ServerContext context) {
        ToolScan scan = new ToolScan(rules, tool).run();
        Category base = scan.votes.decide();
        Category category = base;
        Votes decisive = scan.votes;
        List<Hit> hits = new ArrayList<>();
        List<ActionProfile> actions = new ArrayList<>();
        if (scan.actionParameter.isPresent() && !scan.saysItOnlyReads(base)) {
            ToolScan.ActionParameter p = scan.actionParameter.get();
            Category top = Category.READ;
            for (int i = 0; i < p.values().size(); i++) {
                Votes v = p.votes().get(i);
                Category c = v.isEmpty() ? base : v.decide();
                // The way out of an operation in progress goes back, at most as far as a write.
                if (p.exits().get(i)) c = base.compareTo(Category.WRITE) < 0 ? base : Category.WRITE;
                actions.add(new ActionProfile(p.param(), p.values().get(i), c));
                top = top.max(c);
            }
            if (top.compareTo(base) > 0) {
                category = top;
                for (int i = 0; i < actions.size(); i++) {
                    if (actions.get(i).category() == top && !p.votes().get(i).isEmpty() && !p.exits().get(i)) {
                        if (hits.isEmpty()) decisive = p.votes().get(i);
                        hits.addAll(p.votes().get(i).supporting(top));
                    }
                }
            }
        }
        hits.addAll(scan.votes.supporting(category));
        double confidence = decisive.confidence(category);
        Optional<ToolOverride> override = overrides.find(tool.server(), tool.name());
        List<Evidence> evidence = new ArrayList<>();
        if (override.isPresent()) {
            category = override.get().category();
            String reason = override.get().reason();
            evidence.add(new Evidence(OVERRIDE, reason, 0, reason.length(), OVERRIDE));
            hits = scan.votes.supporting(category);
            confidence = 1.0;
        }
        for (Hit h : hits) {
            if (evidence.size() == MAX_EVIDENCE) break;
            evidence.add(h.evidence());
        }
        if (evidence.isEmpty()) {
            evidence.add(new Evidence("name", tool.name(), 0, tool.name().length(), NO_CHANGE_FOUND));
            confidence = Votes.NO_EVIDENCE_CONFIDENCE;
        }
        List<Flag> flags = FlagFinder.flags(rules, scan, tool, category, hits, context);
        return new RiskProfile(tool.server(), tool.name(), category, Math.round(confidence * 100) / 100.0,
                evidence, flags, actions, rules.ruleSet.version());
    }
}
