package io.toolrisk.pages;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ToolAnnotations;

import java.util.Optional;

/**
 * The four MCP hints of a tool in three columns: as the server declared them, as the spec's defaults make them
 * when not declared, and as the risk profile implies them. A row where the declaration contradicts the
 * profile is marked.
 */
final class AnnotationTable {
    private AnnotationTable() {
    }

    static void render(StringBuilder body, ToolAnnotations declared, RiskProfile profile) {
        body.append("<h2>Annotations</h2><table class=\"annotations\" id=\"annotations\">")
                .append("<tr><th>hint</th><th>declared</th><th>spec default applied</th><th>inferred from the profile</th></tr>");
        Category category = profile.category();
        row(body, "readOnlyHint", declared.readOnlyHint(), declared.effectiveReadOnly(),
                Optional.of(category == Category.READ));
        row(body, "destructiveHint", declared.destructiveHint(), declared.effectiveDestructive(),
                category == Category.READ ? Optional.empty()
                        : Optional.of(category == Category.DESTRUCTIVE || category == Category.FINANCIAL));
        row(body, "idempotentHint", declared.idempotentHint(), declared.effectiveIdempotent(), Optional.empty());
        row(body, "openWorldHint", declared.openWorldHint(), declared.effectiveOpenWorld(),
                profile.hasFlag(FlagKind.OPEN_WORLD) ? Optional.of(true) : Optional.empty());
        body.append("</table>");
        if (declared.title().isPresent())
            body.append("<p class=\"annotation-title\">annotations.title: ").append(Html.text(declared.title().get())).append("</p>");
    }

    private static void row(StringBuilder body, String hint, Optional<Boolean> declared, boolean effective, Optional<Boolean> inferred) {
        boolean conflict = declared.isPresent() && inferred.isPresent() && !declared.get().equals(inferred.get());
        body.append("<tr").append(conflict ? " class=\"conflict\"" : "").append("><td>").append(hint).append("</td><td>")
                .append(declared.map(String::valueOf).orElse("<span class=\"none\">not declared</span>")).append("</td><td>")
                .append(effective).append("</td><td>")
                .append(inferred.map(String::valueOf).orElse("<span class=\"none\">—</span>"))
                .append(conflict ? " <strong>conflict</strong>" : "").append("</td></tr>");
    }
}
