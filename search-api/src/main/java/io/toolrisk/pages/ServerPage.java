package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /servers/{server}}: crawl outcome, the chart of its tools' split by category and severity, the tools most
 * severe first, each policy format previewed (with a copy button) under the profile chosen, download links for every
 * format and profile, and the server's recent changes.
 */
public final class ServerPage {
    /** Tools listed on one page; a server of more has pages. */
    public static final int TOOLS_PER_PAGE = 500;

    private ServerPage() {
    }

    /**
     * What the page shows.
     *
     * @param summary  the server's summary JSON
     * @param tools    the listing JSON of page {@code page} of its tools, most severe first
     * @param profile  the profile whose policies are previewed
     * @param policies each format's policy under {@code profile}, previewed
     * @param changes  the server's recent change sets, newest first
     */
    public record Content(JsonNode summary, List<JsonNode> tools, int page, PolicyProfile profile,
                          Map<PolicyFormat, PolicyPreview> policies, List<ChangeSet> changes) {
        public Content {
            tools = List.copyOf(tools);
            policies = Map.copyOf(policies);
            changes = List.copyOf(changes);
        }
    }

    public static String render(Content content, Optional<String> status, Optional<String> snapshot) {
        JsonNode summary = content.summary();
        String id = summary.path("id").asText();
        var layout = Layout.of(id, "", status, snapshot);
        layout.withScript();
        Tag main = layout.main();
        main.add("p", "crumbs").link(Href.local("/servers"), "servers").text(" /");
        main.add("h1").id("server-name").text(id);
        JsonNode info = summary.path("server");
        if (info.isObject()) {
            main.add("p", "server-info").text(info.path("title").asText(info.path("name").asText()) + " "
                    + info.path("version").asText() + " · protocol " + info.path("protocolVersion").asText());
        }
        Tag source = main.add("p", "source").text(summary.path("source").asText() + " · crawled " + summary.path("crawledAt").asText() + " · ");
        Layout.badge(source, "status", summary.path("status").asText());
        if (summary.has("stage")) {
            Tag failure = main.add("p", "failure").id("failure").text("Failed at ");
            failure.add("strong").text(summary.path("stage").asText());
            failure.text(": " + summary.path("reason").asText());
        }
        if (summary.has("missing")) {
            Tag missing = main.add("p", "failure").text("Needs credentials: ");
            summary.path("missing").forEach(m -> {
                missing.add("code").text(m.asText());
                missing.text(" ");
            });
        }

        Map<Category, Long> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) counts.put(c, summary.path("categories").path(c.wireName()).asLong());
        String serverPart = Html.urlPart(id);
        SplitChart.render(main, "server-chart", "%,d tools by category and severity".formatted(summary.path("tools").asLong()),
                counts,
                c -> Href.local("/?server=" + serverPart + "&category=" + c.wireName()),
                s -> Href.local("/?server=" + serverPart + "&severity=" + s.wireName()));

        Tag jump = main.add("nav", "jump").attr("aria-label", "On this page").text("On this page: ");
        jump.link(Href.onThisPage("tools-heading"), "tools").text(" · ");
        jump.link(Href.onThisPage("policy"), "policies").text(" · ");
        jump.link(Href.onThisPage("changes-heading"), "recent changes");
        tools(main, id, content.tools(), content.page(), summary.path("tools").asInt());
        PolicyPreviews.render(main, id, content.profile(), content.policies());
        changes(main, content.changes());
        return layout.html();
    }

    private static void tools(Tag main, String id, List<JsonNode> tools, int page, int total) {
        main.add("h2").id("tools-heading").text("Tools");
        int first = (page - 1) * TOOLS_PER_PAGE + 1;
        if (total > TOOLS_PER_PAGE)
            main.add("p", "range").text("%,d–%,d of %,d".formatted(first, first + tools.size() - 1, total));
        Tag list = main.add("ol", "server-tools").id("tools").attr("start", Integer.toString(first));
        for (JsonNode t : tools) {
            String name = t.path("tool").asText();
            Tag item = list.add("li");
            item.add("a").href(Href.local(Html.toolPath(id, name))).text(name);
            item.text(" ");
            Layout.badge(item, "category", t.path("category").asText());
            item.text(" ");
            Layout.badge(item, "severity", t.path("severity").asText());
            SearchPage.flagNames(item, t.path("flags"));
        }
        Blocks.pager(main, page, (total + TOOLS_PER_PAGE - 1) / TOOLS_PER_PAGE, p -> Html.serverPath(id) + "?page=" + p);
    }

    private static void changes(Tag main, List<ChangeSet> changes) {
        main.add("h2").id("changes-heading").text("Recent changes");
        if (changes.isEmpty()) {
            main.add("p", "none").text("No recorded changes.");
            return;
        }
        Tag list = main.add("ul", "changes").id("changes");
        for (ChangeSet set : changes) {
            if (!set.serversAdded().isEmpty()) list.add("li").text(set.snapshot() + ": server added");
            if (!set.serversRemoved().isEmpty()) list.add("li").text(set.snapshot() + ": server removed");
            for (ToolChange t : set.tools()) {
                Tag item = list.add("li");
                if (t.possibleRugPull()) item.cls("rug-pull");
                item.text(set.snapshot() + ": ").add("code").text(t.tool());
                item.text(" " + t.kind().wireName());
                if (t.before().isPresent() || t.after().isPresent()) {
                    item.text(" (" + t.before().map(Category::wireName).orElse("—") + " → "
                            + t.after().map(Category::wireName).orElse("—") + ")");
                }
                if (t.possibleRugPull()) item.text(" ").add("strong").text("possible rug pull");
                if (!t.detail().isEmpty()) item.text(" — " + t.detail());
            }
        }
    }
}
