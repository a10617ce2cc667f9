package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.toolrisk.annotations.AnnotationSuggester;
import io.toolrisk.annotations.SuggestedAnnotationsJson;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.classifier.Classifier;

import java.io.IOException;
import java.util.List;

/**
 * {@code classify_tool}: the profile of a definition the caller sends, as {@code POST /api/v1/classify} gives it, and
 * the MCP annotations its words justify ({@code scan --suggest-annotations}).
 */
final class ClassifyTool implements McpTool {
    static final String NAME = "classify_tool";
    private static final List<String> ARGUMENTS = List.of("tool");
    static final ObjectNode DEFINITION;

    static {
        ObjectNode output = Schemas.profile();
        ObjectNode annotations = Schemas.object(List.of("title", "readOnlyHint"),
                "title", Schemas.string(null),
                "readOnlyHint", Schemas.bool(null),
                "destructiveHint", Schemas.bool(null),
                "idempotentHint", Schemas.bool(null),
                "openWorldHint", Schemas.bool(null));
        ((ObjectNode) output.get("properties")).set("suggestedAnnotations", Schemas.object(
                List.of("tool", "category", "annotations", "contradicts", "why"),
                "tool", Schemas.string(null),
                "server", Schemas.string(null),
                "category", Schemas.string(null),
                "annotations", annotations.put("description", "the annotations the tool's words justify, to paste into its definition"),
                "declared", Schemas.object(List.of()).put("description", "the hints the definition declares"),
                "contradicts", Schemas.array(Schemas.object(List.of("hint", "declared", "suggested"),
                        "hint", Schemas.string(null), "declared", Schemas.bool(null), "suggested", Schemas.bool(null)),
                        "declared hints that the words say otherwise"),
                "why", Schemas.object(List.of()).put("description", "per annotation: the reason, and the evidence it rests on")));
        ((ArrayNode) output.get("required")).add("suggestedAnnotations");
        DEFINITION = ToolDefinition.readOnly(NAME, "Classify a tool definition",
                "Returns the risk profile of one MCP tool definition that you pass, as tools/list lists it (name, and any "
                        + "of title, description, inputSchema, annotations), classified by ToolRisk's rules: its category and "
                        + "severity with the quoted evidence, its flags (such as hidden instructions aimed at the model), and "
                        + "the annotations its words justify (readOnlyHint and the other hints, and a title) with the reason "
                        + "for each. The definition is only read; nothing is kept.",
                Schemas.input(List.of("tool"),
                        "tool", Schemas.object(List.of("name"),
                                "name", Schemas.string("The tool's name."),
                                "title", Schemas.string("Its title, if any."),
                                "description", Schemas.string("Its description, if any."),
                                "inputSchema", Schemas.object(List.of()).put("description", "Its input schema, if any."),
                                "annotations", Schemas.object(List.of()).put("description", "Its annotations, if any."))
                                .put("description", "The tool definition, as a server's tools/list gives it.")),
                output);
    }

    private final Classifier classifier;
    private final AnnotationSuggester suggester;

    ClassifyTool(Classifier classifier) {
        this.classifier = classifier;
        this.suggester = new AnnotationSuggester(classifier);
    }

    @Override
    public ObjectNode call(ObjectNode arguments) throws IOException {
        var a = new Arguments(NAME, arguments, ARGUMENTS);
        Tool tool;
        try {
            tool = ToolJson.read(a.object("tool"));
        } catch (IllegalArgumentException e) {
            throw new ToolError("tool: " + e.getMessage());
        }
        try (var buffer = new TokenBuffer(Json.MAPPER, false)) {
            ProfileJson.write(buffer, classifier.classify(tool));
            ObjectNode answer = (ObjectNode) Json.MAPPER.readTree(buffer.asParser());
            try (var suggested = new TokenBuffer(Json.MAPPER, false)) {
                SuggestedAnnotationsJson.write(suggested, suggester.suggest(tool));
                answer.set("suggestedAnnotations", Json.MAPPER.readTree(suggested.asParser()));
            }
            return answer;
        }
    }
}
