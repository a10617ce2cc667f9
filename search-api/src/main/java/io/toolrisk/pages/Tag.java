package io.toolrisk.pages;

import org.jsoup.nodes.Element;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * An element of a page being built: the only way the pages make markup. Untrusted text can only enter as text
 * ({@link #text}), attribute values are always escaped, links only take an {@link Href}, and neither raw HTML
 * nor an element that would run or load something ({@code script}, {@code style}, {@code iframe}, {@code img})
 * can be added: a page built with it cannot carry a crawled server's markup, whatever the server sent.
 *
 * <p>Characters a reader cannot see (controls, bidi overrides, zero-width and tag characters: Unicode categories
 * Cc and Cf) become a visible {@code U+XXXX} marker in text, because a hidden instruction should not stay hidden on
 * the page that reports it. Not thread-safe: one page is built by one thread.
 */
final class Tag {
    /** Elements the pages use; none of them runs, loads or embeds anything. */
    private static final Set<String> ELEMENTS = Set.of(
            "a", "aside", "blockquote", "br", "button", "code", "dd", "del", "details", "div", "dl", "dt", "em",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "input",
            "label", "li", "main", "mark", "nav", "ol", "option", "p", "pre", "q", "section", "select", "small",
            "span", "strong", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
            "svg", "g", "rect", "text", "title");
    /** Attributes the pages set; no event handler, no style, no URL (those go through {@link #href}, {@link #action}). */
    private static final Set<String> ATTRIBUTES = Set.of(
            "aria-current", "aria-hidden", "aria-label", "aria-live", "class", "colspan", "download", "enterkeyhint", "height", "hidden", "id", "lang", "method", "name", "open", "placeholder",
            "preserveAspectRatio", "rel", "role", "selected", "start", "tabindex", "text-anchor", "title", "type",
            "value", "viewBox", "width", "x", "y", "rx", "fill", "font-size", "dominant-baseline", "focusable");

    /** Data attributes are inert: only our script reads them. */
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("data-[a-z]+(-[a-z]+)*");

    private final Element element;

    private Tag(Element element) {
        this.element = element;
    }

    /** The element {@code element} of a page's document; only {@link Page} makes one this way. */
    static Tag wrap(Element element) {
        return new Tag(element);
    }

    /** A new last child {@code <name>}. */
    Tag add(String name) {
        if (!ELEMENTS.contains(name))
            throw new IllegalArgumentException("element '%s' is not one a page may hold (allowed: %s)".formatted(name, ELEMENTS));
        return new Tag(element.appendElement(name));
    }

    /** A new last child {@code <name class="cssClass">}. */
    Tag add(String name, String cssClass) {
        return add(name).cls(cssClass);
    }

    /** Appends {@code text} as text, with invisible characters shown as markers; returns this element. */
    Tag text(String text) {
        var run = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '\n' || cp == '\t') {
                run.append((char) cp);
            } else if (cp == '\r') {
                // Dropped: a line break is a \n; a bare \r would only matter inside pre-formatted text.
            } else if (Character.getType(cp) == Character.SURROGATE) {
                run.append('\uFFFD');
            } else if (Invisible.is(cp)) {
                flush(run);
                element.appendElement("span").addClass("invisible").appendText(Invisible.marker(cp));
            } else {
                run.appendCodePoint(cp);
            }
            i += width;
        }
        flush(run);
        return this;
    }

    private void flush(StringBuilder run) {
        if (run.isEmpty()) return;
        element.appendText(run.toString());
        run.setLength(0);
    }

    /** Sets attribute {@code name} to {@code value}, escaped; controls in it become spaces. */
    Tag attr(String name, String value) {
        element.attr(allowed(name), Invisible.blank(value));
        return this;
    }

    /** Sets the boolean attribute {@code name} ({@code selected}, {@code open}, {@code hidden}). */
    Tag flag(String name) {
        element.attr(allowed(name), true);
        return this;
    }

    private static String allowed(String name) {
        if (!ATTRIBUTES.contains(name) && !DATA_ATTRIBUTE.matcher(name).matches())
            throw new IllegalArgumentException("attribute '%s' is not one a page may set (allowed: data-*, %s)".formatted(name, ATTRIBUTES));
        return name;
    }

    Tag cls(String cssClass) {
        element.addClass(cssClass);
        return this;
    }

    Tag id(String id) {
        return attr("id", id);
    }

    /** The element's link: {@code href} of an {@code a}; a link that leaves the site never passes a referrer. */
    Tag href(Href href) {
        element.attr("href", href.value());
        if (href.external()) element.attr("rel", "nofollow noopener noreferrer ugc");
        return this;
    }

    /** Where a form is sent: one of our own pages. */
    Tag action(Href href) {
        if (href.external()) throw new IllegalArgumentException("a form is only sent to our own pages, not to " + href.value());
        element.attr("action", href.value());
        return this;
    }

    /** A link {@code <a href>} with {@code text}. */
    Tag link(Href href, String text) {
        return add("a").href(href).text(text);
    }
}
