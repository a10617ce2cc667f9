package io.toolrisk.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one analyzer for indexing and querying tools (Lucene wants the same on both sides). Identifiers are
 * split into words at underscores, hyphens, dots and case changes, so that {@code delete_repo},
 * {@code deleteRepo}, {@code delete-repo} and "delete repo" all become {@code delete repo}; prose is
 * English (stop words, Porter stems) after the same splitting, so a description that says
 * {@code create_issue} is found by "create issue" too.
 *
 * <p>Queries are analyzed the same way, then each word gets its synonyms ({@link ToolSynonyms}) at its position:
 * {@link #query()}. The index holds the words as written, so the vocabulary can grow without a rebuild.
 */
final class ToolAnalyzer {
    private static final int WORD_SPLITTING = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private ToolAnalyzer() {
    }

    /** Names, parameter names and server ids: split identifiers, lower-case, stem; no stop words ("get_all" keeps "all"). */
    static Analyzer identifiers() {
        return identifiers(UnaryOperator.identity());
    }

    private static Analyzer identifiers(UnaryOperator<TokenStream> last) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var source = new StandardTokenizer();
                TokenStream stream = new WordDelimiterGraphFilter(source, WORD_SPLITTING | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS, null);
                stream = new LowerCaseFilter(stream);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, last.apply(stream));
            }
        };
    }

    /** Descriptions and titles: identifiers split as above, then English analysis. */
    static Analyzer prose() {
        return prose(UnaryOperator.identity());
    }

    private static Analyzer prose(UnaryOperator<TokenStream> last) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var source = new StandardTokenizer();
                TokenStream stream = new WordDelimiterGraphFilter(source, WORD_SPLITTING, null);
                stream = new EnglishPossessiveFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, last.apply(stream));
            }
        };
    }

    /** Per field, for indexing: identifiers for name/param/server text, prose for the rest. */
    static Analyzer create() {
        return perField(identifiers(), prose());
    }

    /** Per field, for queries: as {@link #create()}, each word followed by its synonyms. */
    static Analyzer query() {
        ToolSynonyms synonyms = ToolSynonyms.bundled(identifiers());
        return perField(identifiers(synonyms::filter), prose(synonyms::filter));
    }

    private static Analyzer perField(Analyzer identifiers, Analyzer prose) {
        return new PerFieldAnalyzerWrapper(prose, Map.of(
                ToolFields.NAME, identifiers,
                ToolFields.PARAM, identifiers,
                ToolFields.SERVER_TEXT, identifiers));
    }
}
