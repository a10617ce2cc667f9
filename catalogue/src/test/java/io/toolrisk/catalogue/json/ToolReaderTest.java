package io.toolrisk.catalogue.json;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolReaderTest {
    private final List<ToolInput> entries = new ArrayList<>();

    private ToolReader.Shape read(String input) throws IOException {
        return read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new ToolReader());
    }

    private ToolReader.Shape read(InputStream in, ToolReader reader) throws IOException {
        return reader.read(in, entries::add);
    }

    private List<String> names() {
        return entries.stream().map(e -> switch (e) {
            case ToolInput.Parsed p -> p.tool().name();
            case ToolInput.Rejected r -> "!" + r.line() + ":" + r.error();
        }).toList();
    }

    private ToolReader.Shape readBytes(byte[] prefix, String rest) throws IOException {
        byte[] text = rest.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + text.length);
        System.arraycopy(text, 0, all, prefix.length, text.length);
        return read(new ByteArrayInputStream(all), new ToolReader());
    }

    @Test
    void aByteOrderMarkIsSkippedOnlyWhenAllThreeOfItsBytesAreThere() throws IOException {
        assertEquals(ToolReader.Shape.ARRAY, readBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "[{\"name\":\"a\"}]"));
        assertEquals(List.of("a"), names());
        entries.clear();
        assertEquals(ToolReader.Shape.JSON_LINES, readBytes(new byte[] {(byte) 0xEF, 'x', 'y'}, "[{\"name\":\"a\"}]\n{\"name\":\"b\"}"));
        assertEquals(List.of("!1:not UTF-8: the input starts with byte EF but not with the byte-order mark EF BB BF", "b"), names());
    }

    @Test
    void everyPromisedShapeInAnyLayoutGivesItsToolsWithTheLinesTheyStartOn() throws IOException {
        for (ToolShapes.Shape shape : ToolShapes.all()) {
            entries.clear();
            ToolReader.Shape read = read(shape.text());
            assertEquals(ToolShapes.NAMES, names(), shape.name());
            assertEquals(shape.lines(), entries.stream().map(ToolInput::line).toList(), shape.name());
            assertEquals(shape.jsonLines(), read == ToolReader.Shape.JSON_LINES, shape.name());
        }
        for (String none : ToolShapes.withoutTools()) {
            entries.clear();
            read(none);
            assertEquals(List.of(), names(), none);
        }
    }

    @Test
    void readsToolsListResult() throws IOException {
        assertEquals(ToolReader.Shape.TOOLS_LIST, read("{\"tools\":[{\"name\":\"a\"},{\"name\":\"b\"}]}"));
        assertEquals(List.of("a", "b"), names());
    }

    @Test
    void readsPrettyPrintedToolsListResultInsideJsonRpcResponse() throws IOException {
        assertEquals(ToolReader.Shape.TOOLS_LIST, read("""
                {
                  "jsonrpc": "2.0", "id": 2,
                  "result": {"tools": [{"name": "a"}, {"name": "b"}], "nextCursor": null}
                }
                """));
        assertEquals(List.of("a", "b"), names());
    }

    @Test
    void readsArrayWithLineNumbersOfEachElement() throws IOException {
        assertEquals(ToolReader.Shape.ARRAY, read("[\n{\"name\":\"a\"},\n{\"description\":\"x\"},\n{\"name\":\"c\"}\n]"));
        assertEquals(List.of("a", "!3:tool has no \"name\"", "c"), names());
    }

    @Test
    void readsJsonLinesKeepingBadLinesInPlace() throws IOException {
        assertEquals(ToolReader.Shape.JSON_LINES, read("""
                {"name":"a"}
                not json

                {"name": 7}
                {"name":"e","server":"s1"}
                """));
        assertEquals(4, entries.size(), "the blank line has no entry; every other line has one");
        assertEquals("a", names().get(0));
        assertTrue(names().get(1).startsWith("!2:not JSON: Unrecognized token 'not'"), names().get(1));
        assertEquals("!4:tool \"name\" must be a string, got a number", names().get(2));
        assertEquals("e", names().get(3));
        assertEquals("s1", ((ToolInput.Parsed) entries.get(3)).tool().server().orElseThrow());
    }

    @Test
    void oversizedLineIsRejectedWithoutStoppingTheRest() throws IOException {
        byte[] huge = new byte[3000];
        Arrays.fill(huge, (byte) 'x');
        String input = "{\"name\":\"a\"}\n{\"name\":\"b\",\"description\":\"" + new String(huge, StandardCharsets.US_ASCII)
                + "\"}\n{\"name\":\"c\"}\n";
        read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new ToolReader(1024));
        assertEquals(List.of("a", "!2:line is 3,029 bytes, over the 1,024-byte limit for one tool", "c"), names());
    }

    @Test
    void fiftyMegabyteLineIsRejectedByTheDefaultLimit() throws IOException {
        int size = 50 * 1024 * 1024;
        InputStream in = new InputStream() {
            private final byte[] head = "{\"name\":\"big\",\"description\":\"".getBytes(StandardCharsets.US_ASCII);
            private final byte[] tail = "\"}\n{\"name\":\"after\"}\n".getBytes(StandardCharsets.US_ASCII);
            private long position;

            @Override
            public int read() {
                long p = position++;
                if (p < head.length) return head[(int) p];
                if (p < head.length + size) return 'y';
                long t = p - head.length - size;
                return t < tail.length ? tail[(int) t] : -1;
            }
        };
        read(in, new ToolReader());
        assertEquals(2, entries.size());
        var rejected = assertInstanceOf(ToolInput.Rejected.class, entries.get(0));
        assertEquals(1, rejected.line());
        assertTrue(rejected.error().contains("over the 16,777,216-byte limit"), rejected.error());
        assertEquals("after", names().get(1));
    }

    @Test
    void readerStoppingAtTheBoundGivesUpOnAnEndlessLineWithoutReadingIt() throws IOException {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served += len;
                if (served > 10_000_000) throw new AssertionError("read far past the bound");
                return len;
            }
        };
        var reader = LineReader.stoppingAtBound(endless, 1000);
        var line = new LineReader.Line();
        assertTrue(reader.next(line));
        assertTrue(line.oversized());
        assertEquals(0, line.length());
    }

    @Test
    void singlePrettyPrintedToolIsOneEntry() throws IOException {
        read("{\n  \"name\": \"solo\",\n  \"description\": \"d\"\n}\n");
        assertEquals(List.of("solo"), names());
    }

    @Test
    void truncatedArrayReportsTheLineWhereItBroke() throws IOException {
        read("[\n{\"name\":\"a\"},\n{\"name\":");
        assertEquals("a", names().get(0));
        assertInstanceOf(ToolInput.Rejected.class, entries.get(1));
        assertEquals(3, entries.get(1).line());
    }

    @Test
    void contentAfterAnArrayOrDocumentIsRejectedNotDropped() throws IOException {
        read("[{\"name\":\"a\"}]\n[{\"name\":\"b\"}]\n");
        assertEquals(List.of("a", "!2:unexpected content after the document that ends on line 1 (one document per input)"), names());
        entries.clear();
        read("{\n  \"tools\": [{\"name\": \"a\"}]\n}\n{\"name\": \"b\"}\n");
        assertEquals(List.of("a", "!4:unexpected content after the document that ends on line 3 (one document per input)"), names());
        entries.clear();
        read("[{\"name\":\"a\"}]  \n\n");
        assertEquals(List.of("a"), names(), "trailing whitespace is fine");
    }

    @Test
    void leadingBlankLinesCountTowardsLineNumbers() throws IOException {
        read("\n\n{\"nope\":1}\n");
        assertEquals(List.of("!3:tool has no \"name\""), names());
    }

    @Test
    void deeplyNestedSchemaIsRejectedNotAStackOverflow() throws IOException {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        read("{\"name\":\"a\",\"inputSchema\":" + deep + "}\n{\"name\":\"b\"}\n");
        assertTrue(names().get(0).startsWith("!1:not JSON: Document nesting depth"), names().get(0));
        assertEquals("b", names().get(1));
    }

    @Test
    void emptyInputHasNoEntries() throws IOException {
        assertEquals(ToolReader.Shape.JSON_LINES, read("  \n"));
        assertEquals(List.of(), names());
    }

    @Test
    void aToolNestedTooDeepCostsThatToolNotTheDocument() throws IOException {
        for (int levels : new int[] {1_000, 1_000_000}) {
            String deep = "{\"name\":\"deep\",\"inputSchema\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
            for (String document : List.of(
                    "{\"tools\":[{\"name\":\"a\"}," + deep + ",{\"name\":\"c\"}]}",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[{\"name\":\"a\"}," + deep + ",{\"name\":\"c\"}]}}",
                    "{\n  \"tools\": [\n    {\"name\": \"a\"},\n    " + deep + ",\n    {\"name\": \"c\"}\n  ]\n}\n",
                    "[{\"name\":\"a\"}," + deep + ",{\"name\":\"c\"}]")) {
                entries.clear();
                read(document);
                assertEquals(3, entries.size(), document.substring(0, 40));
                assertEquals("a", names().get(0));
                assertTrue(names().get(1).contains(":not JSON: Document nesting depth (257) exceeds the maximum allowed (256"), names().get(1));
                assertEquals("c", names().get(2));
            }
        }
    }

    @Test
    void eachToolOfAPrettyPrintedDocumentHasTheLineItStartsOn() throws IOException {
        assertEquals(ToolReader.Shape.TOOLS_LIST, read("{\n  \"tools\": [\n    {\"name\": \"a\"},\n    {\"nope\": 1},\n    {\"name\": \"c\"}\n  ]\n}\n"));
        assertEquals(List.of("a", "!4:tool has no \"name\"", "c"), names());
    }

    @Test
    void aToolOverTheSizeLimitCostsThatToolInADocument() throws IOException {
        String big = "{\"name\":\"big\",\"description\":\"" + "x".repeat(3000) + "\"}";
        read(new ByteArrayInputStream(("{\"tools\":[{\"name\":\"a\"}," + big + ",{\"name\":\"c\"}]}").getBytes(StandardCharsets.UTF_8)),
                new ToolReader(1024));
        assertEquals(List.of("a", "!1:tool is 3,031 bytes, over the 1,024-byte limit for one tool", "c"), names());
    }

    @Test
    void aBreakInTheDocumentStopsReadingWhereItIs() throws IOException {
        read("[\n{\"name\":\"a\"}\n{\"name\":\"b\"}\n]");
        assertEquals(List.of("a", "!3:not JSON: expected ',' or ']' after the tool on line 2, found '{'"), names());
        entries.clear();
        read("{\"tools\":[{\"name\":\"a\"},");
        assertEquals(List.of("a", "!1:not JSON: unexpected end of input inside the array"), names());
    }

    @Test
    void aSecondToolsArrayIsRejectedNotRead() throws IOException {
        read("{\"tools\":[{\"name\":\"a\"}],\n\"tools\":[{\"name\":\"b\"}]}");
        assertEquals(List.of("a", "!2:a second \"tools\" array, not read (one tools/list result per input)"), names());
    }

    @Test
    void aToolsListOnOneLineIsNotJsonLines() throws IOException {
        assertEquals(ToolReader.Shape.TOOLS_LIST, read("{\"tools\":[{\"name\":\"a\"}]}\n{\"name\":\"b\"}\n"));
        assertEquals(List.of("a", "!2:unexpected content after the tools/list result on line 1 (one tools/list result per input)"), names());
    }
}
