package io.toolrisk.pages;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ToolAnnotations;

import java.util.List;
import java.util.Optional;

/**
 * The four MCP hints of a tool in three columns: as the server declared them, as the spec's defaults make them
 * when not declared, and as the risk profile implies them. A row where the declaration contradicts the
 * profile is marked.
 */
final class AnnotationTable {
    private AnnotationTable() {
    }

    static void render(Tag into, ToolAnnotations declared, RiskProfile profile) {
        into.add("h2").text("Annotations");
        Tag table = Blocks.table(into, "annotations", List.of("hint", "declared", "spec default applied", "inferred from the profile"));
        Category category = profile.category();
        row(table, "readOnlyHint", declared.readOnlyHint(), declared.effectiveReadOnly(), Optional.of(category == Category.READ));
        row(table, "destructiveHint", declared.destructiveHint(), declared.effectiveDestructive(),
                category == Category.READ ? Optional.empty()
                        : Optional.of(category == Category.DESTRUCTIVE || category == Category.FINANCIAL));
        row(table, "idempotentHint", declared.idempotentHint(), declared.effectiveIdempotent(), Optional.empty());
        row(table, "openWorldHint", declared.openWorldHint(), declared.effectiveOpenWorld(),
                profile.hasFlag(FlagKind.OPEN_WORLD) ? Optional.of(true) : Optional.empty());
        declared.title().ifPresent(title -> into.add("p", "annotation-title").text("annotations.title: ").text(title));
    }

    private static void row(Tag table, String hint, Optional<Boolean> declared, boolean effective, Optional<Boolean> inferred) {
        boolean conflict = declared.isPresent() && inferred.isPresent() && !declared.get().equals(inferred.get());
        Tag row = table.add("tr");
        if (conflict) row.cls("conflict");
        row.add("td").text(hint);
        if (declared.isPresent()) row.add("td").text(declared.get().toString());
        else row.add("td").add("span", "none").text("not declared");
        row.add("td").text(Boolean.toString(effective));
        Tag cell = row.add("td");
        if (inferred.isPresent()) cell.text(inferred.get().toString());
        else cell.add("span", "none").text("—");
        if (conflict) cell.text(" ").add("strong").text("conflict");
    }
}
