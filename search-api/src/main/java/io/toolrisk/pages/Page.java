package io.toolrisk.pages;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Elements;

import java.nio.charset.StandardCharsets;

/**
 * One HTML document: a head made of fixed parts and the escaped title, and a body built with {@link Tag}. The
 * document model writes the markup, so the only way text reaches the output is escaped.
 */
final class Page {
    static final String STYLESHEET = "/style.css";
    /** The one script of the pages (copy buttons); every page works without it. */
    static final String SCRIPT = "/pages.js";

    private final Document document = Document.createShell("");

    /** A page titled {@code title} (any text; invisible characters show as {@code [U+XXXX]}). */
    Page(String title) {
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.xhtml);
        document.insertChildren(0, new DocumentType("html", "", ""));
        document.selectFirst("html").attr("lang", "en");
        document.head().appendElement("meta").attr("charset", "utf-8");
        document.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        document.head().appendElement("title").appendText(Invisible.bracketed(title) + " · ToolRisk");
        document.head().appendElement("link").attr("rel", "stylesheet").attr("href", STYLESHEET);
    }

    /** Makes the browser load the page again every {@code seconds}: progress that updates itself without script. */
    void reloadEvery(int seconds) {
        document.head().appendElement("meta").attr("http-equiv", "refresh").attr("content", Integer.toString(seconds));
    }

    /** Loads {@link #SCRIPT}, which only adds to a page that works without it. */
    void withScript() {
        document.head().appendElement("script").attr("src", SCRIPT).attr("defer", true);
    }

    Tag body() {
        return Tag.wrap(document.body());
    }

    String html() {
        labelCells();
        return document.outerHtml() + "\n";
    }

    /**
     * Gives every cell of a table made by {@link Blocks#table} its column's name ({@code data-label}), so that on a
     * narrow screen the stylesheet shows each row as a card of labelled lines instead of a table wider than the screen.
     */
    private void labelCells() {
        for (Element table : document.select("div.scroll > table")) {
            Elements rows = table.select("> tr, > tbody > tr");
            if (rows.isEmpty()) continue;
            Elements columns = rows.getFirst().children();
            for (Element row : rows.subList(1, rows.size())) {
                Elements cells = row.children();
                for (int i = 0; i < cells.size() && i < columns.size(); i++) cells.get(i).attr("data-label", columns.get(i).text());
            }
        }
    }
}
