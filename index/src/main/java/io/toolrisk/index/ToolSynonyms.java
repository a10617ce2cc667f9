package io.toolrisk.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BoostAttribute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The synonyms of the MCP vocabulary ({@code synonyms.txt} beside this class): what a word of a query also finds, so
 * that "send email" finds "Send a message" and "delete repo" finds "Removes a repository". Applied to queries only,
 * as extra terms at the word's position: Lucene then scores the word and its synonyms as one term, a synonym's
 * occurrences counting {@link #WEIGHT} of the word's own, so a tool that says what was typed ranks above one that
 * says it otherwise. Keys and synonyms are in analyzed form (stems), so inflections find each other too.
 * Immutable and thread-safe.
 */
final class ToolSynonyms {
    /** How much an occurrence of a synonym counts against one of the word itself. */
    static final float WEIGHT = 0.6f;
    static final String RESOURCE = "synonyms.txt";
    private static final Pattern EACH_OTHER = Pattern.compile("\\s*,\\s*");
    private static final Pattern ONE_WAY = Pattern.compile("\\s*=>\\s*");

    /** Analyzed word → its analyzed synonyms, in the order the file gives them. */
    private final Map<String, List<String>> synonyms;

    private ToolSynonyms(Map<String, List<String>> synonyms) {
        this.synonyms = synonyms;
    }

    /** The bundled vocabulary, its words analyzed by {@code words} (the identifier analysis: split, lower case, stem). */
    static ToolSynonyms bundled(Analyzer words) {
        try (InputStream in = ToolSynonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the synonyms resource %s is missing from the class path".formatted(RESOURCE));
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synonyms resource " + RESOURCE, e);
        }
    }

    /**
     * Reads rules, one a line: {@code a, b, c} (each finds the others) or {@code a => b, c} (a finds b and c); blank
     * lines and {@code #} comments are skipped.
     *
     * @throws IllegalArgumentException naming the line of a rule that is not one of those, or of a word that
     *                                  analyzes to other than one term
     */
    static ToolSynonyms parse(String text, Analyzer words) {
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        int number = 0;
        try (var lines = new BufferedReader(new StringReader(text))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String rule = line.strip();
                if (rule.isEmpty() || rule.startsWith("#")) continue;
                String[] sides = ONE_WAY.split(rule, -1);
                if (sides.length > 2)
                    throw new IllegalArgumentException("synonyms line %d: more than one '=>' in '%s'".formatted(number, rule));
                List<String> right = terms(sides[sides.length - 1], words, number);
                List<String> left = sides.length == 2 ? terms(sides[0], words, number) : right;
                for (String word : left) {
                    for (String synonym : right) {
                        if (synonym.equals(word)) continue;
                        List<String> found = synonyms.computeIfAbsent(word, w -> new ArrayList<>());
                        if (!found.contains(synonym)) found.add(synonym);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: reading a string", e);
        }
        synonyms.replaceAll((word, list) -> List.copyOf(list));
        return new ToolSynonyms(Collections.unmodifiableMap(synonyms));
    }

    private static List<String> terms(String side, Analyzer words, int line) {
        List<String> terms = new ArrayList<>();
        for (String word : EACH_OTHER.split(side.strip())) {
            List<String> analyzed = analyze(words, word);
            if (analyzed.size() != 1)
                throw new IllegalArgumentException("synonyms line %d: '%s' is %d words to the search, not one"
                        .formatted(line, word, analyzed.size()));
            terms.add(analyzed.getFirst());
        }
        return terms;
    }

    private static List<String> analyze(Analyzer analyzer, String word) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: analyzing a string", e);
        }
        return terms;
    }

    /** The analyzed synonyms of an analyzed word; empty when it has none. */
    List<String> of(String term) {
        return synonyms.getOrDefault(term, List.of());
    }

    /** A filter that puts each term's synonyms at its position, weighted {@link #WEIGHT}. */
    TokenFilter filter(TokenStream input) {
        return new Expansion(input, this);
    }

    /** Adds the synonyms of each term after it, at the same position (increment 0), with a boost below 1. */
    private static final class Expansion extends TokenFilter {
        private final ToolSynonyms synonyms;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final BoostAttribute boost = addAttribute(BoostAttribute.class);
        private final Deque<String> pending = new ArrayDeque<>();
        private State original;

        Expansion(TokenStream input, ToolSynonyms synonyms) {
            super(input);
            this.synonyms = synonyms;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                restoreState(original);
                term.setEmpty().append(pending.poll());
                increment.setPositionIncrement(0);
                boost.setBoost(WEIGHT);
                return true;
            }
            if (!input.incrementToken()) return false;
            boost.setBoost(1f);
            List<String> found = synonyms.of(term.toString());
            if (!found.isEmpty()) {
                pending.addAll(found);
                original = captureState();
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
            original = null;
        }
    }
}
