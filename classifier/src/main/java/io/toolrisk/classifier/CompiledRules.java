package io.toolrisk.classifier;

import io.toolrisk.classifier.rules.Cue;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.rules.RuleSet;
import io.toolrisk.classifier.text.LiteralMatcher;
import io.toolrisk.classifier.text.TermMatcher;
import io.toolrisk.classifier.text.Vocabulary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/**
 * A ruleset compiled for matching: per field one {@link TermMatcher} holding every term of every rule that
 * reads the field (so a field is read once, whatever the number of rules), one Aho–Corasick automaton for
 * the literals, and the hint rules. Immutable and thread-safe.
 */
final class CompiledRules {
    final RuleSet ruleSet;
    final Rule[] rules;
    final Vocabulary vocabulary = new Vocabulary();
    final int[] hintRules;
    /** Per rule, the vocabulary ids of its context words. */
    final int[][] contexts;
    /** What the verbs of the rules that name their objects act on. */
    final ObjectFinder objects;
    private final boolean[] negation;
    private final boolean[] actionParam;
    private final boolean[] noun;
    private final boolean[] conjunction;
    /** Per vocabulary id, the {@link io.toolrisk.classifier.rules.Cue}s the word is marked with (bit per cue). */
    private final long[] cues;
    // Votes and flags are two groups of one matcher per field, so that the longest-match rule never lets a
    // flag's term ("send a message", open-world) hide a vote's shorter term ("send", execute), or the other
    // way round, and the field is still read once.
    private final EnumMap<Field, TermMatcher> matchers = new EnumMap<>(Field.class);
    private final EnumMap<Field, LiteralMatcher> literalMatchers = new EnumMap<>(Field.class);
    // Per field, by vocabulary id: whether a vote's term can start with the word. Only rules that need no object
    // count, so that a verb which votes only with its object ("open" a position) never moves the lead clause.
    private final EnumMap<Field, boolean[]> leadWords = new EnumMap<>(Field.class);

    /** Words that join two verbs of one name or clause ("get_or_create", "create and update"). */
    static final List<String> CONJUNCTIONS = List.of("and", "or", "then", "plus");
    CompiledRules(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.rules = ruleSet.rules().toArray(Rule[]::new);
        List<Integer> hints = new ArrayList<>();
        EnumMap<Field, TermMatcher.Builder> builders = new EnumMap<>(Field.class);
        EnumMap<Field, List<String>> literals = new EnumMap<>(Field.class);
        EnumMap<Field, List<Integer>> literalIds = new EnumMap<>(Field.class);
        EnumMap<Field, Set<String>> leadWords = new EnumMap<>(Field.class);
        contexts = new int[rules.length][];
        List<int[]> cueWords = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            Rule rule = rules[i];
            if (!rule.hints().isEmpty()) hints.add(i);
            contexts[i] = rule.context().stream().mapToInt(vocabulary::add).toArray();
            if (rule.target() instanceof Rule.Target.Mark(Cue cue)) {
                // A cue's words are looked up by id while the poisoning detectors read a field, not matched as terms.
                for (String word : rule.terms()) cueWords.add(new int[] {vocabulary.add(word), cue.ordinal()});
            }
            for (Field field : rule.fields()) {
                int group = rule.target() instanceof Rule.Target.Raise ? 1 : 0;
                boolean leads = group == 0 && rule.objects().isEmpty();
                for (String term : rule.terms()) {
                    if (rule.target() instanceof Rule.Target.Mark) break;
                    var builder = builders.computeIfAbsent(field, f -> TermMatcher.builder(vocabulary));
                    for (List<String> form : forms(term, field.isText())) {
                        builder.add(form, i, group);
                        if (leads) leadWords.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(form.getFirst());
                    }
                }
                for (String literal : rule.literals()) {
                    literals.computeIfAbsent(field, f -> new ArrayList<>()).add(literal);
                    literalIds.computeIfAbsent(field, f -> new ArrayList<>()).add(i);
                }
            }
        }
        int[] negations = ids(ruleSet.negations());
        int[] actionParams = ids(ruleSet.actionParams());
        int[] nouns = ids(ruleSet.nouns());
        int[] conjunctions = ids(CONJUNCTIONS);
        cues = new long[vocabulary.size()];
        for (int[] w : cueWords) cues[w[0]] |= 1L << w[1];
        for (int id : negations) cues[id] |= Cue.NEGATION.bit();
        vocabulary.freeze(cues);
        negation = flags(negations);
        actionParam = flags(actionParams);
        noun = flags(nouns);
        conjunction = flags(conjunctions);
        this.hintRules = hints.stream().mapToInt(Integer::intValue).toArray();
        builders.forEach((field, builder) -> matchers.put(field, builder.build()));
        objects = new ObjectFinder(rules);
        leadWords.forEach((field, words) -> {
            boolean[] leads = new boolean[vocabulary.size()];
            for (String word : words) leads[vocabulary.id(word, 0, word.length())] = true;
            this.leadWords.put(field, leads);
        });
        literals.forEach((field, list) -> literalMatchers.put(field, LiteralMatcher.of(list, literalIds.get(field))));
    }

    private int[] ids(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).mapToInt(vocabulary::add).toArray();
    }

    private boolean[] flags(int[] ids) {
        boolean[] flags = new boolean[vocabulary.size()];
        for (int id : ids) flags[id] = true;
        return flags;
    }

    boolean isNegation(int id) {
        return id >= 0 && negation[id];
    }

    boolean isActionParam(int id) {
        return id >= 0 && actionParam[id];
    }

    boolean isNoun(int id) {
        return id >= 0 && noun[id];
    }

    /** The cues the known word {@code id} is marked with, as a mask of {@link Cue#bit()}s; 0 for none. */
    long cues(int id) {
        return id >= 0 ? cues[id] : 0;
    }

    boolean isConjunction(int id) {
        return id >= 0 && conjunction[id];
    }

    /** The matcher for the terms of the rules that read a field (votes in group 0, flags in group 1); null when none does. */
    TermMatcher matcher(Field field) {
        return matchers.get(field);
    }

    /**
     * By vocabulary id: whether a vote that needs no object has a term in {@code field} starting with the word
     * (the array may be shorter than the vocabulary; ids past its end start none).
     */
    boolean[] leadWords(Field field) {
        return leadWords.getOrDefault(field, NO_LEADS);
    }

    private static final boolean[] NO_LEADS = new boolean[0];

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

    /** A noun and its plural: "charge", "charges"; "entry", "entries"; "tax", "taxes". */
    static List<String> plurals(String noun) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(noun);
        if (noun.length() > 2 && noun.chars().allMatch(Character::isLetter) && !noun.endsWith("s")) {
            if (noun.endsWith("y") && !isVowel(noun.charAt(noun.length() - 2))) forms.add(noun.substring(0, noun.length() - 1) + "ies");
            else if (noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) forms.add(noun + "es");
            else forms.add(noun + "s");
        }
        return List.copyOf(forms);
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
