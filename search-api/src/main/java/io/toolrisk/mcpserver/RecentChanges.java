package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.ChangeSetJson;
import io.toolrisk.index.ChangeLog;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code recent_changes}: what each refresh found different, newest first, as {@code GET /api/v1/changes} serves it,
 * with the changes that may be rug pulls marked (a tool that was catalogued, then came back more dangerous or with
 * hidden instructions), and a way to list only those.
 */
final class RecentChanges implements McpTool {
    static final String NAME = "recent_changes";
    static final int MAX_SETS = 20;
    static final int MAX_TOOLS_PER_SET = 1_000;
    private static final List<String> ARGUMENTS = List.of("server", "possibleRugPullsOnly", "page", "size", "tools");
    static final ObjectNode DEFINITION = ToolDefinition.readOnly(NAME, "List recent catalogue changes",
            "Lists what each refresh of the catalogue found different, newest first: servers that appeared or went "
                    + "away, and tools that were added, removed or altered, each with its category before and after. A "
                    + "tool that was already catalogued and came back more dangerous, or with hidden instructions, is "
                    + "marked possibleRugPull: a server that earned trust and then altered what the tool does. Narrow to "
                    + "one server, or to possible rug pulls only.",
            Schemas.input(List.of(),
                    "server", Schemas.serverKey("Only what concerns this server (its catalogue key)."),
                    "possibleRugPullsOnly", Schemas.bool("Only the tool changes marked possibleRugPull, and only the refreshes that have any.")
                            .put("default", false),
                    "page", Schemas.integer("Page of refreshes, newest first.", 1, 10_000, 1),
                    "size", Schemas.integer("Refreshes per page.", 1, MAX_SETS, 5),
                    "tools", Schemas.integer("Tool changes listed per refresh at most; toolsTotal says how many there were.",
                            0, MAX_TOOLS_PER_SET, 100)),
            Schemas.object(List.of("page", "size", "more", "items"),
                    "page", Schemas.integer(null),
                    "size", Schemas.integer(null),
                    "more", Schemas.bool("true when a next page has more refreshes"),
                    "items", Schemas.array(Schemas.object(
                            List.of("snapshot", "createdAt", "serversAdded", "serversRemoved", "tools", "toolsTotal", "possibleRugPulls"),
                            "snapshot", Schemas.string("the snapshot the refresh made"),
                            "previous", Schemas.string("the snapshot before it"),
                            "createdAt", Schemas.string("when (ISO 8601)"),
                            "serversAdded", Schemas.array(Schemas.string(null), null),
                            "serversRemoved", Schemas.array(Schemas.string(null), null),
                            "tools", Schemas.array(Schemas.object(List.of("server", "tool", "change", "possibleRugPull", "detail"),
                                    "server", Schemas.string(null),
                                    "tool", Schemas.string(null),
                                    "change", Schemas.oneOf(Schemas.wireNames(ToolChange.Kind.class), null),
                                    "before", Schemas.oneOf(Schemas.wireNames(Category.class), "its category before"),
                                    "after", Schemas.oneOf(Schemas.wireNames(Category.class), "its category after"),
                                    "possibleRugPull", Schemas.bool(null),
                                    "detail", Schemas.string("what differs")), null),
                            "toolsTotal", Schemas.integer("tool changes in this refresh, listed or not"),
                            "possibleRugPulls", Schemas.integer("of which marked possibleRugPull")), "one per refresh")));

    private final ChangeLog log;

    RecentChanges(ChangeLog log) {
        this.log = log;
    }

    @Override
    public ObjectNode call(ObjectNode arguments) throws IOException {
        var a = new Arguments(NAME, arguments, ARGUMENTS);
        Optional<String> server = a.optionalText("server").filter(s -> !s.isBlank()).map(s -> CatalogueLookups.serverKey(s.strip()));
        boolean rugPullsOnly = a.bool("possibleRugPullsOnly", false);
        int page = a.integer("page", 1, 1, 10_000);
        int size = a.integer("size", 5, 1, MAX_SETS);
        int toolLimit = a.integer("tools", 100, 0, MAX_TOOLS_PER_SET);
        List<ChangeSet> sets = log.recent(changes -> narrow(changes, server, rugPullsOnly), (page - 1) * size, size + 1);
        boolean more = sets.size() > size;
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("page", page).put("size", size).put("more", more);
        ArrayNode items = answer.putArray("items");
        for (ChangeSet set : more ? sets.subList(0, size) : sets) items.add(item(set, toolLimit));
        return answer;
    }

    private static Optional<ChangeSet> narrow(ChangeSet changes, Optional<String> server, boolean rugPullsOnly) {
        Optional<ChangeSet> narrowed = server.isPresent() ? ChangeLog.about(changes, server.get()) : Optional.of(changes);
        if (!rugPullsOnly) return narrowed;
        return narrowed.filter(c -> c.possibleRugPulls() > 0).map(c -> new ChangeSet(c.snapshot(), c.previous(), c.createdAt(),
                List.of(), List.of(), c.tools().stream().filter(ToolChange::possibleRugPull).toList()));
    }

    /** The change set as the API lists it: its tool changes cut to {@code toolLimit}, with the totals. */
    private static ObjectNode item(ChangeSet set, int toolLimit) throws IOException {
        try (var buffer = new TokenBuffer(Json.MAPPER, false)) {
            ChangeSetJson.writeListed(buffer, set, toolLimit);
            return (ObjectNode) Json.MAPPER.readTree(buffer.asParser());
        }
    }
}
