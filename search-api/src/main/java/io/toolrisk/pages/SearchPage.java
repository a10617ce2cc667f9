package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.index.ToolHits;
import io.toolrisk.index.ToolQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /}: the search form with its filters, facet counts for the current query, and a page of results. */
public final class SearchPage {
    private static final int SNIPPET_LENGTH = 280;

    private SearchPage() {
    }

    /** {@code items} are the parsed listing JSON of {@code hits}' items. */
    public static String render(ToolQuery query, ToolHits hits, List<JsonNode> items, Optional<String> status,
                                Optional<String> snapshot) {
        var body = new StringBuilder(8192);
        body.append("<form class=\"filters\" id=\"filters\" action=\"/\" method=\"get\">")
                .append("<input type=\"hidden\" name=\"q\" value=\"").append(Html.attribute(query.text())).append("\">");
        select(body, "category", "any category", enumValues(Category.values()), wire(query.categories()));
        select(body, "severity", "any severity", enumValues(Severity.values()), wire(query.severities()));
        select(body, "flag", "any flag", flagValues(), query.flags().stream().map(FlagKind::wireName).toList());
        body.append("<input name=\"server\" placeholder=\"server key\" value=\"")
                .append(Html.attribute(String.join(",", query.servers()))).append("\">");
        select(body, "sort", null, List.of("relevance", "severity"), List.of(query.order().name().toLowerCase(Locale.ROOT)));
        body.append("<button type=\"submit\">Filter</button></form>\n");

        body.append("<div class=\"layout\"><aside class=\"facets\" id=\"facets\"><h2>Category</h2><ul>");
        for (Category c : Category.values())
            facet(body, query, "category", c.wireName(), hits.categories().getOrDefault(c, 0L), query.categories().contains(c));
        body.append("</ul><h2>Severity</h2><ul>");
        Map<Severity, Long> severities = hits.severities();
        for (Severity s : Severity.values())
            facet(body, query, "severity", s.wireName(), severities.get(s), query.severities().contains(s));
        body.append("</ul></aside>\n<section class=\"results\">");
        body.append("<p class=\"total\" id=\"total\">").append("%,d".formatted(hits.total()))
                .append(hits.total() == 1 ? " tool" : " tools").append("</p><ol class=\"results\" id=\"results\">");
        for (JsonNode item : items) result(body, item);
        body.append("</ol>");
        pager(body, query, hits);
        body.append("</section></div>");
        String title = query.text().isEmpty() ? "MCP tools and their risks" : "Search: " + query.text();
        return Layout.page(title, query.text(), status, snapshot, body.toString());
    }

    private static void result(StringBuilder body, JsonNode item) {
        String server = item.path("server").asText();
        String tool = item.path("tool").asText();
        String description = item.path("description").asText();
        if (description.length() > SNIPPET_LENGTH) description = description.substring(0, SNIPPET_LENGTH) + "…";
        body.append("<li><a class=\"result\" href=\"").append(Html.attribute(Html.toolPath(server, tool))).append("\">")
                .append(Html.text(tool)).append("</a> ")
                .append(Layout.badge("category", item.path("category").asText())).append(' ')
                .append(Layout.badge("severity", item.path("severity").asText()))
                .append(" <a class=\"server\" href=\"").append(Html.attribute(Html.serverPath(server))).append("\">")
                .append(Html.text(server)).append("</a>");
        if (!item.path("flags").isEmpty()) body.append(" <span class=\"flag-count\">⚑ ").append(item.path("flags").size()).append("</span>");
        body.append("<p class=\"snippet\">").append(Html.text(description)).append("</p></li>\n");
    }

    private static void facet(StringBuilder body, ToolQuery query, String param, String value, long count, boolean active) {
        String href = active ? SearchLinks.without(query, param) : SearchLinks.with(query, param, value);
        body.append("<li").append(active ? " class=\"active\"" : "").append("><a data-").append(param).append("=\"")
                .append(value).append("\" href=\"").append(Html.attribute(href)).append("\">")
                .append(value).append(" <span class=\"count\">").append("%,d".formatted(count)).append("</span>")
                .append(active ? " ×" : "").append("</a></li>");
    }

    private static void pager(StringBuilder body, ToolQuery query, ToolHits hits) {
        long pages = Math.min((hits.total() + query.size() - 1) / query.size(), ToolQuery.MAX_PAGED_HITS / query.size());
        body.append("<nav class=\"pager\">");
        if (query.page() > 1)
            body.append("<a rel=\"prev\" href=\"").append(Html.attribute(SearchLinks.page(query, query.page() - 1))).append("\">← previous</a> ");
        if (pages > 1) body.append("page ").append(query.page()).append(" of ").append(pages);
        if (query.page() < pages)
            body.append(" <a rel=\"next\" href=\"").append(Html.attribute(SearchLinks.page(query, query.page() + 1))).append("\">next →</a>");
        body.append("</nav>");
    }

    private static void select(StringBuilder body, String name, String anyLabel, List<String> values, List<String> selected) {
        body.append("<select name=\"").append(name).append("\" aria-label=\"").append(name).append("\">");
        if (anyLabel != null) body.append("<option value=\"\">").append(anyLabel).append("</option>");
        for (String v : values) {
            body.append("<option value=\"").append(v).append('"').append(selected.contains(v) ? " selected" : "")
                    .append('>').append(v).append("</option>");
        }
        body.append("</select>");
    }

    private static List<String> enumValues(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) names.add(v.name().toLowerCase(Locale.ROOT));
        return names;
    }

    private static List<String> flagValues() {
        List<String> names = new ArrayList<>();
        for (FlagKind k : FlagKind.values()) names.add(k.wireName());
        return names;
    }

    private static List<String> wire(Set<? extends Enum<?>> values) {
        return values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
