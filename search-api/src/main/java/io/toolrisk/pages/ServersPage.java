package io.toolrisk.pages;

import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.WireName;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /servers}: every server of the catalogue with its tools' split by category as a bar, most dangerous first
 * (or by key, or by number of tools), a page of {@value #PER_PAGE} at a time, filtered by a part of the key or name.
 */
public final class ServersPage {
    public static final int PER_PAGE = 100;

    /** How the servers are listed. */
    public enum Order implements WireName {
        /** Most critical tools first, then most high, then most medium (ServerRow#BY_RISK). */
        RISK,
        NAME,
        TOOLS;

        public static Order fromWireName(String name) {
            return WireName.parse(Order.class, name, "sort");
        }

        Comparator<ServerRow> comparator() {
            return switch (this) {
                case RISK -> ServerRow.BY_RISK;
                case NAME -> ServerRow.BY_NAME;
                case TOOLS -> ServerRow.BY_TOOLS;
            };
        }
    }

    /** What was asked: the order, a filter ({@code q}, blank for all) and the page, from 1. */
    public record Request(Order order, String text, int page) {
        public Request {
            text = text.strip();
            if (page < 1) throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }

        /** The link to this listing with {@code order} and {@code page} instead. */
        String link(Order order, int page) {
            var link = new StringBuilder("/servers?sort=").append(order.wireName());
            if (!text.isEmpty()) link.append("&q=").append(Html.urlPart(text));
            if (page > 1) link.append("&page=").append(page);
            return link.toString();
        }
    }

    private ServersPage() {
    }

    /** The page of {@code servers} (every server of the catalogue, in any order) that {@code request} asks for. */
    public static String render(List<ServerRow> servers, Request request, Optional<String> status, Optional<String> snapshot) {
        String filter = request.text().toLowerCase(Locale.ROOT);
        List<ServerRow> listed = servers.stream().filter(s -> filter.isEmpty() || s.matches(filter))
                .sorted(request.order().comparator()).toList();
        var layout = Layout.of("Servers", "", status, snapshot);
        Tag main = layout.main();
        main.add("h1").text("Servers");
        Tag form = main.add("form", "server-filter").id("server-filter").action(Href.local("/servers")).attr("method", "get");
        form.add("input").attr("type", "hidden").attr("name", "sort").attr("value", request.order().wireName());
        form.add("input").attr("type", "search").attr("name", "q").attr("value", request.text())
                .attr("placeholder", "part of a server key or name").attr("aria-label", "Filter servers");
        form.add("button").attr("type", "submit").text("Filter");
        Tag sort = main.add("nav", "sort").id("sort").attr("aria-label", "Sort").text("Sort by: ");
        for (Order o : Order.values()) {
            Tag link = sort.add("a").attr("data-sort", o.wireName()).href(Href.local(request.link(o, 1))).text(switch (o) {
                case RISK -> "risk";
                case NAME -> "name";
                case TOOLS -> "tools";
            });
            if (o == request.order()) link.attr("aria-current", "true").cls("current");
            sort.text(" ");
        }
        main.add("p", "total").id("total").text("%,d".formatted(listed.size()) + (listed.size() == 1 ? " server" : " servers")
                + (filter.isEmpty() ? "" : " matching “" + request.text() + "”"));
        SplitChart.key(main);
        Tag list = main.add("ol", "server-list").id("servers");
        int from = Math.min(listed.size(), (request.page() - 1) * PER_PAGE);
        List<ServerRow> page = listed.subList(from, Math.min(listed.size(), from + PER_PAGE));
        list.attr("start", Integer.toString(from + 1));
        for (ServerRow row : page) row(list, row);
        Blocks.pager(main, request.page(), (listed.size() + PER_PAGE - 1) / PER_PAGE, p -> request.link(request.order(), p));
        return layout.html();
    }

    private static void row(Tag list, ServerRow row) {
        Tag item = list.add("li", "server-row");
        Tag head = item.add("div", "server-head");
        head.add("a", "server-id").href(Href.local(Html.serverPath(row.id()))).text(row.id());
        if (!row.name().isEmpty()) head.text(" ").add("span", "server-title").text((row.name() + " " + row.version()).strip());
        if (!row.status().equals("crawled")) {
            head.text(" ");
            Layout.badge(head, "status", row.status());
        }
        SplitChart.miniBar(item.add("div", "bar"), row.categories());
        Tag counts = item.add("div", "server-counts");
        counts.text("%,d".formatted(row.tools()) + (row.tools() == 1 ? " tool" : " tools"));
        long critical = row.count(Severity.CRITICAL);
        if (critical > 0) {
            counts.text(" · ");
            counts.add("span", "critical").text("%,d critical".formatted(critical));
        }
        for (Map.Entry<FlagKind, Long> flag : row.flags().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (flag.getValue() == 0) continue;
            counts.text(" ");
            counts.add("span", "flag").attr("title", "tools flagged " + flag.getKey().wireName())
                    .text("⚑ %s %,d".formatted(flag.getKey().wireName(), flag.getValue()));
        }
    }
}
