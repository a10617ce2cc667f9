package io.toolrisk.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One connection written to by hand, for what no HTTP client library sends: bodies that trickle, lie about their
 * length or break the chunked framing. Reads are bounded by a generous socket timeout, so that a server that
 * never answers fails the test instead of hanging it.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
    }

    /** Writes {@code text} as ISO-8859-1 bytes, at once. */
    RawClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Says no more bytes will come (the server reads the end of the stream); the answer can still be read. */
    RawClient endOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /**
     * The status and body of the answer; the body as far as Content-Length says, or to the end of the stream. An
     * interim answer ({@code 100 Continue}) has no body.
     */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("the connection ended inside the answer's head: " + head);
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        long length = -1;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Long.parseLong(line.substring(15).strip());
        }
        if (status < 200) return new Answer(status, "");
        byte[] body = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    record Answer(int status, String body) {
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
