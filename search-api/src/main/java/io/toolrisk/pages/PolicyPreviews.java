package io.toolrisk.pages;

import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policies of one server on its page: a choice of profile, each format's file under it as a preview with a
 * copy button (the button needs the pages' script; without it the preview can be selected and the file
 * downloaded), and a table of downloads for every format and profile.
 */
final class PolicyPreviews {
    private PolicyPreviews() {
    }

    static void render(Tag main, String server, PolicyProfile profile, Map<PolicyFormat, PolicyPreview> policies) {
        main.add("h2").id("policy").text("Policies");
        Tag choice = main.add("p", "profiles").id("profiles").text("Profile: ");
        for (PolicyProfile p : PolicyProfile.values()) {
            Tag link = choice.add("a").href(Href.local(Html.serverPath(server) + "?profile=" + p.wireName() + "#policy"))
                    .text(p.wireName());
            if (p == profile) link.attr("aria-current", "true").cls("current");
            choice.text(" ");
        }
        Tag previews = main.add("div", "previews").id("previews");
        for (PolicyFormat format : PolicyFormat.values()) {
            PolicyPreview preview = policies.getOrDefault(format, PolicyPreview.of(new byte[0]));
            String file = fileName(server, format, profile);
            String url = url(server, format, profile);
            Tag details = previews.add("details", "policy").id("policy-" + format.wireName());
            if (format.ordinal() == 0) details.flag("open");
            Tag summary = details.add("summary");
            summary.add("strong").text(format.wireName());
            summary.text(" ").add("span", "file").text(file);
            Tag actions = details.add("div", "policy-actions");
            Tag copy = actions.add("button", "copy").attr("type", "button").attr("data-copy", "policy-text-" + format.wireName())
                    .flag("hidden").text("Copy");
            actions.text(" ");
            actions.add("a").attr("download", file).href(Href.local(url)).text("download");
            details.add("pre", "policy-text").id("policy-text-" + format.wireName()).text(preview.text());
            // The button copies the preview when it is the file to the character; else the file, fetched.
            if (!preview.whole() || !shownAsItIs(preview.text())) copy.attr("data-src", url);
            if (!preview.whole()) {
                details.add("p", "truncated").text("The first %,d of %,d lines; Copy and download take the whole file."
                        .formatted(PolicyPreview.MAX_LINES, preview.lines()));
            }
        }
        downloads(main, server);
    }

    private static void downloads(Tag main, String server) {
        main.add("h3").text("Every format and profile");
        List<String> columns = new ArrayList<>(List.of("format"));
        for (PolicyProfile p : PolicyProfile.values()) columns.add(p.wireName());
        Tag table = Blocks.table(main, "policies", columns);
        for (PolicyFormat f : PolicyFormat.values()) {
            Tag row = table.add("tr");
            row.add("td").text(f.wireName());
            for (PolicyProfile p : PolicyProfile.values()) {
                String file = fileName(server, f, p);
                row.add("td").add("a").attr("download", file).href(Href.local(url(server, f, p))).text(file);
            }
        }
    }

    /** True when {@link Tag#text} shows every character of {@code text} as it is (no marker, nothing dropped). */
    private static boolean shownAsItIs(String text) {
        return text.codePoints().allMatch(cp -> cp == '\n' || cp == '\t' || !(Invisible.is(cp) || Character.getType(cp) == Character.SURROGATE));
    }

    private static String fileName(String server, PolicyFormat format, PolicyProfile profile) {
        String file = format.template().fileName(server);
        return profile == PolicyProfile.RECOMMENDED ? file : profile.wireName() + "." + file;
    }

    static String url(String server, PolicyFormat format, PolicyProfile profile) {
        return "/api/v1/servers/" + Html.urlPart(server) + "/policy?format=" + format.wireName() + "&profile=" + profile.wireName();
    }
}
