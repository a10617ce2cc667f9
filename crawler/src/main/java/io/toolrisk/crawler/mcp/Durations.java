package io.toolrisk.crawler.mcp;

import java.time.Duration;

/** Durations in messages, as people write them: {@code 30s}, {@code 500ms}, {@code 2m} (the CLI reads them: OptionConverters). */
public final class Durations {
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
}
