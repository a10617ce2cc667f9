package io.toolrisk.pages;

import java.util.Optional;

/** The frame of every page: the header with the search box, the status banner, the main part, the footer. */
final class Layout {
    /** How often a page reloads itself while the first refresh fills the catalogue. */
    static final int RELOAD_SECONDS = 3;

    private final Page page;
    private final Tag main;

    private Layout(Page page, Tag main) {
        this.page = page;
        this.main = main;
    }

    /**
     * A page titled {@code title} with {@code query} in its search box.
     *
     * @param status   the catalogue's status message ("first refresh running"), shown as a banner; its first line is the
     *                 message, a second line the refresh's progress. While there is one, the page reloads itself every
     *                 {@value #RELOAD_SECONDS} seconds, so that it shows the progress and then the catalogue
     * @param snapshot the snapshot served, for the footer
     */
    static Layout of(String title, String query, Optional<String> status, Optional<String> snapshot) {
        var page = new Page(title);
        Tag body = page.body();
        Tag header = body.add("header");
        header.add("a", "brand").href(Href.local("/")).text("ToolRisk");
        header.add("a", "nav").id("nav-servers").href(Href.local("/servers")).text("Servers");
        Tag form = header.add("form", "search").action(Href.local("/")).attr("method", "get").attr("role", "search");
        form.add("input").attr("type", "search").attr("name", "q").attr("value", query).attr("aria-label", "Search tools")
                .attr("placeholder", "Search MCP tools: delete repo, send email, refund…").attr("enterkeyhint", "search");
        form.add("button").attr("type", "submit").text("Search");
        if (status.isPresent()) {
            Tag banner = body.add("div", "status").id("status").attr("role", "status").attr("aria-live", "polite");
            String[] lines = status.get().split("\n", 2);
            banner.add("p", "message").text(lines[0]);
            if (lines.length > 1) banner.add("p", "progress").id("progress").text(lines[1]);
            // Reloaded while there is a status, not only while the catalogue is empty: a page loaded between the
            // switch to the new snapshot and the end of the status would otherwise keep the banner for good.
            page.reloadEvery(RELOAD_SECONDS);
            banner.add("p", "reload").text("This page reloads itself every %d seconds while this lasts.".formatted(RELOAD_SECONDS));
        }
        Tag main = body.add("main");
        Tag footer = body.add("footer");
        footer.text(snapshot.map(s -> "Catalogue snapshot " + s).orElse("No catalogue yet")).text(" · ");
        footer.link(Href.local("/servers"), "servers").text(" · ");
        footer.link(Href.local("/api/v1/stats"), "stats").text(" · ");
        footer.link(Href.local("/openapi.json"), "API");
        return new Layout(page, main);
    }

    Tag main() {
        return main;
    }

    /** Adds the pages' script (copy buttons) to this page. */
    void withScript() {
        page.withScript();
    }

    String html() {
        return page.html();
    }

    /** A category, severity, status or verdict as a coloured badge. */
    static Tag badge(Tag parent, String kind, String value) {
        return parent.add("span", "badge").cls(kind + "-" + value).text(value);
    }
}
