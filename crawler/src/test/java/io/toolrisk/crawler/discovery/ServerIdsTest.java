package io.toolrisk.crawler.discovery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerIdsTest {
    @Test
    void anIdNamesAFolderSoItNeverStartsWithADotOrASeparator() {
        for (String id : List.of("github", "server-everything", "io.github.user__server", "a", "0x", "a..b"))
            assertTrue(ServerIds.isValid(id), id);
        for (String id : List.of(".", "..", ".hidden", "-x", "_x", "", "Upper", "a/b", "x".repeat(129)))
            assertFalse(ServerIds.isValid(id), id);
        var e = assertThrows(IllegalArgumentException.class, () -> ServerIds.requireValid(".."));
        assertTrue(e.getMessage().contains("starting with a letter or digit"), e.getMessage());
    }

    @Test
    void anyNameBecomesAValidId() {
        assertEquals("modelcontextprotocol__server-everything", ServerIds.fromName("@modelcontextprotocol/server-everything"));
        assertEquals("x", ServerIds.fromName("_.-x"));
        assertEquals("server", ServerIds.fromName(".."));
        for (String name : List.of("..", "._", "__init__", "-v", "Ünïcode name", "a".repeat(300)))
            assertTrue(ServerIds.isValid(ServerIds.fromName(name)), name);
    }
}
