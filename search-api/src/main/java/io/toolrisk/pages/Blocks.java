package io.toolrisk.pages;

import java.util.List;
import java.util.function.IntFunction;

/** Pieces several pages share: a table that scrolls in its own box on a narrow screen, and a pager. */
final class Blocks {
    private Blocks() {
    }

    /** A table with id and class {@code name} and a header row of {@code columns}, in a box that scrolls sideways. */
    static Tag table(Tag into, String name, List<String> columns) {
        Tag table = into.add("div", "scroll").add("table", name).id(name);
        Tag head = table.add("tr");
        for (String column : columns) head.add("th").text(column);
        return table;
    }

    /** Links to the pages before and after {@code page} of {@code pages} ({@code link} makes the URL of a page); none for one page. */
    static void pager(Tag into, int page, long pages, IntFunction<String> link) {
        if (pages <= 1) return;
        Tag nav = into.add("nav", "pager");
        if (page > 1) {
            nav.add("a").attr("rel", "prev").href(Href.local(link.apply(page - 1))).text("← previous");
            nav.text(" ");
        }
        nav.text("page %d of %d".formatted(page, pages));
        if (page < pages) {
            nav.text(" ");
            nav.add("a").attr("rel", "next").href(Href.local(link.apply(page + 1))).text("next →");
        }
    }
}
