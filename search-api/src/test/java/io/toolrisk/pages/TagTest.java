package io.toolrisk.pages;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagTest {
    @Test
    void textIsEscapedWhateverItHolds() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=\"x\"&gt; 'q'</p>",
                Fragments.html(body -> body.add("p").text("<script>alert(1)</script> & <img src=x onerror=\"x\"> 'q'")));
    }

    @Test
    void attributeValuesAreEscapedAndControlsBecomeSpaces() {
        assertEquals("<p title=\"a&quot; onmouseover=&quot;x b&lt;c\"></p>",
                Fragments.html(body -> body.add("p").attr("title", "a\" onmouseover=\"x\u0007b<c")));
        assertEquals("<input value=\"x\uFFFD\">", Fragments.html(body -> body.add("input").attr("value", "x\uD800")));
    }

    @Test
    void invisibleCharactersBecomeVisibleMarkers() {
        assertEquals("<p>a<span class=\"invisible\">U+202E</span>b<span class=\"invisible\">U+200B</span>c"
                        + "<span class=\"invisible\">U+0000</span>d</p>",
                Fragments.html(body -> body.add("p").text("a\u202Eb\u200Bc\u0000d")));
    }

    @Test
    void invisibleCharactersBeyondTheBasicPlaneBecomeMarkersToo() {
        String smuggled = "read" + new String(Character.toChars(0xE0069)) + new String(Character.toChars(0xE0067));
        assertEquals("<p>read<span class=\"invisible\">U+E0069</span><span class=\"invisible\">U+E0067</span></p>",
                Fragments.html(body -> body.add("p").text(smuggled)));
        assertEquals("<p>\uD83D\uDE00</p>", Fragments.html(body -> body.add("p").text("\uD83D\uDE00")), "a visible emoji stays as it is");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("<p>x\uFFFDy\uFFFD</p>", Fragments.html(body -> body.add("p").text("x\uD800y\uDC00")));
        // A supplementary character whose low 16 bits look like a surrogate is still itself.
        String high = new String(Character.toChars(0x1D800));
        assertEquals(high, Jsoup.parse(Fragments.html(body -> body.add("p").text(high))).text());
    }

    @Test
    void theTitleShowsInvisibleCharactersAsTextAndMarkupAsText() {
        String html = new Page("safe\u202Etxt.exe <b>\n" + new String(Character.toChars(0xE0069))).html();
        assertTrue(html.contains("<title>safe[U+202E]txt.exe &lt;b&gt; [U+E0069] · ToolRisk</title>"), html);
    }

    @Test
    void elementsThatRunOrLoadSomethingCannotBeAdded() {
        for (String name : List.of("script", "style", "iframe", "img", "object", "embed", "base", "link", "meta", "form2", "SCRIPT")) {
            var e = assertThrows(IllegalArgumentException.class, () -> Fragments.html(body -> body.add(name)), name);
            assertTrue(e.getMessage().startsWith("element '" + name + "' is not one a page may hold"), e.getMessage());
        }
    }

    @Test
    void eventHandlersStylesAndUrlsCannotBeSetAsAttributes() {
        for (String name : List.of("onclick", "onerror", "style", "href", "src", "action", "formaction", "srcdoc", "data-X", "data-"))
            assertThrows(IllegalArgumentException.class, () -> Fragments.html(body -> body.add("a").attr(name, "x")), name);
        assertEquals("<div data-copy=\"policy-text\"></div>", Fragments.html(body -> body.add("div").attr("data-copy", "policy-text")));
    }

    @Test
    void linksTakeOnlyOurPathsOrHttpHttpsAndMailto() {
        assertEquals(Optional.empty(), Href.external("javascript:alert(1)"));
        assertEquals(Optional.empty(), Href.external("JavaScript:alert(1)"));
        assertEquals(Optional.empty(), Href.external("java\nscript:alert(1)"));
        assertEquals(Optional.empty(), Href.external(" javascript:alert(1)"));
        assertEquals(Optional.empty(), Href.external("data:text/html,<script>alert(1)</script>"));
        assertEquals(Optional.empty(), Href.external("vbscript:x"));
        assertEquals(Optional.empty(), Href.external("/relative"));
        assertEquals(Optional.empty(), Href.external("//evil.example/x"));
        assertEquals(Optional.empty(), Href.external("https:///no-host"));
        assertEquals("https://example.com/a?b=c#d", Href.external("https://example.com/a?b=c#d").orElseThrow().value());
        assertEquals("mailto:someone@example.com", Href.external("mailto:someone@example.com").orElseThrow().value());
        for (String bad : List.of("//evil.example", "/\\evil.example", "javascript:x", "/a b", "/a\"b", "/a<b", "relative"))
            assertThrows(IllegalArgumentException.class, () -> Href.local(bad), bad);
        assertEquals("<a href=\"https://example.com/\" rel=\"nofollow noopener noreferrer ugc\">x</a>",
                Fragments.html(body -> body.add("a").href(Href.external("https://example.com/").orElseThrow()).text("x")));
    }
}
