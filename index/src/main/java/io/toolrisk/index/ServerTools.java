package io.toolrisk.index;

import java.util.List;

/**
 * One page of a server's tools, most severe first, then by name: each tool's listing JSON (profile, title,
 * description; see {@link ToolItemJson}) as the index stores it.
 *
 * @param total every tool of the server, on every page
 * @param items this page's
 */
public record ServerTools(long total, List<byte[]> items) {
    public ServerTools {
        items = List.copyOf(items);
    }
}
