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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /servers/{server}/tools/{tool}}: category and severity, what each policy profile does with the tool and why,
 * the description (its markdown rendered) with the evidence quotes highlighted, the evidence, flags and actions, the
 * annotations as declared beside what the profile implies, and the parameters. Every text of the tool is escaped.
 */
public final class ToolPage {
    /**
     * What a tool without flags does not prove. The figure is measured (BENCHMARKS.md, "Tool poisoning"): on attack sets
     * written by authors the rules were not made from, the rules flag five or six poisoned definitions in ten (54 and 61 %).
     */
    static final String NO_FLAGS_CAVEAT = "No flag is not proof of a clean definition: on poisoned definitions worded"
            + " unlike any the rules were written from, they flag five or six in ten. Read the definition below before"
            + " you allow a tool that can do harm.";

    private ToolPage() {
    }

    public static String render(IndexedTool indexed, Optional<String> status, Optional<String> snapshot) {
        Tool tool = indexed.tool();
        RiskProfile profile = indexed.profile();
        var layout = Layout.of(tool.name() + " (" + indexed.server() + ")", "", status, snapshot);
        Tag main = layout.main();
        main.add("p", "crumbs").link(Href.local(Html.serverPath(indexed.server())), indexed.server()).text(" /");
        Highlights.of(tool.name(), "name", profile.evidence(), profile.flags()).write(main.add("h1").id("tool-name"), tool.name(), 0);
        tool.displayTitle().ifPresent(t -> main.add("p", "title").text(t));
        Tag verdict = main.add("p", "verdict");
        Layout.badge(verdict, "category", profile.category().wireName());
        verdict.text(" ");
        Layout.badge(verdict, "severity", profile.severity().wireName());
        verdict.text(" ").add("span", "confidence").text(String.format(Locale.ROOT, "confidence %.2f", profile.confidence()));
        verdict.text(" ").add("span", "ruleset").text("ruleset " + profile.ruleset());

        policies(main, indexed.server(), profile);
        main.add("h2").text("Description");
        Tag description = main.add("div", "description").id("description");
        if (tool.description().isEmpty()) description.add("p", "none").text("The server sent no description.");
        else Markdown.render(description, tool.description(),
                Highlights.of(tool.description(), "description", profile.evidence(), profile.flags()));
        evidence(main, profile);
        flags(main, profile);
        actions(main, profile);
        AnnotationTable.render(main, tool.annotations(), profile);
        ParameterTable.render(main, tool.inputSchema());
        main.add("h2").text("Definition");
        Tag details = main.add("details");
        details.add("summary").text("as the server sent it");
        details.add("pre", "definition").text(prettyDefinition(indexed));
        main.add("p", "api").link(Href.local(Html.toolApiPath(indexed.server(), tool.name())), "this profile as JSON");
        return layout.html();
    }

    /** What each policy profile does with the tool, and why. */
    private static void policies(Tag main, String server, RiskProfile profile) {
        main.add("h2").text("What the policies do");
        Tag list = main.add("dl", "verdicts").id("verdicts");
        for (Verdict v : Verdict.all(server, profile.ruleset(), profile)) {
            Tag term = list.add("dt").id("verdict-" + v.profile().wireName());
            term.add("span", "profile").text(v.profile().wireName());
            term.text(" ");
            term.add("span", "badge").cls("verdict-" + v.kind()).text(v.decision());
            list.add("dd").text(v.reason());
        }
    }

    private static void evidence(Tag main, RiskProfile profile) {
        main.add("h2").text("Evidence");
        if (profile.evidence().isEmpty()) {
            main.add("p", "none").text("No rule quoted any words of this tool.");
            return;
        }
        Tag table = Blocks.table(main, "evidence", List.of("field", "quote", "rule"));
        for (Evidence e : profile.evidence()) {
            Tag row = table.add("tr");
            row.add("td").text(e.field());
            row.add("td").add("q").text(e.quote());
            row.add("td").text(e.rule());
        }
    }

    private static void flags(Tag main, RiskProfile profile) {
        main.add("h2").text("Flags");
        if (profile.flags().isEmpty()) {
            main.add("p", "none").text("No flags.");
            main.add("p", "caveat").id("no-flags-caveat").text(NO_FLAGS_CAVEAT);
            return;
        }
        Tag list = main.add("ul", "flags").id("flags");
        for (Flag f : profile.flags()) {
            Tag item = list.add("li");
            item.add("strong").text(f.flag().wireName());
            item.text(" in " + f.field());
            if (!f.quote().isEmpty()) item.text(": ").add("q").text(f.quote());
            if (!f.detail().isEmpty()) item.text(" — " + f.detail());
        }
    }

    private static void actions(Tag main, RiskProfile profile) {
        if (profile.actions().isEmpty()) return;
        main.add("h2").text("Actions");
        Tag table = Blocks.table(main, "actions", List.of("parameter", "value", "category", "severity"));
        for (ActionProfile a : profile.actions()) {
            Tag row = table.add("tr");
            row.add("td").text(a.param());
            row.add("td").add("code").text(a.value());
            Layout.badge(row.add("td"), "category", a.category().wireName());
            Layout.badge(row.add("td"), "severity", a.severity().wireName());
        }
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
