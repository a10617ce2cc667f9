package io.toolrisk.crawler.http;

import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads server-sent events from a response body, bounding every line and every event's data, so a stream
 * that never sends a line break cannot fill memory. Not thread-safe.
 */
final class SseReader {
    /** One event: its type ({@code message} when the stream named none) and its data lines joined by newlines. */
    record Event(String type, byte[] data) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** What a line holds besides a value: the field's name ({@code "data: "}) and a carriage return before its end. */
    private static final int LINE_OVERHEAD = "data: \r".length();

    private final BufferedSource source;
    private final long maxBytes;

    SseReader(BufferedSource source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    /** The next event with data, or empty when the stream ended. */
    Optional<Event> next() throws IOException {
        String type = "message";
        var data = new Buffer();
        boolean hasData = false;
        while (true) {
            Optional<String> line = readLine();
            if (line.isEmpty()) return Optional.empty(); // an event cut off by the end of the stream is dropped
            String text = line.get();
            if (text.isEmpty()) {
                if (hasData) return Optional.of(new Event(type, data.readByteArray()));
                type = "message";
                continue;
            }
            if (text.startsWith(":")) continue;
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            switch (field) {
                case "event" -> type = value;
                case "data" -> {
                    if (hasData) data.writeByte('\n');
                    data.writeUtf8(value);
                    hasData = true;
                    if (data.size() > maxBytes) throw tooLarge();
                }
                default -> { } // id, retry and unknown fields do not matter to a crawler
            }
        }
    }

    private Optional<String> readLine() throws IOException {
        long maxLine = maxBytes + LINE_OVERHEAD;
        long newline = source.indexOf((byte) '\n', 0, maxLine + 1);
        if (newline < 0) {
            if (source.getBuffer().size() > maxLine) throw tooLarge();
            if (source.exhausted()) return Optional.empty();
            // indexOf stopped at the end of the stream with bytes left: a last line without a line break.
            return Optional.of(strip(source.readUtf8()));
        }
        String line = source.readUtf8(newline);
        source.skip(1);
        return Optional.of(strip(line));
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private IOException tooLarge() {
        return new BadAnswerException("server sent an event stream message over the %,d-byte limit".formatted(maxBytes));
    }
}
