package io.toolrisk.catalogue.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited lines of bytes with a bound on each: a line longer than the bound is never held in
 * memory and is reported as oversized — skipped to its end, so that reading can go on with the next line, or,
 * for a reader made with {@link #stoppingAtBound}, given up on the moment it passes the bound (a peer that prints
 * an endless line then costs no more than the bound). Not thread-safe.
 */
public final class LineReader {
    /** The line that was read: its bytes ({@code length} of them, without the newline) or its oversize. */
    public static final class Line {
        private byte[] bytes = new byte[8192];
        private int length;
        private long number;
        private long oversizeLength = -1;

        public byte[] bytes() {
            return bytes;
        }

        public int length() {
            return length;
        }

        /** 1-based line number. */
        public long number() {
            return number;
        }

        /** True when the line exceeded the bound; {@link #bytes()} then holds nothing useful. */
        public boolean oversized() {
            return oversizeLength >= 0;
        }

        /** The full length of an oversized line in bytes. */
        public long oversizeLength() {
            return oversizeLength;
        }

        /** True when the line holds only whitespace. */
        public boolean isBlank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') return false;
            }
            return true;
        }

        public byte[] copy() {
            return Arrays.copyOf(bytes, length);
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final boolean stopAtBound;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;

    public LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 0);
    }

    /** A reader whose first line is numbered {@code linesBefore + 1}. */
    public LineReader(InputStream in, int maxLineBytes, long linesBefore) {
        this(in, maxLineBytes, linesBefore, false);
    }

    private LineReader(InputStream in, int maxLineBytes, long linesBefore, boolean stopAtBound) {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lineNumber = linesBefore;
        this.stopAtBound = stopAtBound;
    }

    /**
     * A reader that returns an oversized line as soon as it passes the bound, without reading the rest of it;
     * what follows is then unspecified, so stop reading.
     */
    public static LineReader stoppingAtBound(InputStream in, int maxLineBytes) {
        return new LineReader(in, maxLineBytes, 0, true);
    }

    /** What has not been read yet, including what this reader has buffered. */
    public InputStream remaining() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, position, limit - position), in);
    }

    /** Reads the next line into {@code line}; false at the end of input. */
    public boolean next(Line line) throws IOException {
        line.length = 0;
        line.oversizeLength = -1;
        long total = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) return false;
                    break;
                }
            }
            any = true;
            int start = position;
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int count = end - start;
            total += count;
            if (line.oversizeLength < 0) {
                if (total > maxLineBytes) {
                    line.oversizeLength = total;
                    line.length = 0;
                } else {
                    append(line, start, count);
                }
            } else {
                line.oversizeLength = total;
            }
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0 || (stopAtBound && line.oversized())) break;
        }
        line.number = ++lineNumber;
        if (line.length > 0 && line.bytes[line.length - 1] == '\r') line.length--;
        return true;
    }

    private void append(Line line, int start, int count) {
        int needed = line.length + count;
        if (needed > line.bytes.length)
            line.bytes = Arrays.copyOf(line.bytes, Math.max(needed, Math.min(line.bytes.length * 2, maxLineBytes + 1)));
        System.arraycopy(buffer, start, line.bytes, line.length, count);
        line.length = needed;
    }
}
