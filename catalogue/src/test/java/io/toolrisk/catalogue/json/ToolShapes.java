package io.toolrisk.catalogue.json;

import java.util.List;

/**
 * Every input shape the README promises (a {@code tools/list} result, one inside a JSON-RPC response, a JSON array,
 * JSON Lines) in the layouts people and tools write them: on one line, pretty-printed over many, with tabs and CRLF,
 * with a byte-order mark. Each holds the same two tools, {@link #NAMES}, on the lines {@link Shape#lines} says. The
 * tests of every path that reads tools (classify, the API, recorded servers, scan) go through all of them.
 */
public final class ToolShapes {
    /** The tools every shape holds, in order. */
    public static final List<String> NAMES = List.of("delete_repo", "get_issue");

    /**
     * One input.
     *
     * @param name      what it is, for a test's message
     * @param text      the input
     * @param jsonLines whether it is JSON Lines (outputs answer in the same shape)
     * @param lines     the line each tool starts on
     */
    public record Shape(String name, String text, boolean jsonLines, List<Long> lines) {
    }

    private static final String DELETE = "{\"name\":\"delete_repo\",\"description\":\"Deletes a repository.\"}";
    private static final String GET = "{\"name\":\"get_issue\",\"description\":\"Get an issue.\"}";

    private ToolShapes() {
    }

    /** Every shape, each in several layouts. */
    public static List<Shape> all() {
        return List.of(
                new Shape("tools/list on one line", "{\"tools\":[" + DELETE + "," + GET + "]}\n", false, List.of(1L, 1L)),
                new Shape("tools/list pretty-printed", """
                        {
                          "tools": [
                            {
                              "name": "delete_repo",
                              "description": "Deletes a repository."
                            },
                            {
                              "name": "get_issue",
                              "description": "Get an issue."
                            }
                          ],
                          "nextCursor": null
                        }
                        """, false, List.of(3L, 7L)),
                new Shape("tools/list with tabs and CRLF", "{\r\n\t\"tools\" :\r\n\t[\r\n\t\t" + DELETE + " ,\r\n\t\t" + GET
                        + "\r\n\t]\r\n}\r\n", false, List.of(4L, 5L)),
                new Shape("JSON-RPC response on one line", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[" + DELETE + ","
                        + GET + "]}}", false, List.of(1L, 1L)),
                new Shape("JSON-RPC response pretty-printed", """
                        {
                          "jsonrpc": "2.0",
                          "id": 2,
                          "result": {
                            "tools": [
                              {"name": "delete_repo", "description": "Deletes a repository."},
                              {"name": "get_issue",
                               "description": "Get an issue."}
                            ]
                          }
                        }
                        """, false, List.of(6L, 7L)),
                new Shape("JSON array pretty-printed, commas first", "[\n    " + DELETE + "\n  , " + GET + "\n]\n", false,
                        List.of(2L, 3L)),
                new Shape("JSON array on one line after blank lines", "\n\n  [" + DELETE + "," + GET + "]", false, List.of(3L, 3L)),
                new Shape("JSON Lines", DELETE + "\n" + GET + "\n", true, List.of(1L, 2L)),
                new Shape("JSON Lines with a byte-order mark, CRLF and blank lines",
                        "\uFEFF" + DELETE + "\r\n\r\n   \r\n" + GET + "\r\n", true, List.of(1L, 4L)));
    }

    /** Inputs in a promised shape that hold no tool: each is a failure with {@link ToolReader#noTools}'s reason. */
    public static List<String> withoutTools() {
        return List.of("", "  \n\n", "{\"tools\": []}", "[]", "{\n  \"tools\": [\n  ]\n}\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}}");
    }
}
