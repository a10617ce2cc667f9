package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads tool definitions in any of the three input shapes of DESIGN.md: a {@code tools/list} result
 * ({@code {"tools":[...]}}, also inside a JSON-RPC {@code "result"}), a JSON array of tools, or JSON Lines.
 * Every entry becomes a {@link ToolInput} in input order; an entry that cannot be read becomes a
 * {@link ToolInput.Rejected} naming its line, and reading goes on where it can.
 */
public final class ToolReader {
    /** The input shapes; outputs answer in JSON Lines exactly when the input was. */
    public enum Shape { TOOLS_LIST, ARRAY, JSON_LINES }

    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final int maxLineBytes;

    public ToolReader() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public ToolReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * What every reader of tools says of an input that holds none (empty, blank, {@code {"tools":[]}}, {@code []}): a
     * failure with this reason, the same wherever tools are read.
     *
     * @param input how the input is called: a file name, "the request body"
     */
    public static String noTools(String input) {
        return "%s holds no tools: expected a tools/list result, a JSON array of tools or JSON Lines, with at least one tool"
                .formatted(input);
    }

    /**
     * Reads all of {@code in}, passing each entry to {@code sink}, and returns the shape it found. Empty
     * input is JSON Lines with no entries.
     */
    public Shape read(InputStream in, Consumer<ToolInput> sink) throws IOException {
        var bytes = new JsonBytes(in, 1);
        if (bytes.peek() == 0xEF && !byteOrderMark(bytes)) {
            // EF not followed by BB BF: no UTF-8 this starts with. The first line says so; the rest is read as lines.
            for (int b = bytes.peek(); b >= 0 && b != '\n'; b = bytes.peek()) bytes.next();
            sink.accept(new ToolInput.Rejected(1, "not UTF-8: the input starts with byte EF but not with the byte-order mark EF BB BF"));
            bytes.next();
            readLines(new LineReader(bytes.remaining(), maxLineBytes, 1), sink);
            return Shape.JSON_LINES;
        }
        bytes.skipWhitespace();
        int first = bytes.peek();
        if (first == '[') return new Document(bytes, sink).array();
        if (first == '{') return new Document(bytes, sink).object();
        readLines(new LineReader(bytes.remaining(), maxLineBytes, bytes.line() - 1), sink);
        return Shape.JSON_LINES;
    }

    /** Reads a UTF-8 byte-order mark (EF BB BF) that {@code bytes} starts with; false when its bytes are not all there. */
    private static boolean byteOrderMark(JsonBytes bytes) throws IOException {
        bytes.next();
        if (bytes.peek() != 0xBB) return false;
        bytes.next();
        if (bytes.peek() != 0xBF) return false;
        bytes.next();
        return true;
    }

    private void readLines(LineReader lines, Consumer<ToolInput> sink) throws IOException {
        var line = new LineReader.Line();
        while (lines.next(line)) {
            if (line.oversized()) {
                sink.accept(new ToolInput.Rejected(line.number(), oversized(line)));
                continue;
            }
            if (line.isBlank()) continue;
            sink.accept(parseLine(line.bytes(), 0, line.length(), line.number()));
        }
    }

    /** Parses one JSON Lines entry; never throws for bad content. */
    public static ToolInput parseLine(byte[] bytes, int offset, int length, long lineNumber) {
        JsonNode node;
        try {
            node = Json.ONE_VALUE.readTree(bytes, offset, length);
        } catch (JsonProcessingException e) {
            return new ToolInput.Rejected(lineNumber, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new ToolInput.Rejected(lineNumber, "unreadable: " + e.getMessage());
        }
        return parsed(node, lineNumber);
    }

    private static ToolInput parsed(JsonNode node, long line) {
        try {
            return new ToolInput.Parsed(line, ToolJson.read(node));
        } catch (IllegalArgumentException e) {
            return new ToolInput.Rejected(line, e.getMessage());
        }
    }

    private String oversized(LineReader.Line line) {
        return "line is %,d bytes, over the %,d-byte limit for one tool".formatted(line.oversizeLength(), maxLineBytes);
    }

    /**
     * One JSON document (an array of tools, a {@code tools/list} result, a JSON-RPC response carrying one, or a single
     * tool), or the first line of JSON Lines, read for its structure by {@link JsonBytes}: each tool is cut out whole
     * and parsed alone, so that a tool Jackson refuses (nested too deep, a string too long, not JSON) costs that tool,
     * and the tools beside it are read.
     */
    private final class Document {
        private final JsonBytes bytes;
        private final Consumer<ToolInput> sink;
        private long start;
        private JsonBytes.Capture whole;
        /** A tools array was found: this is a tools/list result, not a tool. */
        private boolean tools;
        /** Reading stopped at a break in the structure, said in an entry. */
        private boolean stopped;

        Document(JsonBytes bytes, Consumer<ToolInput> sink) {
            this.bytes = bytes;
            this.sink = sink;
        }

        Shape array() throws IOException {
            elements();
            if (!stopped) expectNothingAfter(documentEnd(bytes.line()));
            return Shape.ARRAY;
        }

        Shape object() throws IOException {
            start = bytes.line();
            whole = bytes.captureDocument(maxLineBytes);
            boolean closed = members(1);
            long end = bytes.line();
            if (!closed) {
                if (!stopped) stop("unexpected end of input inside the document that starts on line %d".formatted(start));
                bytes.endDocument();
                return tools ? Shape.TOOLS_LIST : Shape.ARRAY;
            }
            if (tools) {
                expectNothingAfter(start == end
                        ? "unexpected content after the tools/list result on line %d (one tools/list result per input)".formatted(end)
                        : documentEnd(end));
                return Shape.TOOLS_LIST;
            }
            if (start == end) { // the first of JSON Lines: the rest of its line is part of it
                for (int b = bytes.peek(); b >= 0 && b != '\n'; b = bytes.peek()) bytes.next();
                bytes.endDocument();
                sink.accept(whole.oversized()
                        ? new ToolInput.Rejected(start, "line is %,d bytes, over the %,d-byte limit for one tool".formatted(whole.total(), maxLineBytes))
                        : parseLine(whole.bytes(), 0, whole.length(), start));
                bytes.next();
                readLines(new LineReader(bytes.remaining(), maxLineBytes, start), sink);
                return Shape.JSON_LINES;
            }
            bytes.endDocument();
            sink.accept(tool(whole, start));
            expectNothingAfter(documentEnd(end));
            return Shape.ARRAY;
        }

        /** Reads the array at the next byte, each element a tool. */
        private void elements() throws IOException {
            bytes.next();
            bytes.skipWhitespace();
            if (bytes.peek() == ']') {
                bytes.next();
                return;
            }
            while (true) {
                bytes.skipWhitespace();
                long line = bytes.line();
                if (bytes.peek() < 0) {
                    stop("unexpected end of input inside the array");
                    return;
                }
                JsonBytes.Capture element = bytes.value(maxLineBytes);
                sink.accept(tool(element, line));
                if (!element.complete()) { // what came of it was said above
                    stopped = true;
                    return;
                }
                bytes.skipWhitespace();
                int b = bytes.next();
                if (b == ']') return;
                if (b != ',') {
                    stop(b < 0 ? "unexpected end of input inside the array"
                            : "expected ',' or ']' after the tool on line %d, found %s".formatted(line, shown(b)));
                    return;
                }
            }
        }

        /**
         * Reads the object at the next byte: its {@code tools} array, at depth 1 or inside {@code result}, tool by tool,
         * the rest skipped. False when it did not close: the input ended, or reading stopped.
         */
        private boolean members(int depth) throws IOException {
            bytes.next();
            bytes.skipWhitespace();
            if (bytes.peek() == '}') {
                bytes.next();
                return true;
            }
            while (true) {
                bytes.skipWhitespace();
                int b = bytes.peek();
                if (b < 0) return false;
                if (b != '"') return stop("expected a key in the object, found " + shown(b));
                String key;
                try {
                    key = bytes.key();
                } catch (EOFException e) {
                    return false;
                }
                bytes.skipWhitespace();
                b = bytes.next();
                if (b < 0) return false;
                if (b != ':') return stop("expected ':' after a key, found " + shown(b));
                bytes.skipWhitespace();
                b = bytes.peek();
                long line = bytes.line();
                if ("tools".equals(key) && b == '[' && !tools) {
                    tools = true;
                    bytes.endDocument();
                    elements();
                    if (stopped) return false;
                } else if ("result".equals(key) && b == '{' && depth == 1) {
                    if (!members(2)) return false;
                } else {
                    if (!bytes.skipValue()) return false;
                    if ("tools".equals(key) && b == '[')
                        sink.accept(new ToolInput.Rejected(line, "a second \"tools\" array, not read (one tools/list result per input)"));
                }
                bytes.skipWhitespace();
                b = bytes.next();
                if (b == '}') return true;
                if (b < 0) return false;
                if (b != ',') return stop("expected ',' or '}' in the object, found " + shown(b));
            }
        }

        /**
         * Reports a break in the structure and stops reading. A single tool being read is handed to Jackson as far as
         * it came, so that its rejection reads like any other.
         */
        private boolean stop(String problem) {
            stopped = true;
            if (!tools && whole != null) {
                bytes.endDocument();
                ToolInput parsed = whole.oversized() ? null : parseLine(whole.bytes(), 0, whole.length(), start);
                if (parsed instanceof ToolInput.Rejected) {
                    sink.accept(parsed);
                    return false;
                }
            }
            sink.accept(new ToolInput.Rejected(bytes.line(), "not JSON: " + problem));
            return false;
        }

        private ToolInput tool(JsonBytes.Capture value, long line) {
            if (value.oversized())
                return new ToolInput.Rejected(line, "tool is %,d bytes, over the %,d-byte limit for one tool".formatted(value.total(), maxLineBytes));
            return parseLine(value.bytes(), 0, value.length(), line);
        }

        private void expectNothingAfter(String message) throws IOException {
            bytes.skipWhitespace();
            if (bytes.peek() >= 0) sink.accept(new ToolInput.Rejected(bytes.line(), message));
        }

        private static String documentEnd(long end) {
            return "unexpected content after the document that ends on line %d (one document per input)".formatted(end);
        }

        private static String shown(int b) {
            return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : "byte 0x%02X".formatted(b);
        }
    }
}
