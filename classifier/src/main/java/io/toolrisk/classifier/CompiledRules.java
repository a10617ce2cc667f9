package io.toolrisk.classifier;

import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.rules.RuleSet;
import io.toolrisk.classifier.text.LiteralMatcher;
import io.toolrisk.classifier.text.TermMatcher;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A ruleset compiled for matching: per field one {@link TermMatcher} holding every term of every rule that
 * reads the field (so a field is read once, whatever the number of rules), one Aho–Corasick automaton for
 * the literals, and the hint rules. Immutable and thread-safe.
 */
final class CompiledRules {
    final RuleSet ruleSet;
    final Rule[] rules;
    final Set<String> negations;
    final Set<String> actionParams;
    final Set<String> leadFillers;
    final Set<String> nouns;
    final int[] hintRules;
    private final EnumMap<Field, TermMatcher> matchers = new EnumMap<>(Field.class);
    private final EnumMap<Field, LiteralMatcher> literalMatchers = new EnumMap<>(Field.class);

    CompiledRules(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.rules = ruleSet.rules().toArray(Rule[]::new);
        this.negations = Set.copyOf(ruleSet.negations());
        this.actionParams = Set.copyOf(ruleSet.actionParams().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        this.leadFillers = Set.copyOf(ruleSet.leadFillers());
        this.nouns = Set.copyOf(ruleSet.nouns());
        List<Integer> hints = new ArrayList<>();
        EnumMap<Field, TermMatcher.Builder> builders = new EnumMap<>(Field.class);
        EnumMap<Field, List<String>> literals = new EnumMap<>(Field.class);
        EnumMap<Field, List<Integer>> literalIds = new EnumMap<>(Field.class);
        for (int i = 0; i < rules.length; i++) {
            Rule rule = rules[i];
            if (!rule.hints().isEmpty()) hints.add(i);
            for (Field field : rule.fields()) {
                for (String term : rule.terms()) {
                    var builder = builders.computeIfAbsent(field, f -> TermMatcher.builder());
                    for (List<String> form : forms(term, field.isText())) builder.add(form, i);
                }
                for (String literal : rule.literals()) {
                    literals.computeIfAbsent(field, f -> new ArrayList<>()).add(literal);
                    literalIds.computeIfAbsent(field, f -> new ArrayList<>()).add(i);
                }
            }
        }
        this.hintRules = hints.stream().mapToInt(Integer::intValue).toArray();
        builders.forEach((field, builder) -> matchers.put(field, builder.build()));
        literals.forEach((field, list) -> literalMatchers.put(field, LiteralMatcher.of(list, literalIds.get(field))));
    }

    /** The matcher for the terms of a field; empty when no rule reads it. */
    TermMatcher matcher(Field field) {
        return matchers.get(field);
    }

    /** The literal matcher of a field, or null when no rule looks for literals there. */
    LiteralMatcher literalMatcher(Field field) {
        return literalMatchers.get(field);
    }

    /**
     * The word sequences a term matches. In prose a verb also appears as "deletes", "deleting": the last word
     * gets its {@code -s}, {@code -es} and {@code -ing} forms. The past participle is left out on purpose:
     * "lists deleted items" and "created at" describe, they do not act.
     */
    static List<List<String>> forms(String term, boolean inflect) {
        List<String> words = List.of(term.split(" "));
        if (!inflect) return List.of(words);
        String last = words.getLast();
        Set<String> variants = new LinkedHashSet<>();
        variants.add(last);
        if (last.length() > 2 && last.chars().allMatch(Character::isLetter)) {
            variants.add(last + "s");
            variants.add(last + "es");
            variants.add(last + "ing");
            if (last.endsWith("e") && !last.endsWith("ee")) variants.add(last.substring(0, last.length() - 1) + "ing");
            if (last.endsWith("y") && !isVowel(last.charAt(last.length() - 2)))
                variants.add(last.substring(0, last.length() - 1) + "ies");
            char c = last.charAt(last.length() - 1);
            if (!isVowel(c) && isVowel(last.charAt(last.length() - 2)) && !isVowel(last.charAt(last.length() - 3))
                    && "wxy".indexOf(c) < 0)
                variants.add(last + c + "ing");
        }
        List<List<String>> forms = new ArrayList<>();
        for (String v : variants) {
            var form = new ArrayList<>(words.subList(0, words.size() - 1));
            form.add(v);
            forms.add(form);
        }
        return forms;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
