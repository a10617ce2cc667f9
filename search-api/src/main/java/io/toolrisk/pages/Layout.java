package io.toolrisk.pages;

import java.util.Optional;

/** The frame of every page: head, a search box, the status banner, the footer. */
public final class Layout {
    private Layout() {
    }

    /**
     * A whole page. {@code title} is escaped here; {@code body} must already be HTML built with {@link Html}.
     *
     * @param status   the catalogue's status message, shown as a banner ("first refresh running")
     * @param snapshot the snapshot served, for the footer
     */
    public static String page(String title, String query, Optional<String> status, Optional<String> snapshot, String body) {
        var out = new StringBuilder(body.length() + 2048);
        out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.title(title)).append(" · ToolRisk</title>")
                .append("<link rel=\"stylesheet\" href=\"/style.css\"></head>\n<body>")
                .append("<header><a class=\"brand\" href=\"/\">ToolRisk</a>")
                .append("<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" placeholder=\"Search MCP tools: delete repo, send email, refund…\" value=\"")
                .append(Html.attribute(query)).append("\" aria-label=\"Search tools\">")
                .append("<button type=\"submit\">Search</button></form></header>\n");
        status.ifPresent(s -> out.append("<p class=\"status\" id=\"status\">").append(Html.text(s)).append("</p>\n"));
        out.append("<main>").append(body).append("</main>\n<footer>");
        out.append(snapshot.map(s -> "Catalogue snapshot " + Html.text(s)).orElse("No catalogue yet"));
        out.append(" · <a href=\"/api/v1/stats\">stats</a> · <a href=\"/openapi.json\">API</a></footer></body></html>\n");
        return out.toString();
    }

    /** A category or severity as a coloured badge. */
    static String badge(String kind, String value) {
        return "<span class=\"badge " + kind + "-" + Html.attribute(value) + "\">" + Html.text(value) + "</span>";
    }
}
