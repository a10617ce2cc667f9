package io.toolrisk.pages;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.index.ToolQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Links of the search page: the current query with one filter set, removed, or another page. */
final class SearchLinks {
    private SearchLinks() {
    }

    static String with(ToolQuery q, String param, String value) {
        return link(q, param, value, 1);
    }

    static String without(ToolQuery q, String param) {
        return link(q, param, null, 1);
    }

    static String page(ToolQuery q, int page) {
        return link(q, "", null, page);
    }

    /** {@code q} as a URL, with {@code param} replaced by {@code value} (dropped when null). */
    private static String link(ToolQuery q, String param, String value, int page) {
        List<String> parts = new ArrayList<>();
        if (!q.text().isEmpty()) parts.add("q=" + Html.urlPart(q.text()));
        add(parts, "category", param, value, q.categories().stream().map(Category::wireName).sorted().toList());
        add(parts, "severity", param, value, q.severities().stream().map(Severity::wireName).sorted().toList());
        add(parts, "flag", param, value, q.flags().stream().map(FlagKind::wireName).sorted().toList());
        add(parts, "server", param, value, q.servers().stream().sorted().toList());
        if (q.order() != ToolQuery.Order.RELEVANCE) parts.add("sort=" + q.order().name().toLowerCase(Locale.ROOT));
        if (q.size() != ToolQuery.DEFAULT_SIZE) parts.add("size=" + q.size());
        if (page > 1) parts.add("page=" + page);
        return parts.isEmpty() ? "/" : "/?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String param, String value, List<String> current) {
        if (name.equals(param)) {
            if (value != null) parts.add(name + "=" + Html.urlPart(value));
            return;
        }
        for (String v : current) parts.add(name + "=" + Html.urlPart(v));
    }
}
