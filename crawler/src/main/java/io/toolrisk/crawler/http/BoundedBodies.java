package io.toolrisk.crawler.http;

import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;

/** Reads response bodies whole, but never more than a bound. */
final class BoundedBodies {
    private BoundedBodies() {
    }

    /** The body's bytes; fails as soon as it is known to exceed {@code maxBytes}. */
    static byte[] read(ResponseBody body, long maxBytes, String what) throws IOException {
        if (body.contentLength() > maxBytes) throw tooLarge(body.contentLength(), maxBytes, what);
        BufferedSource source = body.source();
        if (source.request(maxBytes + 1)) throw tooLarge(-1, maxBytes, what);
        return source.readByteArray();
    }

    /** A short piece of an error body to quote, on one line. */
    static String snippet(ResponseBody body) {
        try {
            BufferedSource source = body.source();
            source.request(300);
            var buffer = source.getBuffer();
            String text = buffer.readUtf8(Math.min(300, buffer.size()));
            return text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "").strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static IOException tooLarge(long length, long maxBytes, String what) {
        return new BadAnswerException(length >= 0
                ? "%s is %,d bytes, over the %,d-byte message limit".formatted(what, length, maxBytes)
                : "%s is over the %,d-byte message limit".formatted(what, maxBytes));
    }
}
