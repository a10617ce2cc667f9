package io.toolrisk.classifier.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned ruleset: the rules, the words that negate a match in prose ({@code negations}), the names
 * of parameters whose enum selects what a multi-action tool does ({@code actionParams}), and the verbs that
 * are as often nouns ({@code nouns}: "run", "merge", "comment"), which name the action of a tool
 * name only when they come first ("merge_pull_request", not "get_merge_request"). The version is in
 * every profile, so that a profile can be traced to the rules that made it.
 */
public record RuleSet(String version, List<String> negations, List<String> actionParams, List<String> nouns,
                      List<Rule> rules) {
    public RuleSet {
        if (version == null || !version.matches("[0-9A-Za-z][0-9A-Za-z.+_-]*"))
            throw new IllegalArgumentException("ruleset version '%s' must be letters, digits, '.', '+', '_' or '-'"
                    .formatted(version));
        negations = List.copyOf(negations);
        actionParams = List.copyOf(actionParams);
        nouns = List.copyOf(nouns);
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id()))
                throw new IllegalArgumentException("ruleset %s has two rules with id '%s'".formatted(version, rule.id()));
        }
    }

    /**
     * This ruleset with {@code extra}'s rules added, a rule with an id that exists already replacing it in
     * place; negations and action parameters are added. The version becomes {@code base+extra}.
     */
    public RuleSet extendedWith(RuleSet extra) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) byId.put(rule.id(), rule);
        for (Rule rule : extra.rules()) byId.put(rule.id(), rule);
        return new RuleSet(version + "+" + extra.version(), union(negations, extra.negations()),
                union(actionParams, extra.actionParams()), union(nouns, extra.nouns()), new ArrayList<>(byId.values()));
    }

    private static List<String> union(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        for (String s : b) {
            if (!all.contains(s)) all.add(s);
        }
        return all;
    }
}
