package io.toolrisk.crawler.mcp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT6H, 6h", "PT90M, 90m", "PT2H30M, 150m", "PT30S, 30s", "PT1.5S, 1500ms", "PT0S, 0s", "PT24H, 24h"})
    void aDurationIsWrittenInItsLargestWholeUnit(String iso, String written) {
        assertEquals(written, Durations.format(Duration.parse(iso)));
    }
}
