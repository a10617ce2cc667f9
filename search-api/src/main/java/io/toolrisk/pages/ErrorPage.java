package io.toolrisk.pages;

import java.util.List;
import java.util.Optional;

/**
 * The page a browser gets for a request that fails (the API answers JSON): the status, what went wrong, and for a
 * page not found the servers and tools whose names are nearest to what was asked for, and a search for it.
 */
public final class ErrorPage {
    /** A tool to suggest: its server and name. */
    public record ToolName(String server, String tool) {
    }

    /**
     * What to offer instead of a page not found.
     *
     * @param searchText what to offer a search for (blank: no search offered)
     */
    public record Suggestions(List<String> servers, List<ToolName> tools, String searchText) {
        public static final Suggestions NONE = new Suggestions(List.of(), List.of(), "");

        public Suggestions {
            servers = List.copyOf(servers);
            tools = List.copyOf(tools);
        }
    }

    private ErrorPage() {
    }

    public static String render(int status, String message, Suggestions suggestions, Optional<String> catalogueStatus,
                                Optional<String> snapshot) {
        String title = status == 404 ? "Not found" : "Error " + status;
        var layout = Layout.of(title, suggestions.searchText(), catalogueStatus, snapshot);
        Tag main = layout.main();
        main.add("h1").id("error-status").text(status == 404 ? "404 · not found" : Integer.toString(status));
        main.add("p", "error").id("error-message").text(message);
        if (!suggestions.servers().isEmpty() || !suggestions.tools().isEmpty()) {
            Tag section = main.add("section", "suggestions").id("suggestions");
            section.add("h2").text("Did you mean");
            Tag list = section.add("ul");
            for (String server : suggestions.servers()) {
                Tag item = list.add("li");
                item.text("server ").add("a", "suggested-server").href(Href.local(Html.serverPath(server))).text(server);
            }
            for (ToolName tool : suggestions.tools()) {
                Tag item = list.add("li");
                item.text("tool ").add("a", "suggested-tool").href(Href.local(Html.toolPath(tool.server(), tool.tool()))).text(tool.tool());
                item.text(" of ").add("a", "server").href(Href.local(Html.serverPath(tool.server()))).text(tool.server());
            }
        }
        Tag next = main.add("ul", "next-steps");
        if (!suggestions.searchText().isBlank()) {
            next.add("li").text("Search the catalogue for ")
                    .add("a").id("search-suggestion").href(Href.local("/?q=" + Html.urlPart(suggestions.searchText())))
                    .text("“" + suggestions.searchText() + "”");
        }
        next.add("li").link(Href.local("/servers"), "Browse every server");
        next.add("li").link(Href.local("/"), "Search the catalogue");
        return layout.html();
    }
}
