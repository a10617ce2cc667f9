package io.toolrisk.pages;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The split of some tools by category and by severity, drawn on the server as SVG (two stacked bars and a legend):
 * no chart library, no script, the same picture in every browser and in a page saved to disk.
 */
final class SplitChart {
    /** Narrow enough that its text stays readable when a phone shrinks it to the screen; labels sit above the bars. */
    private static final int WIDTH = 400;
    private static final int LABEL_HEIGHT = 20;
    private static final int BAR_HEIGHT = 26;
    private static final int ROW = LABEL_HEIGHT + BAR_HEIGHT + 10;
    /** A segment narrower than this shows no count inside it (its legend entry and tooltip still do). */
    private static final double MIN_LABELLED_WIDTH = 28;

    /** One part of a bar: its name, count, fill and the colour of text on it. */
    private record Part(String name, long count, String fill, String ink) {
    }

    private SplitChart() {
    }

    /**
     * The chart of {@code categories} (counts of tools per category) in a {@code figure} with {@code caption}; each
     * legend entry links to its tools ({@code categoryLink}, {@code severityLink}).
     */
    static void render(Tag into, String id, String caption, Map<Category, Long> categories,
                       Function<Category, Href> categoryLink, Function<Severity, Href> severityLink) {
        Tag figure = into.add("figure", "chart").id(id);
        figure.add("figcaption").text(caption);
        long total = categories.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            figure.add("p", "none").text("No tools to chart.");
            return;
        }
        List<Part> byCategory = categoryParts(categories);
        List<Part> bySeverity = severityParts(categories);
        Tag svg = figure.add("svg").attr("viewBox", "0 0 %d %d".formatted(WIDTH, 2 * ROW - 10)).attr("role", "img")
                .attr("class", "split").attr("focusable", "false")
                .attr("aria-label", "Tools by category: " + summary(byCategory) + ". By severity: " + summary(bySeverity) + ".");
        bar(svg, "category", 0, byCategory, total);
        bar(svg, "severity", ROW, bySeverity, total);
        Tag legend = figure.add("div", "legend");
        Tag categoryLegend = legend.add("ul", "legend-category");
        for (Category c : Category.values())
            legendEntry(categoryLegend, part(byCategory, c.wireName()), total, categoryLink.apply(c), "category-" + c.wireName());
        Tag severityLegend = legend.add("ul", "legend-severity");
        for (Severity s : Severity.values())
            legendEntry(severityLegend, part(bySeverity, s.wireName()), total, severityLink.apply(s), "severity-" + s.wireName());
    }

    /** What the colours of the bars mean: one entry per category. */
    static void key(Tag into) {
        Tag list = into.add("div", "legend").add("ul", "legend-category").attr("aria-label", "Colours of the bars");
        for (Part p : categoryParts(Map.of())) {
            Tag item = list.add("li");
            item.add("span", "swatch").cls("category-" + p.name()).attr("aria-hidden", "true");
            item.text(p.name());
        }
    }

    /** A thin bar of {@code categories}, for a list of servers: a tooltip per part, the counts in its label. */
    static void miniBar(Tag into, Map<Category, Long> categories) {
        long total = categories.values().stream().mapToLong(Long::longValue).sum();
        List<Part> parts = categoryParts(categories);
        Tag svg = into.add("svg").attr("class", "mini-bar").attr("viewBox", "0 0 100 8").attr("preserveAspectRatio", "none")
                .attr("role", "img").attr("focusable", "false")
                .attr("aria-label", total == 0 ? "no tools" : "Tools by category: " + summary(parts));
        if (total == 0) {
            svg.add("rect").attr("width", "100").attr("height", "8").attr("fill", "#e8ecf0");
            return;
        }
        double x = 0;
        for (Part p : parts) {
            if (p.count() == 0) continue;
            double width = 100.0 * p.count() / total;
            Tag rect = svg.add("rect").attr("x", number(x)).attr("width", number(width)).attr("height", "8").attr("fill", p.fill());
            rect.add("title").text("%s: %,d".formatted(p.name(), p.count()));
            x += width;
        }
    }

    private static void bar(Tag svg, String label, int top, List<Part> parts, long total) {
        svg.add("text").attr("x", "0").attr("y", Integer.toString(top + LABEL_HEIGHT - 6)).attr("font-size", "14")
                .attr("fill", "#5b6672").text(label);
        int barTop = top + LABEL_HEIGHT;
        double x = 0;
        for (Part p : parts) {
            if (p.count() == 0) continue;
            double width = (double) WIDTH * p.count() / total;
            Tag segment = svg.add("g");
            segment.add("title").text("%s: %,d (%s)".formatted(p.name(), p.count(), percent(p.count(), total)));
            segment.add("rect").attr("x", number(x)).attr("y", Integer.toString(barTop)).attr("width", number(width))
                    .attr("height", Integer.toString(BAR_HEIGHT)).attr("fill", p.fill());
            if (width >= MIN_LABELLED_WIDTH) {
                segment.add("text").attr("x", number(x + width / 2)).attr("y", Integer.toString(barTop + BAR_HEIGHT / 2 + 5))
                        .attr("text-anchor", "middle").attr("font-size", "13").attr("fill", p.ink())
                        .text("%,d".formatted(p.count()));
            }
            x += width;
        }
    }

    private static void legendEntry(Tag list, Part part, long total, Href link, String badgeClass) {
        Tag item = list.add("li");
        item.add("span", "swatch").cls(badgeClass).attr("aria-hidden", "true");
        item.add("a").href(link).text(part.name());
        item.text(" ").add("span", "count").text("%,d · %s".formatted(part.count(), percent(part.count(), total)));
    }

    private static List<Part> categoryParts(Map<Category, Long> categories) {
        List<Part> parts = new ArrayList<>();
        for (Category c : Category.values()) {
            long n = categories.getOrDefault(c, 0L);
            parts.add(switch (c) {
                case READ -> new Part("read", n, "#2e7d32", "#ffffff");
                case WRITE -> new Part("write", n, "#f2b705", "#1d232b");
                case EXECUTE -> new Part("execute", n, "#e8710a", "#1d232b");
                case DESTRUCTIVE -> new Part("destructive", n, "#c62828", "#ffffff");
                case FINANCIAL -> new Part("financial", n, "#6a1b9a", "#ffffff");
            });
        }
        return parts;
    }

    private static List<Part> severityParts(Map<Category, Long> categories) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0L);
        categories.forEach((c, n) -> counts.merge(c.severity(), n, Long::sum));
        List<Part> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = counts.get(s);
            parts.add(switch (s) {
                case LOW -> new Part("low", n, "#2e7d32", "#ffffff");
                case MEDIUM -> new Part("medium", n, "#f2b705", "#1d232b");
                case HIGH -> new Part("high", n, "#e8710a", "#1d232b");
                case CRITICAL -> new Part("critical", n, "#c62828", "#ffffff");
            });
        }
        return parts;
    }

    private static Part part(List<Part> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String summary(List<Part> parts) {
        List<String> pieces = new ArrayList<>();
        for (Part p : parts) pieces.add("%s %,d".formatted(p.name(), p.count()));
        return String.join(", ", pieces);
    }

    private static String percent(long count, long total) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * count / total);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
