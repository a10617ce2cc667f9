package io.toolrisk.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.index.IndexedTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code /servers/{server}/tools/{tool}}: category and severity, the description with the evidence quotes
 * highlighted, the evidence, flags and actions, the annotations as declared beside what the profile implies,
 * and the parameters. Every text of the tool is escaped.
 */
public final class ToolPage {
    private ToolPage() {
    }

    public static String render(IndexedTool indexed, Optional<String> status, Optional<String> snapshot) {
        Tool tool = indexed.tool();
        RiskProfile profile = indexed.profile();
        var body = new StringBuilder(8192);
        body.append("<p class=\"crumbs\"><a href=\"").append(Html.attribute(Html.serverPath(indexed.server()))).append("\">")
                .append(Html.text(indexed.server())).append("</a> /</p>");
        body.append("<h1 id=\"tool-name\">")
                .append(DescriptionMarkup.highlight(tool.name(), "name", profile.evidence(), profile.flags())).append("</h1>");
        tool.displayTitle().ifPresent(t -> body.append("<p class=\"title\">").append(Html.text(t)).append("</p>"));
        body.append("<p class=\"verdict\">").append(Layout.badge("category", profile.category().wireName())).append(' ')
                .append(Layout.badge("severity", profile.severity().wireName()))
                .append(" <span class=\"confidence\">confidence ").append("%.2f".formatted(profile.confidence()))
                .append("</span> <span class=\"ruleset\">ruleset ").append(Html.text(profile.ruleset())).append("</span></p>");

        body.append("<h2>Description</h2><div class=\"description\" id=\"description\">")
                .append(DescriptionMarkup.highlight(tool.description(), "description", profile.evidence(), profile.flags()))
                .append("</div>");
        evidence(body, profile);
        flags(body, profile);
        actions(body, profile);
        AnnotationTable.render(body, tool.annotations(), profile);
        ParameterTable.render(body, tool.inputSchema());
        body.append("<h2>Definition</h2><details><summary>as the server sent it</summary><pre class=\"definition\">")
                .append(Html.text(prettyDefinition(indexed))).append("</pre></details>");
        body.append("<p class=\"api\"><a href=\"").append(Html.attribute(Html.toolApiPath(indexed.server(), tool.name())))
                .append("\">this profile as JSON</a></p>");
        return Layout.page(tool.name() + " (" + indexed.server() + ")", "", status, snapshot, body.toString());
    }

    private static void evidence(StringBuilder body, RiskProfile profile) {
        body.append("<h2>Evidence</h2>");
        if (profile.evidence().isEmpty()) {
            body.append("<p class=\"none\">No rule quoted any words of this tool.</p>");
            return;
        }
        body.append("<table class=\"evidence\" id=\"evidence\"><tr><th>field</th><th>quote</th><th>rule</th></tr>");
        for (Evidence e : profile.evidence()) {
            body.append("<tr><td>").append(Html.text(e.field())).append("</td><td><q>").append(Html.text(e.quote()))
                    .append("</q></td><td>").append(Html.text(e.rule())).append("</td></tr>");
        }
        body.append("</table>");
    }

    private static void flags(StringBuilder body, RiskProfile profile) {
        body.append("<h2>Flags</h2>");
        if (profile.flags().isEmpty()) {
            body.append("<p class=\"none\">No flags.</p>");
            return;
        }
        body.append("<ul class=\"flags\" id=\"flags\">");
        for (Flag f : profile.flags()) {
            body.append("<li><strong>").append(Html.text(f.flag().wireName())).append("</strong> in ")
                    .append(Html.text(f.field()));
            if (!f.quote().isEmpty()) body.append(": <q>").append(Html.text(f.quote())).append("</q>");
            if (!f.detail().isEmpty()) body.append(" — ").append(Html.text(f.detail()));
            body.append("</li>");
        }
        body.append("</ul>");
    }

    private static void actions(StringBuilder body, RiskProfile profile) {
        if (profile.actions().isEmpty()) return;
        body.append("<h2>Actions</h2><table class=\"actions\"><tr><th>parameter</th><th>value</th><th>category</th><th>severity</th></tr>");
        for (ActionProfile a : profile.actions()) {
            body.append("<tr><td>").append(Html.text(a.param())).append("</td><td><code>").append(Html.text(a.value()))
                    .append("</code></td><td>").append(Layout.badge("category", a.category().wireName())).append("</td><td>")
                    .append(Layout.badge("severity", a.severity().wireName())).append("</td></tr>");
        }
        body.append("</table>");
    }

    private static String prettyDefinition(IndexedTool indexed) {
        try {
            JsonNode node = ToolJson.toNode(indexed.tool());
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
