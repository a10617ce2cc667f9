package io.toolrisk.crawler.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads newline-terminated lines and gives up on a line as soon as it grows past the bound, so a server that
 * prints an endless line costs at most the bound in memory. Not thread-safe.
 */
final class BoundedLineReader {
    /** Thrown as soon as a line passes the bound. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(int maxBytes) {
            super("server sent a stdout line longer than the %,d-byte message limit".formatted(maxBytes));
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its line break, or empty at the end of input. */
    Optional<byte[]> next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? Optional.of(trimmed(length)) : Optional.empty();
                }
            }
            any = true;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int count = end - position;
            if (length + count > maxBytes) throw new LineTooLongException(maxBytes);
            if (length + count > line.length)
                line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(length + count, line.length * 2)));
            System.arraycopy(buffer, position, line, length, count);
            length += count;
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) return Optional.of(trimmed(length));
        }
    }

    private byte[] trimmed(int length) {
        if (length > 0 && line[length - 1] == '\r') length--;
        return Arrays.copyOf(line, length);
    }
}
