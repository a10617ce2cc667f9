package io.toolrisk.catalogue.json;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * The bytes of a JSON document, read one at a time, knowing the line each is on, for a reader that only needs
 * the document's structure: where each value starts and ends, at any depth, with a counter instead of a parser's
 * stack, so that nesting costs nothing however deep it goes. What is consumed can be copied into up to two
 * {@link Capture}s at once (the whole document, one value of it). Not thread-safe.
 */
final class JsonBytes {
    /** Copies of consumed bytes, up to a bound; past it only counted. */
    static final class Capture {
        private final int max;
        private byte[] bytes = new byte[256];
        private int length;
        private long total;
        private boolean complete;

        Capture(int max) {
            this.max = max;
        }

        private void add(int b) {
            total++;
            if (total > max) return;
            if (length == bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min((long) max, 2L * bytes.length));
            bytes[length++] = (byte) b;
        }

        /** False when the input ended inside the value. */
        boolean complete() {
            return complete;
        }

        boolean oversized() {
            return total > max;
        }

        /** Bytes consumed while capturing, kept or not. */
        long total() {
            return total;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long line;
    private Capture document;
    private Capture value;

    /** Bytes of {@code in}, the first on line {@code line}. */
    JsonBytes(InputStream in, long line) {
        this.in = in;
        this.line = line;
    }

    /** The line of the next byte. */
    long line() {
        return line;
    }

    /** The next byte (0..255) without consuming it, or -1 at the end. */
    int peek() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position] & 0xff;
    }

    /** Consumes the next byte and returns it, or -1 at the end. */
    int next() throws IOException {
        int b = peek();
        if (b < 0) return -1;
        position++;
        if (b == '\n') line++;
        if (document != null) document.add(b);
        if (value != null) value.add(b);
        return b;
    }

    void skipWhitespace() throws IOException {
        for (int b = peek(); b == ' ' || b == '\n' || b == '\r' || b == '\t'; b = peek()) next();
    }

    /** Copies what is consumed from now on into a new capture of the document, until {@link #endDocument}. */
    Capture captureDocument(int max) {
        return document = new Capture(max);
    }

    void endDocument() {
        document = null;
    }

    /** Consumes one value (object, array, string or scalar), copying it into a new capture. */
    Capture value(int max) throws IOException {
        var capture = new Capture(max);
        value = capture;
        try {
            capture.complete = skipValue();
        } finally {
            value = null;
        }
        return capture;
    }

    /** Consumes one value; false when the input ends inside it. */
    boolean skipValue() throws IOException {
        int first = peek();
        if (first == '"') return skipString();
        if (first != '{' && first != '[') {
            for (int b = peek(); b >= 0; b = peek()) {
                if (b == ',' || b == ']' || b == '}' || b == ' ' || b == '\n' || b == '\r' || b == '\t') return true;
                next();
            }
            return true;
        }
        long depth = 0;
        boolean string = false;
        boolean escaped = false;
        for (int b = next(); b >= 0; b = next()) {
            if (string) {
                if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') string = false;
            } else if (b == '"') {
                string = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) return true;
            }
        }
        return false;
    }

    /** Consumes a string, quotes included; false when the input ends inside it. */
    private boolean skipString() throws IOException {
        next();
        boolean escaped = false;
        for (int b = next(); b >= 0; b = next()) {
            if (escaped) escaped = false;
            else if (b == '\\') escaped = true;
            else if (b == '"') return true;
        }
        return false;
    }

    /**
     * Consumes a string (the next byte is its opening quote) and returns its text when it is short enough to be a key
     * this reader looks for, else null; an unterminated string is an {@link java.io.EOFException}.
     */
    String key() throws IOException {
        Capture raw = value(64);
        if (!raw.complete()) throw new EOFException("the input ends inside a key");
        if (raw.oversized()) return null;
        try {
            return Json.MAPPER.readValue(raw.bytes(), 0, raw.length(), String.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** What has not been consumed: the rest of the buffer, then the stream. */
    InputStream remaining() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, position, limit - position), in);
    }
}
