package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolJsonTest {
    private static Tool parse(String json) throws Exception {
        return ToolJson.read(Json.MAPPER.readTree(json));
    }

    @Test
    void absentHintsStayAbsentAndTakeSpecDefaults() throws Exception {
        ToolAnnotations a = parse("{\"name\":\"t\",\"annotations\":{\"readOnlyHint\":false}}").annotations();
        assertEquals(Optional.of(false), a.readOnlyHint());
        assertEquals(Optional.empty(), a.destructiveHint());
        assertTrue(a.effectiveDestructive(), "destructiveHint defaults to true");
        assertFalse(a.effectiveIdempotent());
        assertTrue(a.effectiveOpenWorld());
    }

    @Test
    void destructiveHintIsIgnoredForReadOnlyTools() throws Exception {
        ToolAnnotations a = parse("{\"name\":\"t\",\"annotations\":{\"readOnlyHint\":true,\"destructiveHint\":true}}").annotations();
        assertFalse(a.effectiveDestructive());
    }

    @Test
    void unknownFieldsAndNonStandardAnnotationKeysSurviveARoundTrip() throws Exception {
        String json = "{\"name\":\"t\",\"title\":\"T\",\"description\":\"d\",\"inputSchema\":{\"type\":\"object\"},"
                + "\"annotations\":{\"readOnlyHint\":true,\"category\":\"files\"},\"outputSchema\":{\"type\":\"object\"},"
                + "\"_meta\":{\"k\":1}}";
        Tool tool = parse(json);
        assertEquals(Json.MAPPER.readTree(json), ToolJson.toNode(tool));
    }

    @Test
    void nonBooleanHintIsKeptButNotBelieved() throws Exception {
        Tool tool = parse("{\"name\":\"t\",\"annotations\":{\"readOnlyHint\":\"yes\"}}");
        assertEquals(Optional.empty(), tool.annotations().readOnlyHint());
        JsonNode back = ToolJson.toNode(tool);
        assertEquals("yes", back.path("annotations").path("readOnlyHint").asText());
    }

    @Test
    void blankNameIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("{\"name\":\"  \"}"));
        assertEquals("tool \"name\" is blank", e.getMessage());
    }

    @Test
    void nonObjectIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("[1]"));
        assertEquals("expected a tool object, got an array", e.getMessage());
    }
}
