package io.toolrisk.classifier.text;

import org.junit.jupiter.api.Test;

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
        assertEquals("github delete repo", Words.ofIdentifier("github.delete_repo", VOCABULARY).toString());
        assertEquals("create or update file", Words.ofIdentifier("createOrUpdateFile", VOCABULARY).toString());
        assertEquals("api post page", Words.ofIdentifier("API-post-page", VOCABULARY).toString());
        assertEquals("http server start", Words.ofIdentifier("HTTPServerStart", VOCABULARY).toString());
        assertEquals("get erc20 balance", Words.ofIdentifier("get_ERC20Balance", VOCABULARY).toString());
        assertEquals("repos delete", Words.ofIdentifier("repos/delete", VOCABULARY).toString());
    }

    @Test
    void wordsKeepTheirOffsetsAndVocabularyIds() {
        Words w = Words.ofIdentifier("github.deleteRepo", VOCABULARY);
        assertEquals(3, w.size());
        assertEquals(7, w.start(1));
        assertEquals(13, w.end(1));
        assertEquals(VOCABULARY.id("delete", 0, 6), w.id(1));
        assertEquals(Vocabulary.UNKNOWN, w.id(0));
        assertEquals(VOCABULARY.id("repo", 0, 4), w.id(2), "looked up lower-cased");
    }

    @Test
    void proseKeepsApostrophesAndCountsClauses() {
        Words w = Words.ofText("It can\u2019t be undone, e.g. never. Next: one", VOCABULARY);
        assertEquals("it can't be undone e g never next one", w.toString());
        assertEquals(VOCABULARY.id("can't", 0, 5), w.id(1), "the typographic apostrophe is read as '");
        assertEquals(0, w.sentence(3));
        assertEquals(1, w.sentence(4), "a comma ends a clause");
        assertEquals(1, w.sentence(6), "'e.g.' does not end one");
        assertEquals(2, w.sentence(7));
        assertEquals(3, w.sentence(8));
    }
}
