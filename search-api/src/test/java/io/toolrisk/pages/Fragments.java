package io.toolrisk.pages;

import java.util.function.Consumer;

/** The HTML a piece of a page is written as: what {@code build} adds to an empty body. */
final class Fragments {
    private Fragments() {
    }

    static String html(Consumer<Tag> build) {
        var page = new Page("test");
        build.accept(page.body());
        String html = page.html();
        return html.substring(html.indexOf("<body>") + "<body>".length(), html.lastIndexOf("</body>"));
    }
}
