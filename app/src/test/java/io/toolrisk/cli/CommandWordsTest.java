package io.toolrisk.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandWordsTest {
    @Test
    void splitsOnWhitespaceKeepingQuotedWordsWhole() {
        assertEquals(List.of("node", "server.js", "--root", "/my dir", "it's", "a\"b", "x y"),
                CommandWords.split("  node server.js --root '/my dir' \"it's\" \"a\\\"b\" x\\ y "));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertEquals(List.of("cmd", ""), CommandWords.split("cmd ''"));
    }

    @Test
    void blankLineIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> CommandWords.split("   "));
        assertEquals("no command in '   '", e.getMessage());
    }
}
