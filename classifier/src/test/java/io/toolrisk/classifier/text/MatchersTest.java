package io.toolrisk.classifier.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MatchersTest {
    @Test
    void theLongestTermWinsAndHidesWhatItContains() {
        var vocabulary = new Vocabulary();
        TermMatcher m = TermMatcher.builder(vocabulary)
                .add(List.of("push"), 1)
                .add(List.of("force", "push"), 2)
                .add(List.of("delete"), 3)
                .add(List.of("delete"), 4)
                .build();
        vocabulary.freeze();
        List<String> found = new ArrayList<>();
        m.match(Words.ofText("Force push, then push and DELETE", vocabulary),
                (payload, from, to) -> found.add(payload + "@" + from + "-" + to));
        assertEquals(List.of("2@0-2", "1@2-3", "3@3-4", "4@3-4"), found, "indices of the known words: force push push delete");
        assertEquals(4, m.terms());
    }

    @Test
    void literalsAreFoundInOnePassIgnoringAsciiCase() {
        LiteralMatcher m = LiteralMatcher.of(List.of("~/.ssh", "id_rsa", ".ssh/"), List.of(1, 2, 3));
        List<String> found = new ArrayList<>();
        m.match("read ~/.SSH/ID_RSA now", (payload, start, end) -> found.add(payload + "@" + start + "-" + end));
        assertEquals(List.of("1@5-11", "3@7-12", "2@12-18"), found);
    }

    @Test
    void literalsAroundAnchorsAreFoundAtTheEdgesAndInOverlappingStretches() {
        LiteralMatcher m = LiteralMatcher.of(List.of("mcp.json", ".netrc", "~/.aws", "wallet.dat"), List.of(1, 2, 3, 4));
        List<String> found = new ArrayList<>();
        m.match(".netrc, then ~/.aws and mcp.json. Not mcp. json nor wallet.dat",
                (payload, start, end) -> found.add(payload + "@" + start + "-" + end));
        assertEquals(List.of("2@0-6", "3@13-19", "1@24-32", "4@52-62"), found);
    }

    @Test
    void aLiteralWithoutAnchorIsFoundByReadingTheWholeText() {
        LiteralMatcher m = LiteralMatcher.of(List.of("passwd", "id_rsa"), List.of(1, 2));
        List<String> found = new ArrayList<>();
        m.match("cat PASSWD and id_rsa", (payload, start, end) -> found.add(payload + "@" + start + "-" + end));
        assertEquals(List.of("1@4-10", "2@15-21"), found);
    }

    @Test
    void manyLiteralsOfDifferentAnchorsAreAllFoundInOrderOfTheirEnds() {
        // More stretches around anchors than are sorted by insertion, the anchors of the three literals interleaved.
        LiteralMatcher m = LiteralMatcher.of(List.of("~/.ssh", "| sh", "wallet.dat"), List.of(1, 2, 3));
        var text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String literal = List.of("~/.ssh", "| sh", "wallet.dat").get(i % 3);
            text.append("x ");
            expected.add((i % 3 + 1) + "@" + text.length() + "-" + (text.length() + literal.length()));
            text.append(literal).append(' ');
        }
        List<String> found = new ArrayList<>();
        m.match(text.toString(), (payload, start, end) -> found.add(payload + "@" + start + "-" + end));
        assertEquals(expected, found);
    }

    @Test
    void literalsFoundAroundAnchorsAreExactlyThoseAPlainSearchFinds() {
        List<String> literals = List.of("~/.ssh", "id_rsa", ".ssh/", "mcp.json", ".netrc", "wallet.dat", "/etc/passwd", "can't", "a.");
        List<Integer> payloads = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) payloads.add(i);
        LiteralMatcher m = LiteralMatcher.of(literals, payloads);
        var vocabulary = new Vocabulary().freeze();
        String alphabet = "~/._ sShHrRaAiIdDmcpjonetwlx'\n,";
        var random = new java.util.Random(42);
        for (int round = 0; round < 20_000; round++) {
            var sb = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                sb.append(random.nextInt(4) == 0 ? literals.get(random.nextInt(literals.size()))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String text = sb.toString();
            List<String> expected = new ArrayList<>();
            for (int end = 1; end <= text.length(); end++) {
                for (int len = text.length(); len > 0; len--) {
                    for (int i = 0; i < literals.size(); i++) {
                        String l = literals.get(i);
                        if (l.length() == len && end >= len && text.regionMatches(true, end - len, l, 0, len))
                            expected.add(i + "@" + (end - len));
                    }
                }
            }
            List<String> found = new ArrayList<>();
            m.match(Words.ofText(text, vocabulary), (payload, start, end) -> found.add(payload + "@" + start));
            assertEquals(expected, found, text);
        }
    }
}
