package io.toolrisk.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ToolSynonymsTest {
    private static ToolSynonyms parse(String rules) {
        return ToolSynonyms.parse(rules, ToolAnalyzer.identifiers());
    }

    @Test
    void wordsOfAListFindEachOtherAndAnArrowFindsOneWay() {
        ToolSynonyms synonyms = parse("""
                # comment
                repo, repository

                text => sms, message
                """);
        assertEquals(List.of("repositori"), synonyms.of("repo"));
        assertEquals(List.of("repo"), synonyms.of("repositori"));
        assertEquals(List.of("sm", "messag"), synonyms.of("text"), "words are kept in their analyzed form (stems)");
        assertEquals(List.of(), synonyms.of("messag"), "an arrow finds one way only");
    }

    @Test
    void aWordTheSearchSplitsInTwoIsRefusedWithItsLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("email, mail\nemail, e-mail\n"));
        assertEquals("synonyms line 2: 'e-mail' is 2 words to the search, not one", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("a => b => c"));
        assertEquals("synonyms line 1: more than one '=>' in 'a => b => c'", e.getMessage());
    }

    @Test
    void theBundledVocabularyLoads() {
        ToolSynonyms bundled = ToolSynonyms.bundled(ToolAnalyzer.identifiers());
        assertEquals(List.of("mail", "messag"), bundled.of("email"));
        assertEquals(List.of("remov", "eras", "destroi"), bundled.of("delet"));
    }
}
