package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.index.SearchCursor;
import io.toolrisk.index.ToolHits;
import io.toolrisk.index.ToolQuery;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code search_tools}: the API's search ({@code GET /api/v1/tools}), its query language, filters and paging. */
final class SearchTools implements McpTool {
    static final String NAME = "search_tools";
    /** A filter names at most this many values: more than any enum here has, and plenty of servers. */
    private static final int MAX_FILTER_VALUES = 50;
    private static final List<String> ARGUMENTS = List.of("q", "category", "severity", "server", "flag", "sort", "size", "page", "cursor");
    static final ObjectNode DEFINITION = ToolDefinition.readOnly(NAME, "Search the tool catalogue",
            "Searches ToolRisk's catalogue of MCP tools and returns the tools that match, each with its risk profile: "
                    + "category, severity, the quoted evidence, flags, title and description. Most relevant first (or most "
                    + "severe first with sort=severity), with how many matches fall in each category and severity. "
                    + "q is free text over names, titles and descriptions that never fails: whole words, English stems and "
                    + "identifier parts (get_issue, getIssue and \"get issue\" alike), \"exact phrase\", -word to leave a "
                    + "word out, a | b for either, word* for a prefix. Filters narrow the matches: values of one filter "
                    + "are alternatives, different filters all apply. Pages hold up to 100 tools; to read on, pass the "
                    + "answer's next as cursor with the same q, filters and sort.",
            Schemas.input(List.of(),
                    "q", Schemas.string("Free text; empty for every tool. At most 1,000 characters and 16 prefixes (word*).")
                            .put("maxLength", ToolQuery.MAX_TEXT_LENGTH),
                    "category", Schemas.array(Schemas.oneOf(Schemas.wireNames(Category.class), null), "Only tools of these categories."),
                    "severity", Schemas.array(Schemas.oneOf(Schemas.wireNames(Severity.class), null), "Only tools of these severities."),
                    "server", Schemas.array(Schemas.serverKey(null), "Only tools of these servers (catalogue keys such as github)."),
                    "flag", Schemas.array(Schemas.oneOf(Schemas.wireNames(FlagKind.class), null), "Only tools with one of these flags."),
                    "sort", Schemas.oneOf(List.of("relevance", "severity"), "relevance (default) or severity, most severe first."),
                    "size", Schemas.integer("Tools per page.", 1, ToolQuery.MAX_SIZE, ToolQuery.DEFAULT_SIZE),
                    "page", Schemas.integer("Page number; page times size reaches 10,000 at most, beyond that use the cursor.",
                            1, ToolQuery.MAX_PAGED_HITS, 1),
                    "cursor", Schemas.string("The next of an earlier answer, to read the page after it; excludes page.")),
            Schemas.object(List.of("total", "items", "facets"),
                    "total", Schemas.integer("how many tools match, on every page"),
                    "items", Schemas.array(Schemas.listedProfile(), "this page's tools"),
                    "facets", Schemas.object(List.of("category", "severity"),
                            "category", Schemas.counts(Category.class, "matches per category"),
                            "severity", Schemas.counts(Severity.class, "matches per severity")),
                    "next", Schemas.string("pass as cursor for the next page; absent on the last"),
                    "status", Schemas.string("why the catalogue is empty, while it is")));

    private final LiveIndex view;

    SearchTools(LiveIndex view) {
        this.view = view;
    }

    @Override
    public ObjectNode call(ObjectNode arguments) throws IOException {
        ToolQuery query = query(new Arguments(NAME, arguments, ARGUMENTS));
        try (var lease = view.lease()) {
            ToolHits hits;
            if (lease.searcher().isEmpty()) {
                hits = ToolHits.none();
            } else {
                try {
                    hits = lease.searcher().get().search(query);
                } catch (IllegalArgumentException e) {
                    throw new ToolError(e.getMessage());
                }
            }
            return answer(hits, lease.searcher().isEmpty() ? view.status().or(() -> Optional.of("the catalogue is empty")) : Optional.empty());
        }
    }

    private static ToolQuery query(Arguments a) {
        String text = a.text("q");
        Set<Category> categories = a.values("category", MAX_FILTER_VALUES, Category::fromWireName);
        Set<Severity> severities = a.values("severity", MAX_FILTER_VALUES, Severity::fromWireName);
        Set<String> servers = a.values("server", MAX_FILTER_VALUES, CatalogueLookups::serverKey);
        Set<FlagKind> flags = a.values("flag", MAX_FILTER_VALUES, FlagKind::fromWireName);
        ToolQuery.Order order = a.one("sort", ToolQuery.Order.RELEVANCE, SearchTools::order);
        int size = a.integer("size", ToolQuery.DEFAULT_SIZE, 1, ToolQuery.MAX_SIZE);
        int page = a.integer("page", 1, 1, ToolQuery.MAX_PAGED_HITS);
        if (a.has("cursor") && a.has("page")) throw new ToolError("page and cursor exclude each other; send the cursor alone");
        Optional<SearchCursor> cursor = Optional.ofNullable(a.one("cursor", null, SearchCursor::decode));
        try {
            return new ToolQuery(text, categories, severities, servers, flags, order, page, size, cursor);
        } catch (IllegalArgumentException e) {
            throw new ToolError(e.getMessage());
        }
    }

    private static ToolQuery.Order order(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "relevance" -> ToolQuery.Order.RELEVANCE;
            case "severity" -> ToolQuery.Order.SEVERITY;
            default -> throw new IllegalArgumentException("unknown sort '%s' (expected relevance or severity)".formatted(value));
        };
    }

    private static ObjectNode answer(ToolHits hits, Optional<String> status) throws IOException {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("total", hits.total());
        ArrayNode items = answer.putArray("items");
        for (byte[] item : hits.items()) items.add(Json.MAPPER.readTree(item));
        ObjectNode facets = answer.putObject("facets");
        ObjectNode categories = facets.putObject("category");
        for (Category c : Category.values()) categories.put(c.wireName(), hits.categories().getOrDefault(c, 0L));
        ObjectNode severities = facets.putObject("severity");
        for (Severity s : Severity.values()) severities.put(s.wireName(), hits.severities().getOrDefault(s, 0L));
        hits.next().ifPresent(next -> answer.put("next", next.encode()));
        status.ifPresent(s -> answer.put("status", s));
        return answer;
    }
}
