package io.toolrisk.pages;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A description's markdown (CommonMark) as page elements. The parser only finds the structure: every character
 * still reaches the page as text through {@link Tag}. Raw HTML in the markdown is shown as the text it is (a
 * hidden {@code <!-- comment -->} stays visible), a link is a link only when its scheme is http, https or mailto
 * (otherwise its text is followed by the address, struck through), and images are never loaded: they become links.
 * Text that maps back to the characters the server sent keeps the evidence highlighted ({@link Highlights}).
 */
final class Markdown {
    /** Nesting a page renders: deeper blocks and inlines stay text, so a hostile description cannot exhaust the stack. */
    private static final int MAX_OPEN_BLOCKS = 32;
    private static final int MAX_INLINE_NESTING = 16;
    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .maxOpenBlockParsers(MAX_OPEN_BLOCKS)
            .maxInlineNesting(MAX_INLINE_NESTING)
            .build();

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String source;
    private final Highlights highlights;

    private Markdown(String source, Highlights highlights) {
        this.source = source;
        this.highlights = highlights;
    }

    /** Renders {@code source} into {@code into}, with {@code highlights} (ranges of {@code source}) marked. */
    static void render(Tag into, String source, Highlights highlights) {
        var markdown = new Markdown(source, highlights);
        markdown.children(PARSER.parse(source), into);
    }

    /** The text a reader sees of {@code source}, without markup: for a one-line snippet. */
    static String plain(String source) {
        var out = new StringBuilder(source.length());
        plain(PARSER.parse(source), out);
        return WHITESPACE.matcher(out).replaceAll(" ").strip();
    }

    private static void plain(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> out.append(t.getLiteral());
                case Code c -> out.append(c.getLiteral());
                case HtmlInline h -> out.append(h.getLiteral());
                case HtmlBlock h -> out.append(h.getLiteral()).append(' ');
                case FencedCodeBlock f -> out.append(f.getLiteral()).append(' ');
                case IndentedCodeBlock i -> out.append(i.getLiteral()).append(' ');
                case SoftLineBreak s -> out.append(' ');
                case HardLineBreak h -> out.append(' ');
                default -> {
                    plain(child, out);
                    if (child instanceof Paragraph || child instanceof Heading || child instanceof ListItem) out.append(' ');
                }
            }
        }
    }

    private void children(Node parent, Tag into) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) node(child, into);
    }

    private void node(Node node, Tag into) {
        switch (node) {
            case Paragraph p -> children(p, inTightList(p) ? into : into.add("p"));
            case Heading h -> children(h, into.add("h" + Math.min(6, h.getLevel() + 2)));
            case BlockQuote b -> children(b, into.add("blockquote"));
            case BulletList b -> children(b, into.add("ul"));
            case OrderedList o -> {
                Tag list = into.add("ol");
                Integer start = o.getMarkerStartNumber();
                if (start != null && start != 1) list.attr("start", Integer.toString(start));
                children(o, list);
            }
            case ListItem i -> children(i, into.add("li"));
            case ThematicBreak t -> into.add("hr");
            case Emphasis e -> children(e, into.add("em"));
            case StrongEmphasis s -> children(s, into.add("strong"));
            case SoftLineBreak s -> {
                if (keepsLineBreak(s)) into.add("br");
                else into.text(" ");
            }
            case HardLineBreak h -> into.add("br");
            case Text t -> literal(t, t.getLiteral(), into);
            case Code c -> code(c, into.add("code"));
            case HtmlInline h -> literal(h, h.getLiteral(), into.add("span", "raw-html"));
            case HtmlBlock h -> literal(h, h.getLiteral(), into.add("pre", "raw-html"));
            case FencedCodeBlock f -> literal(f, f.getLiteral(), into.add("pre").add("code"));
            case IndentedCodeBlock i -> literal(i, i.getLiteral(), into.add("pre").add("code"));
            case Link l -> link(l, into);
            case Image i -> image(i, into);
            // Not shown by a markdown renderer, but sent to the model: shown as written, so nothing hides in it.
            case LinkReferenceDefinition d -> literal(d, sourceOf(d), into.add("pre", "raw-html"));
            default -> children(node, into);
        }
    }

    /**
     * True when a line break inside a paragraph is kept: after a line ending in a colon, or before an indented line
     * ("Args:" then "  path: ..."). Elsewhere it is a space, as CommonMark has it: most descriptions wrap their prose
     * at a fixed width, and keeping those breaks leaves ragged lines.
     */
    private boolean keepsLineBreak(SoftLineBreak lineBreak) {
        if (lineBreak.getPrevious() instanceof Text before && before.getLiteral().stripTrailing().endsWith(":")) return true;
        Node after = lineBreak.getNext();
        if (after == null || after.getSourceSpans().isEmpty()) return false;
        int start = after.getSourceSpans().getFirst().getInputIndex();
        return start > 0 && (source.charAt(start - 1) == ' ' || source.charAt(start - 1) == '\t');
    }

    /** A paragraph of a tight list item is its text alone, as CommonMark's own renderer writes it. */
    private static boolean inTightList(Paragraph paragraph) {
        return paragraph.getParent() instanceof ListItem item && item.getParent() instanceof ListBlock list && list.isTight();
    }

    private void link(Link link, Tag into) {
        Optional<Href> href = Href.external(link.getDestination());
        if (href.isPresent()) {
            Tag a = into.add("a").href(href.get());
            if (link.getTitle() != null && !link.getTitle().isEmpty()) a.attr("title", link.getTitle());
            children(link, a);
            return;
        }
        children(link, into);
        into.text(" ");
        into.add("del", "dropped-link").attr("title", "not linked: only http, https and mailto addresses are")
                .text(link.getDestination());
    }

    private void image(Image image, Tag into) {
        Optional<Href> href = Href.external(image.getDestination());
        Tag label = href.isPresent() ? into.add("a", "image-link").href(href.get()) : into.add("span", "image-link");
        label.text("image: ");
        children(image, label);
        if (href.isEmpty()) {
            into.text(" ");
            into.add("del", "dropped-link").attr("title", "not linked: only http, https and mailto addresses are")
                    .text(image.getDestination());
        }
    }

    private void code(Code code, Tag into) {
        List<SourceSpan> spans = code.getSourceSpans();
        if (spans.size() == 1) {
            SourceSpan span = spans.getFirst();
            String written = source.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
            int at = written.indexOf(code.getLiteral());
            if (at >= 0) {
                highlights.write(into, code.getLiteral(), span.getInputIndex() + at);
                return;
            }
        }
        whole(code, code.getLiteral(), into);
    }

    /** Writes {@code literal}, the text of {@code node}, mapped back to the source where it can be. */
    private void literal(Node node, String literal, Tag into) {
        Highlights.Mapped mapped = mapped(node.getSourceSpans(), literal);
        if (mapped != null) highlights.write(into, mapped);
        else whole(node, literal, into);
    }

    private void whole(Node node, String literal, Tag into) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            into.text(literal);
            return;
        }
        SourceSpan last = spans.getLast();
        highlights.writeWhole(into, literal, spans.getFirst().getInputIndex(), last.getInputIndex() + last.getLength());
    }

    /**
     * {@code literal} with the offset in the source of each of its characters, when it is the spans' characters as
     * they are (line breaks between spans allowed; a NUL, which the parser makes U+FFFD, is given back so that it
     * shows as the marker of a NUL); null otherwise.
     */
    private Highlights.Mapped mapped(List<SourceSpan> spans, String literal) {
        if (spans.isEmpty()) return null;
        char[] text = literal.toCharArray();
        int[] offsets = new int[text.length];
        int at = 0;
        for (SourceSpan span : spans) {
            if (at > 0 && at < text.length && text[at] == '\n') offsets[at++] = -1;
            for (int k = 0; k < span.getLength(); k++) {
                if (at >= text.length) return null;
                int from = span.getInputIndex() + k;
                char written = source.charAt(from);
                if (text[at] != written && !(written == 0 && text[at] == '\uFFFD')) return null;
                text[at] = written;
                offsets[at++] = from;
            }
        }
        while (at < text.length && text[at] == '\n') offsets[at++] = -1;
        return at == text.length ? new Highlights.Mapped(new String(text), offsets) : null;
    }

    private String sourceOf(Node node) {
        var out = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            if (!out.isEmpty()) out.append('\n');
            out.append(source, span.getInputIndex(), span.getInputIndex() + span.getLength());
        }
        return out.toString();
    }
}
