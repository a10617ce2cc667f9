package io.toolrisk.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that names the index's fields and turns catalogue records into documents. The index holds
 * two kinds of document, told apart by {@link #TYPE}: one per tool, and one per server (its crawl outcome and
 * summary), so that the API answers everything from the index without reading the snapshot.
 */
public final class ToolFields {
    /** {@code tool} or {@code server}. */
    public static final String TYPE = "type";
    public static final String TYPE_TOOL = "tool";
    public static final String TYPE_SERVER = "server";

    /** {@code server/tool}: unique per tool document; the stable tie-break of every sort. */
    public static final String ID = "id";
    /** The server's catalogue key, exact: filter, sort, lookup. On both kinds of document. */
    public static final String SERVER = "server";
    /** The server's key, name and title as words, for free text. */
    public static final String SERVER_TEXT = "server_text";
    /** The tool name as words ({@code deleteRepo} → delete repo). */
    public static final String NAME = "name";
    /** The tool name lower-cased whole, for the exact-name boost. */
    public static final String NAME_EXACT = "name_exact";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    /** Category wire name, exact. */
    public static final String CATEGORY = "category";
    /**
     * The {@link RiskRank}: severity (the profile's, which flags can raise), then category; sorted on, and counted
     * for facets. Indexes of the formats before {@link CatalogueIndexer#FORMAT} hold the category's ordinal here.
     */
    public static final String RANK = "category_rank";
    /** The profile's severity wire name, exact: what its category gives, or more when a flag raises it. */
    public static final String SEVERITY = "severity";
    /** Flag wire names, one value per distinct flag. */
    public static final String FLAG = "flag";
    /** Declared annotation hints, {@code readOnlyHint:true}. */
    public static final String HINT = "hint";
    /** Top-level parameter names of the inputSchema, as words. */
    public static final String PARAM = "param";
    /** Ids of the rules whose evidence the profile quotes. */
    public static final String RULE = "rule";
    /** Binary doc values: the listing JSON of a tool (profile, title, description); see {@link ToolItems}. */
    public static final String ITEM = "item";
    /** Stored: the tool definition as the server sent it. */
    public static final String TOOL = "tool";
    /** Stored: the definition hash. */
    public static final String HASH = "hash";
    /** Crawl status of a server document: crawled, failed, needs-credentials. */
    public static final String STATUS = "status";
    /** Stored: the summary JSON of a server document. */
    public static final String SUMMARY = "summary";

    /**
     * Text without length norms, for the short fields: names, titles, parameter names, server words. Their
     * length says little about relevance, and norms of fields that only some documents have are sparse: looking
     * them up for every hit was a fifth of the search time at a million tools.
     */
    private static final FieldType SHORT_TEXT = shortText();

    private ToolFields() {
    }

    private static FieldType shortText() {
        var type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** {@code server/tool}, the id of a tool document. */
    public static String toolId(String server, String tool) {
        return server + "/" + tool;
    }

    /** The document of one tool of {@code server}. */
    static Document toolDocument(String server, CataloguedTool catalogued) {
        Tool tool = catalogued.tool();
        RiskProfile profile = catalogued.profile();
        var doc = new Document();
        doc.add(new StringField(TYPE, TYPE_TOOL, Field.Store.NO));
        doc.add(new KeywordField(ID, toolId(server, tool.name()), Field.Store.NO));
        doc.add(new KeywordField(SERVER, server, Field.Store.NO));
        doc.add(new Field(SERVER_TEXT, server, SHORT_TEXT));
        doc.add(new Field(NAME, tool.name(), SHORT_TEXT));
        doc.add(new StringField(NAME_EXACT, tool.name().toLowerCase(Locale.ROOT), Field.Store.NO));
        Optional<String> title = tool.displayTitle();
        title.ifPresent(t -> doc.add(new Field(TITLE, t, SHORT_TEXT)));
        doc.add(new TextField(DESCRIPTION, tool.description(), Field.Store.NO));
        Category category = profile.category();
        doc.add(new KeywordField(CATEGORY, category.wireName(), Field.Store.NO));
        doc.add(new NumericDocValuesField(RANK, RiskRank.of(category, profile.severity())));
        doc.add(new KeywordField(SEVERITY, profile.severity().wireName(), Field.Store.NO));
        for (String flag : distinct(profile.flags().stream().map(f -> f.flag().wireName()).iterator()))
            doc.add(new KeywordField(FLAG, flag, Field.Store.NO));
        for (String rule : distinct(profile.evidence().stream().map(Evidence::rule).iterator()))
            doc.add(new KeywordField(RULE, rule, Field.Store.NO));
        for (String hint : hints(tool.annotations())) doc.add(new KeywordField(HINT, hint, Field.Store.NO));
        for (String param : parameterNames(tool.inputSchema())) doc.add(new Field(PARAM, param, SHORT_TEXT));
        doc.add(new BinaryDocValuesField(ITEM, new BytesRef(ToolItemJson.item(server, tool, profile))));
        doc.add(new StoredField(TOOL, ToolItemJson.definition(tool)));
        doc.add(new StoredField(HASH, catalogued.definitionHash()));
        return doc;
    }

    /** The summary document of one server. */
    static Document serverDocument(ServerRecord server) {
        var doc = new Document();
        doc.add(new StringField(TYPE, TYPE_SERVER, Field.Store.NO));
        doc.add(new KeywordField(SERVER, server.id(), Field.Store.NO));
        doc.add(new KeywordField(STATUS, server.status().wireName(), Field.Store.NO));
        StringBuilder text = new StringBuilder(server.id());
        if (server.status() instanceof CrawlStatus.Crawled c) {
            text.append(' ').append(c.info().name());
            c.info().title().ifPresent(t -> text.append(' ').append(t));
        }
        doc.add(new Field(SERVER_TEXT, text.toString(), SHORT_TEXT));
        doc.add(new StoredField(SUMMARY, ServerSummaryJson.summary(server)));
        return doc;
    }

    /** {@code readOnlyHint:true} for each hint the server declared. */
    static Set<String> hints(ToolAnnotations a) {
        Set<String> hints = new LinkedHashSet<>();
        a.readOnlyHint().ifPresent(v -> hints.add("readOnlyHint:" + v));
        a.destructiveHint().ifPresent(v -> hints.add("destructiveHint:" + v));
        a.idempotentHint().ifPresent(v -> hints.add("idempotentHint:" + v));
        a.openWorldHint().ifPresent(v -> hints.add("openWorldHint:" + v));
        return hints;
    }

    /** Names of the top-level properties of an object schema; nothing for anything else. */
    static Set<String> parameterNames(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> distinct(Iterator<String> values) {
        Set<String> set = new LinkedHashSet<>();
        values.forEachRemaining(set::add);
        return set;
    }
}
