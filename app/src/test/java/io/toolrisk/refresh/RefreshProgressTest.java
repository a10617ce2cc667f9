package io.toolrisk.refresh;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefreshProgressTest {
    /** A clock that reads what the test set. */
    private static final class SetClock extends Clock {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theFinalLineIsPrintedOnceWhenTheLastServerAlreadyPrintedIt() {
        var clock = new SetClock();
        var bytes = new ByteArrayOutputStream();
        var progress = new RefreshProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, Duration.ofSeconds(2), 2);
        progress.serverDone(true, 5);
        clock.now = clock.now.plusSeconds(3);
        progress.serverDone(true, 7);
        progress.finish();
        assertEquals(List.of("refresh: 1/2 servers crawled (0 failed), 5 tools, 0:00 elapsed, ETA 0:00",
                "refresh: 2/2 servers crawled (0 failed), 12 tools, 0:03 elapsed"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void finishPrintsTheFinalStateWhenTheIntervalHeldItBack() {
        var clock = new SetClock();
        var bytes = new ByteArrayOutputStream();
        var progress = new RefreshProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, Duration.ofSeconds(2), 2);
        progress.serverDone(true, 5);
        progress.serverDone(false, 0);
        progress.finish();
        assertEquals(List.of("refresh: 1/2 servers crawled (0 failed), 5 tools, 0:00 elapsed, ETA 0:00",
                "refresh: 2/2 servers crawled (1 failed), 5 tools, 0:00 elapsed"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
