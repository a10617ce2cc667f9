package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.index.IndexedTool;
import io.toolrisk.index.LiveIndex;

import java.io.IOException;
import java.util.List;

/** {@code get_tool_risk}: one tool's full profile with its evidence and definition, as {@code GET /api/v1/servers/{server}/tools/{tool}}. */
final class ToolRiskLookup implements McpTool {
    static final String NAME = "get_tool_risk";
    private static final List<String> ARGUMENTS = List.of("server", "tool");
    static final ObjectNode DEFINITION;

    static {
        ObjectNode output = Schemas.listedProfile();
        ((ObjectNode) output.get("properties")).set("definition", Schemas.object(List.of("name"),
                "name", Schemas.string("the tool's name")).put("description", "the tool's definition as its server listed it"));
        ((ObjectNode) output.get("properties")).set("hash", Schemas.string("a hash of the definition: it changes when the definition does"));
        ((ArrayNode) output.get("required")).add("definition").add("hash");
        DEFINITION = ToolDefinition.readOnly(NAME, "Get one tool's risk profile",
                "Returns the risk profile of one catalogued tool: its category and severity, the exact words that decided them with the rule that matched each, its flags with "
                        + "their quotes, the category of each operation of a tool whose parameter selects one, and the "
                        + "tool's definition as its server listed it. Name the server by its catalogue key and the tool by "
                        + "its exact name (search_tools finds both).",
                Schemas.input(List.of("server", "tool"),
                        "server", Schemas.serverKey("The server's catalogue key, such as github."),
                        "tool", Schemas.string("The tool's exact name.")),
                output);
    }

    private final LiveIndex view;

    ToolRiskLookup(LiveIndex view) {
        this.view = view;
    }

    @Override
    public ObjectNode call(ObjectNode arguments) throws IOException {
        var a = new Arguments(NAME, arguments, ARGUMENTS);
        String server = CatalogueLookups.serverKey(a.requiredText("server"));
        String name = a.optionalText("tool").filter(t -> !t.isEmpty()).orElseThrow(() -> new ToolError("tool is required"));
        try (var lease = view.lease()) {
            var searcher = CatalogueLookups.searcherWith(view, lease, server);
            IndexedTool tool = searcher.findTool(server, name).orElseThrow(() ->
                    new ToolError("server '%s' has no tool '%s'".formatted(server, Arguments.clip(name))));
            ObjectNode answer = tool.item().deepCopy();
            answer.set("definition", ToolJson.toNode(tool.tool()));
            answer.put("hash", tool.hash());
            return answer;
        }
    }
}
