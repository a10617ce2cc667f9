package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hand-written fixture tools (test resources) and helpers to check evidence against them. */
final class Fixtures {
    static final String TOOLS = "/io/toolrisk/classifier/fixtures/tools.jsonl";

    private Fixtures() {
    }

    /** Each fixture line: the tool, and what a person expects of it ({@code x_expect}). */
    record Fixture(Tool tool, JsonNode expect) {
        @Override
        public String toString() {
            return tool.name();
        }
    }

    static List<Fixture> all() {
        List<Fixture> out = new ArrayList<>();
        for (String line : lines(TOOLS)) {
            Tool tool = ToolJson.read(parse(line));
            out.add(new Fixture(tool, tool.unknownFields().get("x_expect")));
        }
        return out;
    }

    static List<String> lines(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static Tool tool(String json) {
        return ToolJson.read(parse(json));
    }

    /**
     * The text of the field an evidence entry points at, so that a test can check that the quote is exactly
     * {@code text.substring(start, end)}; null for fields without text (annotations, overrides).
     */
    static String fieldText(Tool tool, Evidence e) {
        String field = e.field();
        switch (field) {
            case "name" -> { return tool.name(); }
            case "title" -> { return tool.title().orElseThrow(); }
            case "annotations/title" -> { return tool.annotations().title().orElseThrow(); }
            case "description" -> { return tool.description(); }
            default -> { }
        }
        if (!field.startsWith("inputSchema/")) return null;
        String pointer = field.substring("inputSchema".length());
        JsonNode node = tool.inputSchema().at(pointer);
        if (node.isTextual()) return node.textValue();
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return last.replace("~1", "/").replace("~0", "~");
    }
}
