package io.toolrisk.catalogue.json;

import io.toolrisk.catalogue.Tool;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolLineParserTest {
    /** Lines a classify run meets: good tools in every shape of field, and every way a line can be wrong. */
    private static final List<String> LINES = List.of(
            "{\"name\":\"delete_repo\",\"description\":\"Deletes a repository.\",\"server\":\"github\"}",
            "{\"server\":\"s\",\"name\":\"a\",\"title\":\"A tool\",\"inputSchema\":{\"type\":\"object\",\"properties\":"
                    + "{\"force\":{\"type\":\"boolean\",\"description\":\"Force it\"},\"n\":{\"type\":\"integer\",\"maximum\":1e400}}}}",
            "{\"name\":\"a\",\"annotations\":{\"title\":\"T\",\"readOnlyHint\":true,\"destructiveHint\":\"no\",\"x\":[1,2],"
                    + "\"openWorldHint\":false,\"idempotentHint\":null}}",
            "{\"name\":\"a\",\"annotations\":{\"title\":5,\"title\":\"late\",\"readOnlyHint\":1,\"readOnlyHint\":false}}",
            "{\"name\":\"a\",\"annotations\":{\"readOnlyHint\":true,\"readOnlyHint\":\"yes\"}}",
            "{\"name\":\"a\",\"title\":\"first\",\"title\":7,\"description\":null,\"server\":{\"id\":1},\"outputSchema\":{\"a\":[]}}",
            "{\"name\":5,\"name\":\"second wins\",\"inputSchema\":null,\"annotations\":[]}",
            "{\"name\":\"a\",\"inputSchema\":{\"properties\":{}},\"inputSchema\":\"later\",\"x-vendor\":true}  ",
            "{\"name\":\"caf\u00e9 \u200b\",\"description\":\"\\u00e9t\u00e9 \\\"quoted\\\" \\n\"}",
            "{}",
            "{\"name\":null}",
            "{\"name\":\"   \"}",
            "{\"name\":[\"a\"]}",
            "{\"description\":\"no name\",\"name\":{\"a\":1}}",
            "[{\"name\":\"a\"}]",
            "\"just a string\"",
            "null",
            "{\"name\":\"a\"} {\"name\":\"b\"}",
            "{\"name\":\"a\"} trailing",
            "{\"name\":\"a\"",
            "{\"name\":\"a\",}",
            "{\"name\":\"a\",\"x\":1e}",
            "{\"name\":\"a\",\"x\":\"\\q\"}",
            "not json at all");

    @Test
    void readsEveryLineAsTheTreeReaderDoesLessTheUnknownFields() {
        for (int i = 0; i < LINES.size(); i++) {
            byte[] bytes = ("  " + LINES.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
            ToolInput tree = ToolReader.parseLine(bytes, 2, bytes.length - 3, i + 1);
            ToolInput streamed = ToolLineParser.parseLine(bytes, 2, bytes.length - 3, i + 1);
            switch (tree) {
                case ToolInput.Parsed p -> {
                    Tool t = p.tool();
                    Tool expected = new Tool(t.name(), t.title(), t.description(), t.inputSchema(), t.annotations(),
                            t.server(), Map.of());
                    assertEquals(new ToolInput.Parsed(i + 1, expected), streamed, LINES.get(i));
                }
                case ToolInput.Rejected r -> assertEquals(r, streamed, LINES.get(i));
            }
        }
    }

    @Test
    void dropsTheFieldsATreeReaderKeeps() {
        byte[] bytes = "{\"name\":\"a\",\"outputSchema\":{},\"_meta\":{\"k\":1}}".getBytes(StandardCharsets.UTF_8);
        var parsed = assertInstanceOf(ToolInput.Parsed.class, ToolLineParser.parseLine(bytes, 0, bytes.length, 1));
        assertTrue(parsed.tool().unknownFields().isEmpty());
    }
}
