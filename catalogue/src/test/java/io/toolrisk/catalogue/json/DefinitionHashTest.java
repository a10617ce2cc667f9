package io.toolrisk.catalogue.json;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DefinitionHashTest {
    private static String hash(String json) throws Exception {
        return DefinitionHash.of(ToolJson.read(Json.MAPPER.readTree(json)));
    }

    @Test
    void keyOrderDoesNotChangeTheHash() throws Exception {
        assertEquals(
                hash("{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"a\":{},\"b\":{}}}}"),
                hash("{\"inputSchema\":{\"properties\":{\"b\":{},\"a\":{}},\"type\":\"object\"},\"name\":\"t\"}"));
    }

    @Test
    void descriptionAnnotationsAndSchemaChangeTheHash() throws Exception {
        String base = hash("{\"name\":\"t\",\"description\":\"d\"}");
        assertNotEquals(base, hash("{\"name\":\"t\",\"description\":\"d!\"}"));
        assertNotEquals(base, hash("{\"name\":\"t\",\"description\":\"d\",\"annotations\":{\"readOnlyHint\":true}}"));
        assertNotEquals(base, hash("{\"name\":\"t\",\"description\":\"d\",\"inputSchema\":{}}"));
    }

    @Test
    void fieldsOutsideTheDefinitionDoNotChangeTheHash() throws Exception {
        assertEquals(hash("{\"name\":\"t\"}"), hash("{\"name\":\"t\",\"server\":\"x\",\"_meta\":{\"at\":1}}"));
    }
}
