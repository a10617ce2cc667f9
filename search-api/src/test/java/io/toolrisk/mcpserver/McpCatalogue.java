package io.toolrisk.mcpserver;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.ChangeSetJson;
import io.toolrisk.testing.TestCatalogue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.toolrisk.testing.TestCatalogue.evidence;
import static io.toolrisk.testing.TestCatalogue.tool;

/** The small catalogue the MCP server's tests ask about: two servers, a multi-action tool, a flag, a rug pull. */
final class McpCatalogue {
    static final Instant CREATED = Instant.parse("2026-11-25T13:00:00Z");

    private McpCatalogue() {
    }

    /** Writes, indexes and makes current the catalogue in {@code dir}, with one change set; returns the store. */
    static CatalogueStore write(Path dir) throws IOException {
        var store = new CatalogueStore(dir);
        String snapshot = new TestCatalogue()
                .crawled("github",
                        tool("github", "delete_repo", "Deletes a repository. This cannot be undone.", Category.DESTRUCTIVE,
                                evidence("description", "Deletes a repository. This cannot be undone.", "cannot be undone", "irreversible-phrase")),
                        tool("github", "create_issue", "Create a new issue.", Category.WRITE),
                        tool("github", "list_issues", "List issues of a repository.", Category.READ,
                                new Flag(FlagKind.OPEN_WORLD, "description", "issues", "public data")),
                        tool("github", "manage_issue", "Get, update or delete an issue.", Category.DESTRUCTIVE,
                                new ActionProfile("action", "get", Category.READ),
                                new ActionProfile("action", "update", Category.WRITE),
                                new ActionProfile("action", "delete", Category.DESTRUCTIVE)))
                .crawled("stripe", tool("stripe", "create_refund", "Refund a payment.", Category.FINANCIAL))
                .writeAndIndex(store, CREATED);
        ChangeSetJson.writeFile(store.changesFile(snapshot), new ChangeSet(snapshot, Optional.empty(), CREATED,
                List.of("stripe"), List.of(), List.of(
                new ToolChange("github", "delete_repo", ToolChange.Kind.CHANGED, Optional.of(Category.READ),
                        Optional.of(Category.DESTRUCTIVE), true, "description changed"),
                new ToolChange("github", "create_issue", ToolChange.Kind.ADDED, Optional.empty(),
                        Optional.of(Category.WRITE), false, "new tool"))));
        return store;
    }
}
