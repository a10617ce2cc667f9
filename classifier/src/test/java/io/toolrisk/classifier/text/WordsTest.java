package io.toolrisk.classifier.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordsTest {
    private static final Vocabulary VOCABULARY = vocabulary("delete", "repo", "can't", "not");

    private static Vocabulary vocabulary(String... words) {
        var v = new Vocabulary();
        for (String w : words) v.add(w);
        return v.freeze();
    }

    @Test
    void identifiersSplitAtEveryConvention() {
        assertEquals(List.of("github", "delete", "repo"), Words.tokens("github.delete_repo"));
        assertEquals(List.of("create", "or", "update", "file"), Words.tokens("createOrUpdateFile"));
        assertEquals(List.of("api", "post", "page"), Words.tokens("API-post-page"));
        assertEquals(List.of("http", "server", "start"), Words.tokens("HTTPServerStart"));
        assertEquals(List.of("get", "erc20", "balance"), Words.tokens("get_ERC20Balance"));
        assertEquals(List.of("repos", "delete"), Words.tokens("repos/delete"));
    }

    @Test
    void onlyKnownWordsAreKeptWithTheirOffsetsPositionsAndIds() {
        Words w = Words.ofIdentifier("github.deleteRepo", VOCABULARY);
        assertEquals(2, w.size());
        assertEquals(3, w.wordCount());
        assertEquals(1, w.position(0), "'github' is counted but not kept");
        assertEquals(7, w.start(0));
        assertEquals(13, w.end(0));
        assertEquals(VOCABULARY.id("delete", 0, 6), w.id(0));
        assertEquals(VOCABULARY.id("repo", 0, 4), w.id(1), "looked up lower-cased");
    }

    @Test
    void proseKeepsApostrophesAndCountsClauses() {
        String text = "It can\u2019t be undone, e.g. not. Next: not";
        assertEquals(List.of("it", "can't", "be", "undone", "e", "g", "not", "next", "not"), Words.words(text));
        Words w = Words.ofText(text, VOCABULARY);
        assertEquals("can't not not", w.toString());
        assertEquals(VOCABULARY.id("can't", 0, 5), w.id(0), "the typographic apostrophe is read as '");
        assertEquals(0, w.sentence(0));
        assertEquals(1, w.sentence(1), "a comma ends a clause, 'e.g.' does not");
        assertEquals(6, w.position(1));
        assertEquals(3, w.sentence(2));
    }
}
