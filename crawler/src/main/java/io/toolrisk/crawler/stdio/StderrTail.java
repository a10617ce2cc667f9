package io.toolrisk.crawler.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a server's stderr so it can never block on a full pipe, keeping only the last few kilobytes for the
 * failure report. Thread-safe.
 */
final class StderrTail {
    static final int TAIL_BYTES = 4096;

    private final byte[] ring = new byte[TAIL_BYTES];
    private long written;

    /** Reads {@code in} to its end. */
    void drain(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) append(chunk, n);
        } catch (IOException e) {
            // The pipe closes when the process is killed; what was read so far is the tail.
        }
    }

    private synchronized void append(byte[] chunk, int n) {
        for (int i = 0; i < n; i++) ring[(int) (written++ % TAIL_BYTES)] = chunk[i];
    }

    /** The tail as text, from its first complete line, with control characters other than newlines removed. */
    synchronized String text() {
        int size = (int) Math.min(written, TAIL_BYTES);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) bytes[i] = ring[(int) ((written - size + i) % TAIL_BYTES)];
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (written > TAIL_BYTES) {
            int newline = text.indexOf('\n');
            if (newline >= 0) text = text.substring(newline + 1);
        }
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    }
}
