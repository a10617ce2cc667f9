package io.toolrisk.crawler.http;

import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseReaderTest {
    private static final int LIMIT = 1024;
    private static final String OVER_THE_LIMIT = "server sent an event stream message over the 1,024-byte limit";

    private static SseReader reader(String stream) {
        return new SseReader(new Buffer().writeUtf8(stream), LIMIT);
    }

    private static List<String> events(String stream) throws IOException {
        SseReader reader = reader(stream);
        List<String> events = new ArrayList<>();
        for (Optional<SseReader.Event> e; (e = reader.next()).isPresent(); ) events.add(e.get().type() + ": " + e.get().text());
        return events;
    }

    @Test
    void eventsAreTypedTheirDataLinesJoinedAndCommentsAndOtherFieldsSkipped() throws IOException {
        assertEquals(List.of("message: {\"a\":\n1}", "endpoint: /messages?session=7", "message: last"), events("""
                : a comment
                id: 3
                retry: 100
                data: {"a":
                data:1}

                event: endpoint
                data: /messages?session=7\r
                \r
                event: ping

                data: last
                """ + "\n"));
    }

    @Test
    void anEventCutOffByTheEndOfTheStreamIsDropped() throws IOException {
        assertEquals(List.of("message: whole"), events("data: whole\n\ndata: cut off"));
    }

    @Test
    void dataLinesOfOneEventThatTogetherPassTheLimitFailTheEvent() {
        // Every line is short: only the bound on the event's data as a whole stops it.
        String line = "data: " + "x".repeat(99) + "\n";
        SseReader reader = reader(line.repeat(11) + "\n");
        var e = assertThrows(BadAnswerException.class, reader::next);
        assertEquals(OVER_THE_LIMIT, e.getMessage());
    }

    @Test
    void theBoundIsPerEventSoManyEventsJustUnderItAreAllRead() throws IOException {
        String event = "data: " + "x".repeat(LIMIT) + "\n\n";
        SseReader reader = reader(event.repeat(50));
        int read = 0;
        for (Optional<SseReader.Event> e; (e = reader.next()).isPresent(); read++) assertEquals(LIMIT, e.get().data().length);
        assertEquals(50, read);
    }

    @Test
    void anEventOfExactlyTheLimitIsReadOnOneLineWithOrWithoutACarriageReturn() throws IOException {
        for (String end : List.of("\n", "\r\n")) {
            SseReader reader = reader("data: " + "x".repeat(LIMIT) + end + end);
            assertEquals(LIMIT, reader.next().orElseThrow().data().length, end.length() + "-byte line ends");
        }
    }

    @Test
    void anEventOneByteOverTheLimitFailsOnOneLineOrSeveral() {
        for (String stream : List.of("data: " + "x".repeat(LIMIT + 1) + "\n\n",
                "data: " + "x".repeat(LIMIT / 2) + "\ndata: " + "x".repeat(LIMIT / 2) + "\n\n")) {
            SseReader reader = reader(stream);
            assertEquals(OVER_THE_LIMIT, assertThrows(BadAnswerException.class, reader::next).getMessage());
        }
    }

    @Test
    void aStreamThatNeverSendsALineBreakFailsAfterReadingLittleMoreThanTheLimit() {
        var endless = new EndlessSource("data: " + "x".repeat(8000));
        var reader = new SseReader(Okio.buffer(endless), LIMIT);
        assertEquals(OVER_THE_LIMIT, assertThrows(BadAnswerException.class, reader::next).getMessage());
        assertTrue(endless.served < LIMIT + 2 * 8192, "read " + endless.served + " bytes");
    }

    @Test
    void anEventOfEndlessShortDataLinesFailsAfterReadingLittleMoreThanTheLimit() {
        var endless = new EndlessSource("data: x\n");
        var reader = new SseReader(Okio.buffer(endless), LIMIT);
        assertEquals(OVER_THE_LIMIT, assertThrows(BadAnswerException.class, reader::next).getMessage());
        assertTrue(endless.served < LIMIT * 8 + 2 * 8192, "read " + endless.served + " bytes");
    }

    /**
     * A body that repeats {@code text} for 64 MB, counting what it served: endless to a reader bounded as it should
     * be, and an end that a reader without a bound meets (the test then fails rather than running out of memory).
     */
    private static final class EndlessSource implements Source {
        private static final long LENGTH = 64L << 20;
        private final byte[] text;
        private long served;

        EndlessSource(String text) {
            this.text = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public long read(Buffer sink, long byteCount) {
            if (served >= LENGTH) return -1;
            int offset = (int) (served % text.length);
            int n = (int) Math.min(byteCount, text.length - offset);
            sink.write(text, offset, n);
            served += n;
            return n;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
        }
    }
}
