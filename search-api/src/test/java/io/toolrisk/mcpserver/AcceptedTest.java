package io.toolrisk.mcpserver;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which form a POST's answer takes, by its Accept header. */
class AcceptedTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "application/json, text/event-stream | JSON",
            "text/event-stream, application/json | JSON",
            "text/event-stream | EVENT_STREAM",
            "text/event-stream;q=1, application/json;q=0 | EVENT_STREAM",
            "application/json;q=0.0, text/* | EVENT_STREAM",
            "application/json; q=0.5 | JSON",
            "*/* | JSON",
            "- | JSON",
            "text/html | NEITHER",
            "application/json;q=0 | NEITHER"})
    void jsonWheneverAcceptedAnEventStreamWhenOnlyThat(String header, Accepted expected) {
        assertEquals(expected, Accepted.of(header));
    }
}
