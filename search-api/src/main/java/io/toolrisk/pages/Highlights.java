package io.toolrisk.pages;

import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The quoted spans of one field of a tool (the evidence of its rules and the quotes of its flags), as character
 * ranges of the text the server sent, merged where they overlap. Text written with {@link #write} is marked where it
 * came from inside a range, so the quotes stay marked when the text is shown differently (as rendered markdown).
 * A quote whose offsets do not match the text is not marked (it still shows in the evidence table).
 */
final class Highlights {
    /** Characters {@code [start, end)} of the field, quoted by {@code labels} (rule ids, flag names). */
    record Range(int start, int end, List<String> labels, boolean flag) {
        Range {
            labels = List.copyOf(labels);
        }

        String title() {
            return String.join(", ", labels);
        }
    }

    /** A text to write, and for each of its characters the offset in the field it came from (-1: none). */
    record Mapped(String text, int[] offsets) {
    }

    static final Highlights NONE = new Highlights(List.of());

    private final List<Range> ranges;

    private Highlights(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The quotes of {@code field} ({@code text} as the server sent it) in {@code evidence} and {@code flags}. */
    static Highlights of(String text, String field, List<Evidence> evidence, List<Flag> flags) {
        record Quote(int start, int end, String label, boolean flag) {
        }
        List<Quote> quotes = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!e.field().equals(field) || e.end() > text.length() || e.start() >= e.end()) continue;
            if (!text.substring(e.start(), e.end()).equals(e.quote())) continue;
            quotes.add(new Quote(e.start(), e.end(), e.rule(), false));
        }
        for (Flag f : flags) {
            if (!f.field().equals(field) || f.quote().isEmpty()) continue;
            int at = text.indexOf(f.quote());
            if (at >= 0) quotes.add(new Quote(at, at + f.quote().length(), f.flag().wireName(), true));
        }
        quotes.sort(Comparator.comparingInt(Quote::start).thenComparingInt(Quote::end));
        List<Range> merged = new ArrayList<>();
        int i = 0;
        while (i < quotes.size()) {
            Quote first = quotes.get(i++);
            Set<String> labels = new LinkedHashSet<>(List.of(first.label()));
            int end = first.end();
            boolean flag = first.flag();
            while (i < quotes.size() && quotes.get(i).start() < end) {
                end = Math.max(end, quotes.get(i).end());
                labels.add(quotes.get(i).label());
                flag |= quotes.get(i).flag();
                i++;
            }
            merged.add(new Range(first.start(), end, List.copyOf(labels), flag));
        }
        return new Highlights(merged);
    }

    List<Range> ranges() {
        return ranges;
    }

    /** Writes {@code text}, which is the field's characters from {@code start} on, into {@code into}. */
    void write(Tag into, String text, int start) {
        int[] offsets = new int[text.length()];
        for (int i = 0; i < offsets.length; i++) offsets[i] = start + i;
        write(into, new Mapped(text, offsets));
    }

    /** Writes {@code mapped} into {@code into}, each run of characters from one range inside a {@code mark}. */
    void write(Tag into, Mapped mapped) {
        String text = mapped.text();
        int i = 0;
        while (i < text.length()) {
            int range = rangeOf(mapped.offsets()[i]);
            int j = i + 1;
            while (j < text.length() && rangeOf(mapped.offsets()[j]) == range) j++;
            String run = text.substring(i, j);
            if (range < 0) into.text(run);
            else mark(into, range).text(run);
            i = j;
        }
    }

    /**
     * Writes {@code text}, which came from the field's characters {@code [start, end)} in a way that cannot be
     * mapped character by character (an entity decoded, a code block's fences dropped): all of it marked when a
     * range touches that part of the field.
     */
    void writeWhole(Tag into, String text, int start, int end) {
        List<Integer> touched = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            if (ranges.get(r).start() < end && start < ranges.get(r).end()) touched.add(r);
        }
        if (touched.isEmpty()) {
            into.text(text);
            return;
        }
        Set<String> labels = new LinkedHashSet<>();
        boolean flag = false;
        for (int r : touched) {
            labels.addAll(ranges.get(r).labels());
            flag |= ranges.get(r).flag();
        }
        into.add("mark", flag ? "flagged" : "evidence").attr("title", String.join(", ", labels)).text(text);
    }

    private Tag mark(Tag into, int range) {
        Range r = ranges.get(range);
        return into.add("mark", r.flag() ? "flagged" : "evidence").attr("title", r.title());
    }

    /** The index of the range holding {@code offset}, or -1. */
    private int rangeOf(int offset) {
        if (offset < 0) return -1;
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Range r = ranges.get(mid);
            if (offset < r.start()) high = mid - 1;
            else if (offset >= r.end()) low = mid + 1;
            else return mid;
        }
        return -1;
    }
}
