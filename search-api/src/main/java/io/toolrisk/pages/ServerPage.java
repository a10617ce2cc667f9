package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;

import java.util.List;
import java.util.Optional;

/**
 * {@code /servers/{server}}: crawl outcome, tools per category, the tools most severe first, download links for
 * each policy format and profile, and the server's recent changes.
 */
public final class ServerPage {
    private ServerPage() {
    }

    /** Tools listed on one page; a server of more has pages. */
    public static final int TOOLS_PER_PAGE = 500;

    /**
     * {@code summary} is the server's summary JSON; {@code tools} the listing JSON of page {@code page} of its tools,
     * most severe first.
     */
    public static String render(JsonNode summary, List<JsonNode> tools, int page, List<ChangeSet> changes,
                                Optional<String> status, Optional<String> snapshot) {
        String id = summary.path("id").asText();
        var body = new StringBuilder(8192);
        body.append("<h1 id=\"server-name\">").append(Html.text(id)).append("</h1>");
        JsonNode info = summary.path("server");
        if (info.isObject()) {
            body.append("<p class=\"server-info\">").append(Html.text(info.path("title").asText(info.path("name").asText())))
                    .append(" ").append(Html.text(info.path("version").asText())).append(" · protocol ")
                    .append(Html.text(info.path("protocolVersion").asText())).append("</p>");
        }
        body.append("<p class=\"source\">").append(Html.text(summary.path("source").asText())).append(" · crawled ")
                .append(Html.text(summary.path("crawledAt").asText())).append(" · ")
                .append(Layout.badge("status", summary.path("status").asText())).append("</p>");
        if (summary.has("stage")) {
            body.append("<p class=\"failure\" id=\"failure\">Failed at <strong>").append(Html.text(summary.path("stage").asText()))
                    .append("</strong>: ").append(Html.text(summary.path("reason").asText())).append("</p>");
        }
        if (summary.has("missing")) {
            body.append("<p class=\"failure\">Needs credentials: ");
            summary.path("missing").forEach(m -> body.append("<code>").append(Html.text(m.asText())).append("</code> "));
            body.append("</p>");
        }

        body.append("<h2>Tools per category</h2><table class=\"counts\" id=\"counts\"><tr>");
        for (Category c : Category.values()) body.append("<th>").append(Layout.badge("category", c.wireName())).append("</th>");
        body.append("</tr><tr>");
        for (Category c : Category.values()) {
            body.append("<td><a href=\"/?server=").append(Html.urlPart(id)).append("&amp;category=").append(c.wireName()).append("\">")
                    .append(summary.path("categories").path(c.wireName()).asInt()).append("</a></td>");
        }
        body.append("</tr></table>");

        policies(body, id);
        body.append("<h2>Tools</h2>");
        int total = summary.path("tools").asInt();
        int first = (page - 1) * TOOLS_PER_PAGE + 1;
        if (total > TOOLS_PER_PAGE)
            body.append("<p class=\"range\">").append("%,d–%,d of %,d".formatted(first, first + tools.size() - 1, total)).append("</p>");
        body.append("<ol class=\"server-tools\" id=\"tools\" start=\"").append(first).append("\">");
        for (JsonNode t : tools) {
            String name = t.path("tool").asText();
            body.append("<li><a href=\"").append(Html.attribute(Html.toolPath(id, name))).append("\">")
                    .append(Html.text(name)).append("</a> ")
                    .append(Layout.badge("category", t.path("category").asText())).append(' ')
                    .append(Layout.badge("severity", t.path("severity").asText()));
            if (!t.path("flags").isEmpty()) body.append(" <span class=\"flag-count\">⚑ ").append(t.path("flags").size()).append("</span>");
            body.append("</li>");
        }
        body.append("</ol>");
        pager(body, id, page, (total + TOOLS_PER_PAGE - 1) / TOOLS_PER_PAGE);
        changes(body, changes);
        return Layout.page(id, "", status, snapshot, body.toString());
    }

    private static void pager(StringBuilder body, String id, int page, int pages) {
        if (pages <= 1) return;
        body.append("<nav class=\"pager\">");
        if (page > 1)
            body.append("<a rel=\"prev\" href=\"").append(Html.attribute(Html.serverPath(id) + "?page=" + (page - 1))).append("\">← previous</a> ");
        body.append("page ").append(page).append(" of ").append(pages);
        if (page < pages)
            body.append(" <a rel=\"next\" href=\"").append(Html.attribute(Html.serverPath(id) + "?page=" + (page + 1))).append("\">next →</a>");
        body.append("</nav>");
    }

    private static void policies(StringBuilder body, String id) {
        body.append("<h2>Policies</h2><table class=\"policies\" id=\"policies\"><tr><th>format</th>");
        for (PolicyProfile p : PolicyProfile.values()) body.append("<th>").append(p.wireName()).append("</th>");
        body.append("</tr>");
        for (PolicyFormat f : PolicyFormat.values()) {
            body.append("<tr><td>").append(f.wireName()).append("</td>");
            for (PolicyProfile p : PolicyProfile.values()) {
                String file = f.template().fileName(id);
                if (p != PolicyProfile.RECOMMENDED) file = p.wireName() + "." + file;
                body.append("<td><a download=\"").append(Html.attribute(file)).append("\" href=\"/api/v1/servers/")
                        .append(Html.urlPart(id)).append("/policy?format=").append(f.wireName()).append("&amp;profile=")
                        .append(p.wireName()).append("\">").append(Html.text(file)).append("</a></td>");
            }
            body.append("</tr>");
        }
        body.append("</table>");
    }

    private static void changes(StringBuilder body, List<ChangeSet> changes) {
        body.append("<h2>Recent changes</h2>");
        if (changes.isEmpty()) {
            body.append("<p class=\"none\">No recorded changes.</p>");
            return;
        }
        body.append("<ul class=\"changes\" id=\"changes\">");
        for (ChangeSet set : changes) {
            if (!set.serversAdded().isEmpty()) body.append("<li>").append(Html.text(set.snapshot())).append(": server added</li>");
            if (!set.serversRemoved().isEmpty()) body.append("<li>").append(Html.text(set.snapshot())).append(": server removed</li>");
            for (ToolChange t : set.tools()) {
                body.append("<li").append(t.possibleRugPull() ? " class=\"rug-pull\"" : "").append(">")
                        .append(Html.text(set.snapshot())).append(": <code>").append(Html.text(t.tool())).append("</code> ")
                        .append(t.kind().wireName());
                if (t.before().isPresent() || t.after().isPresent()) {
                    body.append(" (").append(t.before().map(Category::wireName).orElse("—")).append(" → ")
                            .append(t.after().map(Category::wireName).orElse("—")).append(")");
                }
                if (t.possibleRugPull()) body.append(" <strong>possible rug pull</strong>");
                if (!t.detail().isEmpty()) body.append(" — ").append(Html.text(t.detail()));
                body.append("</li>");
            }
        }
        body.append("</ul>");
    }
}
