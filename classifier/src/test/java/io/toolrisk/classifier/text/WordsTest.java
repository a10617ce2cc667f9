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

    @Test
    void proseBeyondLatin1IsCutLikeLatin1Prose() {
        // The same words in three widths of alphabet: ASCII, Latin-1 (é, É) and beyond (ł, a surrogate pair), with
        // a real '?' among them: words, offsets, clauses and counts must not depend on the width.
        String ascii = "Why? Delete the repo, or not. Cafe delete";
        String latin1 = "Why? D\u00e9lete the REPO, or not. Caf\u00c9 delete";
        String wide = "Why? Dele\u0142te the repo, or not. \ud83d\ude00 Caf\u00e9 delete";
        for (String text : List.of(ascii, latin1, wide)) {
            Words w = Words.ofText(text, VOCABULARY);
            for (int i = 0; i < w.size(); i++) {
                assertEquals(w.word(i), text.substring(w.start(i), w.end(i)).toLowerCase(java.util.Locale.ROOT),
                        "offsets point at the word in " + text);
            }
        }
        assertEquals("delete repo not delete", Words.ofText(ascii, VOCABULARY).toString());
        assertEquals("repo not delete", Words.ofText(latin1, VOCABULARY).toString(), "d\u00e9lete is another word");
        Words beyond = Words.ofText(wide, VOCABULARY);
        assertEquals("repo not delete", beyond.toString(), "ł and the emoji do not shift the words after them");
        assertEquals(8, beyond.wordCount(), "why dele\u0142te the repo or not caf\u00e9 delete; the emoji is no word");
        assertEquals(2, beyond.sentence(1), "'?' and ',' end clauses");
        assertEquals(true, beyond.hasNonAscii());
        assertEquals(false, Words.ofText(ascii, VOCABULARY).hasNonAscii());
        assertEquals(true, Words.ofText(latin1, VOCABULARY).hasNonAscii());
        assertEquals(List.of("why", "d\u00e9lete", "the", "repo", "or", "not", "caf\u00e9", "delete"), Words.words(latin1));
        assertEquals(List.of("why", "dele\u0142te", "the", "repo", "or", "not", "caf\u00e9", "delete"), Words.words(wide));
    }

    @Test
    void invisibleCharactersInsideAWordAreSkippedNotCut() {
        assertEquals(List.of("delete", "repo"), Words.tokens("de\u200blete_repo"));
        assertEquals(List.of("delete", "repository"), Words.tokens("delete\u200bRepository"), "camelCase seen through it");
        assertEquals(List.of("delete", "repo"), Words.tokens("\u200bdelete\uDB40\uDC20\uDB40\uDC21_repo"));
        assertEquals(List.of("can't", "be", "undone"), Words.words("can\u00ad't be un\u2060done"));
        Words w = Words.ofText("It de\u200blete\u200bs\u200b the repo", vocabulary("deletes", "repo"));
        assertEquals("deletes repo", w.toString());
        assertEquals(3, w.start(0));
        assertEquals(12, w.end(0), "the span covers the invisible characters inside the word");
        assertEquals(4, w.wordCount());
    }

    @Test
    void wordsOfEveryLengthAreFoundWhetherPackedIntoALongOrNot() {
        // Up to nine ASCII chars a word is looked up by its chars packed into a long; longer, by a hash.
        var v = vocabulary("a", "delete", "workspace", "workspaces", "permanently", "can't", "k8s", "r\u00e9sum\u00e9");
        assertEquals("a delete workspace workspaces permanently",
                Words.ofText("A DELETE, Workspace; WORKSPACES permanently deletes", v).toString());
        assertEquals("can't can't k8s", Words.ofText("Can't can\u2019t K8S k8 k8ss", v).toString());
        assertEquals("k8s", Words.ofText("\u212a8s", v).toString(), "the Kelvin sign lower-cases to k");
        assertEquals("r\u00e9sum\u00e9", Words.ofText("R\u00c9SUM\u00c9 resume", v).toString());
        assertEquals("delete workspaces permanently", Words.ofIdentifier("deleteWorkspaces_PERMANENTLY", v).toString());
    }
}
