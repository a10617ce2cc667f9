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

/**
 * The one analyzer for indexing and querying tools (Lucene wants the same on both sides). Identifiers are
 * split into words at underscores, hyphens, dots and case changes, so that {@code delete_repo},
 * {@code deleteRepo}, {@code delete-repo} and "delete repo" all become {@code delete repo}; prose is
 * English (stop words, Porter stems) after the same splitting, so a description that says
 * {@code create_issue} is found by "create issue" too.
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
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var source = new StandardTokenizer();
                TokenStream stream = new WordDelimiterGraphFilter(source, WORD_SPLITTING | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS, null);
                stream = new LowerCaseFilter(stream);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Descriptions and titles: identifiers split as above, then English analysis. */
    static Analyzer prose() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var source = new StandardTokenizer();
                TokenStream stream = new WordDelimiterGraphFilter(source, WORD_SPLITTING, null);
                stream = new EnglishPossessiveFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Per field: identifiers for name/param/server text, prose for the rest. */
    static Analyzer create() {
        Analyzer identifiers = identifiers();
        return new PerFieldAnalyzerWrapper(prose(), Map.of(
                ToolFields.NAME, identifiers,
                ToolFields.PARAM, identifiers,
                ToolFields.SERVER_TEXT, identifiers));
    }
}
