package io.toolrisk.pages;

import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A description as HTML with the evidence quotes highlighted. The text is escaped piece by piece and the
 * highlight tags are put between pieces at the quotes' offsets, so no character of the description can ever
 * become markup. A quote whose offsets do not match the text is not highlighted (it still shows in the
 * evidence table); overlapping quotes merge into one highlight naming all their rules.
 */
public final class DescriptionMarkup {
    private record Span(int start, int end, Set<String> labels, boolean flag) {
    }

    private DescriptionMarkup() {
    }

    /** {@code text} (the {@code field} of a tool) as HTML, with {@code evidence} and {@code flags} on it marked. */
    public static String highlight(String text, String field, List<Evidence> evidence, List<Flag> flags) {
        List<Span> spans = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!e.field().equals(field) || e.end() > text.length() || e.start() >= e.end()) continue;
            if (!text.substring(e.start(), e.end()).equals(e.quote())) continue;
            spans.add(new Span(e.start(), e.end(), new LinkedHashSet<>(List.of(e.rule())), false));
        }
        for (Flag f : flags) {
            if (!f.field().equals(field) || f.quote().isEmpty()) continue;
            int at = text.indexOf(f.quote());
            if (at >= 0) spans.add(new Span(at, at + f.quote().length(), new LinkedHashSet<>(List.of(f.flag().wireName())), true));
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        var out = new StringBuilder(text.length() + 64 * spans.size());
        int position = 0;
        int i = 0;
        while (i < spans.size()) {
            Span merged = spans.get(i++);
            Set<String> labels = new LinkedHashSet<>(merged.labels());
            int end = merged.end();
            boolean flag = merged.flag();
            while (i < spans.size() && spans.get(i).start() < end) {
                end = Math.max(end, spans.get(i).end());
                labels.addAll(spans.get(i).labels());
                flag |= spans.get(i).flag();
                i++;
            }
            int start = Math.max(merged.start(), position);
            if (start >= end) continue;
            Html.appendText(out, text, position, start);
            out.append("<mark class=\"").append(flag ? "flagged" : "evidence").append("\" title=\"")
                    .append(Html.attribute(String.join(", ", labels))).append("\">");
            Html.appendText(out, text, start, end);
            out.append("</mark>");
            position = end;
        }
        Html.appendText(out, text, position, text.length());
        return out.toString();
    }
}
