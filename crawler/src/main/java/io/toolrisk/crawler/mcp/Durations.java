package io.toolrisk.crawler.mcp;

import java.time.Duration;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 30s}, {@code 500ms}, {@code 2m}. */
public final class Durations {
    /** A whole number and its unit, seconds when none is given. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private Durations() {
    }

    /** The largest whole unit of {@code d}: {@code 6h}, {@code 90m}, {@code 30s}, {@code 1500ms}. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) return millis / 3_600_000 + "h";
        if (millis % 60_000 == 0 && millis > 0) return millis / 60_000 + "m";
        if (millis % 1000 == 0) return millis / 1000 + "s";
        return millis + "ms";
    }

    /**
     * Parses {@code 30s}, {@code 500ms}, {@code 2m} or a plain number of seconds.
     *
     * @throws IllegalArgumentException for anything else, quoting it
     */
    public static Duration parse(String text) {
        var m = DURATION.matcher(text.strip());
        if (!m.matches())
            throw new IllegalArgumentException("invalid duration '%s': expected a number with ms, s, m or h, like 30s"
                    .formatted(text));
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
