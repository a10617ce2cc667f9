package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
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
     * Reads all of {@code in}, passing each entry to {@code sink}, and returns the shape it found. Empty
     * input is JSON Lines with no entries.
     */
    public Shape read(InputStream in, Consumer<ToolInput> sink) throws IOException {
        var pushback = new PushbackInputStream(in, 4);
        long blankLines = skipWhitespace(pushback);
        int first = pushback.read();
        if (first >= 0) pushback.unread(first);
        if (first == '[') {
            readDocument(pushback, blankLines, sink);
            return Shape.ARRAY;
        }
        var lines = new LineReader(pushback, maxLineBytes, blankLines);
        if (first != '{') {
            readLines(lines, sink);
            return Shape.JSON_LINES;
        }
        // An object first: either the first line of JSON Lines, or a (pretty-printed) document.
        var line = new LineReader.Line();
        lines.next(line);
        if (line.oversized()) {
            sink.accept(new ToolInput.Rejected(line.number(), oversized(line)));
            readLines(lines, sink);
            return Shape.JSON_LINES;
        }
        JsonNode firstLine;
        try {
            firstLine = Json.ONE_VALUE.readTree(line.bytes(), 0, line.length());
        } catch (JsonEOFException incomplete) {
            firstLine = null;
        } catch (JsonProcessingException e) {
            sink.accept(new ToolInput.Rejected(line.number(), "not JSON: " + e.getOriginalMessage()));
            readLines(lines, sink);
            return Shape.JSON_LINES;
        }
        if (firstLine == null || !firstLine.isObject()) {
            var document = new SequenceInputStream(new ByteArrayInputStream(line.copy()),
                    new SequenceInputStream(new ByteArrayInputStream(new byte[] {'\n'}), lines.remaining()));
            return readDocument(document, blankLines, sink);
        }
        JsonNode tools = toolsOf(firstLine);
        if (tools != null) {
            emitArray(tools, line.number(), sink);
            expectNothingMore(lines, line, sink);
            return Shape.TOOLS_LIST;
        }
        sink.accept(parsed(firstLine, line.number()));
        readLines(lines, sink);
        return Shape.JSON_LINES;
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

    private Shape readDocument(InputStream in, long linesBefore, Consumer<ToolInput> sink) throws IOException {
        try (JsonParser parser = Json.FACTORY.createParser(in)) {
            parser.setCodec(Json.MAPPER);
            try {
                JsonToken token = parser.nextToken();
                Shape shape = Shape.ARRAY;
                if (token == JsonToken.START_ARRAY) {
                    streamArray(parser, linesBefore, sink);
                } else {
                    JsonNode document = parser.readValueAsTree();
                    JsonNode tools = toolsOf(document);
                    if (tools != null) {
                        emitArray(tools, linesBefore + 1, sink);
                        shape = Shape.TOOLS_LIST;
                    } else {
                        sink.accept(parsed(document, linesBefore + 1));
                    }
                }
                expectNothingAfter(parser, linesBefore, sink);
                return shape;
            } catch (JsonProcessingException e) {
                long line = linesBefore + (e.getLocation() == null
                        ? parser.currentLocation().getLineNr() : e.getLocation().getLineNr());
                sink.accept(new ToolInput.Rejected(line, "not JSON: " + e.getOriginalMessage()));
                return Shape.ARRAY;
            }
        }
    }

    private static void streamArray(JsonParser parser, long linesBefore, Consumer<ToolInput> sink) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end of input inside the array");
            long line = linesBefore + parser.currentTokenLocation().getLineNr();
            JsonNode element = parser.readValueAsTree();
            sink.accept(parsed(element, line));
        }
    }

    /** A second array or document after the first would otherwise be dropped without a word. */
    private static void expectNothingAfter(JsonParser parser, long linesBefore, Consumer<ToolInput> sink) throws IOException {
        long end = linesBefore + parser.currentLocation().getLineNr();
        if (parser.nextToken() != null)
            sink.accept(new ToolInput.Rejected(linesBefore + parser.currentTokenLocation().getLineNr(),
                    "unexpected content after the document that ends on line %d (one document per input)".formatted(end)));
    }

    private static void emitArray(JsonNode tools, long line, Consumer<ToolInput> sink) {
        for (JsonNode tool : tools) sink.accept(parsed(tool, line));
    }

    /** The tools array of a tools/list result or a JSON-RPC response carrying one, else null. */
    private static JsonNode toolsOf(JsonNode document) {
        if (document.path("tools").isArray()) return document.get("tools");
        if (document.path("result").path("tools").isArray()) return document.get("result").get("tools");
        return null;
    }

    private void expectNothingMore(LineReader lines, LineReader.Line line, Consumer<ToolInput> sink) throws IOException {
        while (lines.next(line)) {
            if (line.oversized() || !line.isBlank()) {
                sink.accept(new ToolInput.Rejected(line.number(),
                        "unexpected content after the tools/list result on line 1 (one tools/list result per input)"));
                return;
            }
        }
    }

    private String oversized(LineReader.Line line) {
        return "line is %,d bytes, over the %,d-byte limit for one tool".formatted(line.oversizeLength(), maxLineBytes);
    }

    /** Skips a byte-order mark and whitespace; returns how many newlines it skipped. */
    private static long skipWhitespace(PushbackInputStream in) throws IOException {
        long newlines = 0;
        int b = in.read();
        if (b == 0xEF) { // a UTF-8 byte-order mark
            in.read();
            in.read();
            b = in.read();
        }
        while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            if (b == '\n') newlines++;
            b = in.read();
        }
        if (b >= 0) in.unread(b);
        return newlines;
    }
}
