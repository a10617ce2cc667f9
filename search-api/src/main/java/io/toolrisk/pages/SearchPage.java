package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.index.CatalogueStats;
import io.toolrisk.index.ToolHits;
import io.toolrisk.index.ToolQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /}: the search form with its filters, facet counts for the current query, a page of results, and on the
 * first page of an empty query the chart of the whole catalogue's split by category and severity.
 */
public final class SearchPage {
    private static final int SNIPPET_LENGTH = 280;

    private SearchPage() {
    }

    /**
     * {@code items} are the parsed listing JSON of {@code hits}' items; {@code stats} the counts of the whole
     * catalogue (empty while there is none).
     */
    public static String render(ToolQuery query, ToolHits hits, List<JsonNode> items, Optional<CatalogueStats> stats,
                                Optional<String> status, Optional<String> snapshot) {
        String title = query.text().isEmpty() ? "MCP tools and their risks" : "Search: " + query.text();
        var layout = Layout.of(title, query.text(), status, snapshot);
        Tag main = layout.main();
        filters(main, query);
        if (stats.isEmpty()) {
            main.add("p", "empty").id("empty").text("The catalogue is empty: no refresh has finished yet.");
            return layout.html();
        }
        if (isLanding(query)) overview(main, stats.get());

        Tag grid = main.add("div", "layout");
        Tag facets = grid.add("aside", "facets").id("facets");
        facets.add("h2").text("Category");
        Tag categories = facets.add("ul");
        for (Category c : Category.values())
            facet(categories, query, "category", c.wireName(), hits.categories().getOrDefault(c, 0L), query.categories().contains(c));
        facets.add("h2").text("Severity");
        Tag severityList = facets.add("ul");
        Map<Severity, Long> severities = hits.severities();
        for (Severity s : Severity.values())
            facet(severityList, query, "severity", s.wireName(), severities.get(s), query.severities().contains(s));

        Tag results = grid.add("section", "results");
        results.add("p", "total").id("total").text("%,d".formatted(hits.total()) + (hits.total() == 1 ? " tool" : " tools"));
        Tag list = results.add("ol", "results").id("results");
        for (JsonNode item : items) result(list, item);
        long pages = Math.min((hits.total() + query.size() - 1) / query.size(), ToolQuery.MAX_PAGED_HITS / query.size());
        Blocks.pager(results, query.page(), pages, page -> SearchLinks.page(query, page));
        return layout.html();
    }

    private static boolean isLanding(ToolQuery query) {
        return query.text().isEmpty() && query.categories().isEmpty() && query.severities().isEmpty()
                && query.servers().isEmpty() && query.flags().isEmpty() && query.page() == 1 && query.after().isEmpty();
    }

    private static void overview(Tag main, CatalogueStats stats) {
        Tag section = main.add("section", "overview");
        long tools = stats.info().tools();
        long servers = stats.info().servers();
        SplitChart.render(section, "catalogue-chart",
                "The catalogue: %,d tools on %,d servers, by category and severity".formatted(tools, servers),
                stats.categories(),
                c -> Href.local("/?category=" + c.wireName()),
                s -> Href.local("/?severity=" + s.wireName()));
    }

    private static void filters(Tag main, ToolQuery query) {
        Tag form = main.add("form", "filters").id("filters").action(Href.local("/")).attr("method", "get");
        form.add("input").attr("type", "hidden").attr("name", "q").attr("value", query.text());
        select(form, "category", "any category", wire(Category.values()),
                query.categories().stream().map(Category::wireName).toList());
        select(form, "severity", "any severity", wire(Severity.values()),
                query.severities().stream().map(Severity::wireName).toList());
        List<String> flags = new ArrayList<>();
        for (FlagKind k : FlagKind.values()) flags.add(k.wireName());
        select(form, "flag", "any flag", flags, query.flags().stream().map(FlagKind::wireName).toList());
        form.add("input").attr("name", "server").attr("placeholder", "server key").attr("aria-label", "server")
                .attr("value", String.join(",", query.servers()));
        select(form, "sort", null, List.of("relevance", "severity"), List.of(query.order().name().toLowerCase(Locale.ROOT)));
        form.add("button").attr("type", "submit").text("Filter");
    }

    /** One result: the tool, its category and severity, its server, the names of its flags, a snippet. */
    static void result(Tag list, JsonNode item) {
        String server = item.path("server").asText();
        String tool = item.path("tool").asText();
        Tag row = list.add("li");
        Tag line = row.add("div", "result-line");
        line.add("a", "result").href(Href.local(Html.toolPath(server, tool))).text(tool);
        line.text(" ");
        Layout.badge(line, "category", item.path("category").asText());
        line.text(" ");
        Layout.badge(line, "severity", item.path("severity").asText());
        line.text(" ");
        line.add("a", "server").href(Href.local(Html.serverPath(server))).text(server);
        flagNames(line, item.path("flags"));
        String snippet = Markdown.plain(item.path("description").asText());
        if (snippet.length() > SNIPPET_LENGTH) snippet = snippet.substring(0, SNIPPET_LENGTH) + "…";
        row.add("p", "snippet").text(snippet);
    }

    /** Each distinct flag of {@code flags} (a profile's flags JSON) by name. */
    static void flagNames(Tag line, JsonNode flags) {
        Set<String> names = new LinkedHashSet<>();
        flags.forEach(f -> names.add(f.path("flag").asText()));
        for (String name : names) line.text(" ").add("span", "flag").attr("title", "flag: " + name).text("⚑ " + name);
    }

    private static void facet(Tag list, ToolQuery query, String param, String value, long count, boolean active) {
        String href = active ? SearchLinks.without(query, param) : SearchLinks.with(query, param, value);
        Tag item = list.add("li");
        if (active) item.cls("active");
        Tag link = item.add("a").attr("data-" + param, value).href(Href.local(href));
        link.text(value + " ").add("span", "count").text("%,d".formatted(count));
        if (active) link.text(" ×");
    }

    private static void select(Tag form, String name, String anyLabel, List<String> values, List<String> selected) {
        Tag select = form.add("select").attr("name", name).attr("aria-label", name);
        if (anyLabel != null) select.add("option").attr("value", "").text(anyLabel);
        for (String v : values) {
            Tag option = select.add("option").attr("value", v).text(v);
            if (selected.contains(v)) option.flag("selected");
        }
    }

    private static List<String> wire(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) names.add(v.name().toLowerCase(Locale.ROOT));
        return names;
    }
}
