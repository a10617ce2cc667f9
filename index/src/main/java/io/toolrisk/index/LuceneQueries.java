package io.toolrisk.index;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Turns a {@link ToolQuery} into a Lucene query and sort. Thread-safe. */
final class LuceneQueries {
    /** Where free text is looked for, and how much a match in each field counts. */
    private static final Map<String, Float> TEXT_FIELDS = Map.of(
            ToolFields.NAME, 4f,
            ToolFields.TITLE, 2f,
            ToolFields.DESCRIPTION, 1f,
            ToolFields.PARAM, 0.5f,
            ToolFields.SERVER_TEXT, 1f);
    /** A query that is the tool's whole name outranks everything else. */
    private static final float EXACT_NAME_BOOST = 20f;
    /**
     * Fuzzy and proximity operators are off: on a million tools a stranger's {@code ~} would cost far more than
     * it helps. Everything else of the simple syntax ({@code + | - " * ( ) \}) stays.
     */
    private static final int TEXT_SYNTAX = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    static final Query TOOLS = new TermQuery(new Term(ToolFields.TYPE, ToolFields.TYPE_TOOL));
    static final Query SERVERS = new TermQuery(new Term(ToolFields.TYPE, ToolFields.TYPE_SERVER));

    private static final SortField SCORE = SortField.FIELD_SCORE;
    private static final SortField MOST_SEVERE_FIRST = new SortField(ToolFields.RANK, SortField.Type.INT, true);
    private static final SortField BY_ID = new SortedSetSortField(ToolFields.ID, false);
    static final Sort RELEVANCE = new Sort(SCORE, MOST_SEVERE_FIRST, BY_ID);
    static final Sort SEVERITY = new Sort(MOST_SEVERE_FIRST, SCORE, BY_ID);
    /**
     * Most severe first, then by id: the order the index is sorted in, so a search in this order stops after
     * the page it needs. Searches without text use it for both orders (their scores are all equal).
     */
    static final Sort INDEX_ORDER = new Sort(MOST_SEVERE_FIRST, BY_ID);

    private final Analyzer analyzer;

    LuceneQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    static Sort sort(ToolQuery.Order order) {
        return switch (order) {
            case RELEVANCE -> RELEVANCE;
            case SEVERITY -> SEVERITY;
        };
    }

    Query toolQuery(ToolQuery q) {
        var query = new BooleanQuery.Builder().add(TOOLS, BooleanClause.Occur.FILTER);
        if (!q.text().isEmpty()) {
            query.add(freeText(q.text(), TEXT_FIELDS), BooleanClause.Occur.MUST);
            query.add(exactName(q.text()), BooleanClause.Occur.SHOULD);
        }
        filter(query, ToolFields.CATEGORY, q.categories(), Category::wireName);
        filter(query, ToolFields.SEVERITY, q.severities(), Severity::wireName);
        filter(query, ToolFields.SERVER, q.servers(), Function.identity());
        filter(query, ToolFields.FLAG, q.flags(), FlagKind::wireName);
        return query.build();
    }

    /**
     * What a tool must match to count as a hit of {@code q}, apart from its category and severity: the text,
     * servers and flags. Not restricted to tool documents: callers count within the tools' document ranges
     * ({@link RankRanges}).
     */
    Query matchQuery(ToolQuery q) {
        return withoutCategories(q, false);
    }

    /** {@link #matchQuery} scored for relevance: with the boost for the tool's whole name. */
    Query rankQuery(ToolQuery q) {
        return withoutCategories(q, true);
    }

    private Query withoutCategories(ToolQuery q, boolean exactNameBoost) {
        var query = new BooleanQuery.Builder();
        boolean any = false;
        if (!q.text().isEmpty()) {
            query.add(freeText(q.text(), TEXT_FIELDS), BooleanClause.Occur.MUST);
            if (exactNameBoost) query.add(exactName(q.text()), BooleanClause.Occur.SHOULD);
            any = true;
        }
        any |= filter(query, ToolFields.SERVER, q.servers(), Function.identity());
        any |= filter(query, ToolFields.FLAG, q.flags(), FlagKind::wireName);
        return any ? query.build() : new MatchAllDocsQuery();
    }

    private static Query exactName(String text) {
        return new BoostQuery(new TermQuery(new Term(ToolFields.NAME_EXACT, text.toLowerCase(Locale.ROOT))), EXACT_NAME_BOOST);
    }

    /** Servers whose key, name or title match {@code text}; all servers when blank. */
    Query serverQuery(String text) {
        var query = new BooleanQuery.Builder().add(SERVERS, BooleanClause.Occur.FILTER);
        if (!text.isBlank()) query.add(freeText(text.strip(), Map.of(ToolFields.SERVER_TEXT, 1f)), BooleanClause.Occur.MUST);
        return query.build();
    }

    /**
     * The simple query syntax, with AND as the default operator. Never throws: unbalanced quotes or brackets
     * are read as well as they can be. A purely negative query ({@code -delete}) means "everything but".
     */
    private Query freeText(String text, Map<String, Float> fields) {
        var parser = new SimpleQueryParser(analyzer, fields, TEXT_SYNTAX);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query parsed = parser.parse(text);
        if (parsed instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            var everythingBut = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            b.clauses().forEach(everythingBut::add);
            return everythingBut.build();
        }
        return parsed;
    }

    private static <T> boolean filter(BooleanQuery.Builder query, String field, Collection<T> values, Function<T, String> wire) {
        if (values.isEmpty()) return false;
        List<BytesRef> terms = values.stream().map(v -> new BytesRef(wire.apply(v))).toList();
        query.add(new TermInSetQuery(field, terms), BooleanClause.Occur.FILTER);
        return true;
    }
}
