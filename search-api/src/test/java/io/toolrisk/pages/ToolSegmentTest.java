package io.toolrisk.pages;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ToolSegmentTest {
    @Test
    void ordinaryNamesAreTheirOwnSegment() {
        for (String name : List.of("delete_repo", "name with spaces+plus", "a~b", "a~", "a/b", "...", ".a", "%41", "x~~",
                "\uD83D\uDE00", "\uFFFD", "ÄÖÜ"))
            assertEquals(name, ToolSegment.encode(name), name);
    }

    @Test
    void namesWithNulLoneSurrogatesALeadingTildeOrOnlyDotsAreEscaped() {
        assertEquals("~a~0000b", ToolSegment.encode("a\u0000b"));
        assertEquals("~x~D800", ToolSegment.encode("x\uD800"));
        assertEquals("~~DC00y", ToolSegment.encode("\uDC00y"));
        assertEquals("~~DC00~D800", ToolSegment.encode("\uDC00\uD800"));
        assertEquals("~~~home", ToolSegment.encode("~home"));
        assertEquals("~~~", ToolSegment.encode("~"));
        assertEquals("~a~~b~0000", ToolSegment.encode("a~b\u0000"));
        assertEquals("~.", ToolSegment.encode("."));
        assertEquals("~..", ToolSegment.encode(".."));
    }

    @Test
    void everyNameComesBackFromItsSegment() {
        char[] alphabet = {'a', 'Z', '0', 'F', '~', '.', '\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', ' ', '/', '%', 'é'};
        var random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            var name = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) name.append(alphabet[random.nextInt(alphabet.length)]);
            String segment = ToolSegment.encode(name.toString());
            assertEquals(Optional.of(name.toString()), ToolSegment.decode(segment), () -> "segment " + segment);
        }
    }

    @Test
    void segmentsNoNameHasAreRefused() {
        for (String segment : List.of("~abc", "~0041", "~~0041", "~a~00", "~a~zzzz", "~a~00e9", "~a~"))
            assertEquals(Optional.empty(), ToolSegment.decode(segment), segment);
        assertEquals(Optional.of("~"), ToolSegment.decode("~~~"));
        assertEquals(Optional.of(""), ToolSegment.decode(""));
    }
}
