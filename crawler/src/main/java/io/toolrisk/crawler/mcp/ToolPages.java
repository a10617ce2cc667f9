package io.toolrisk.crawler.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.ToolJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects {@code tools/list} pages: keeps the tools that can be read, notes the ones skipped, and stops a
 * listing that grows past its bounds or loops on a cursor.
 */
final class ToolPages {
    /** Warnings past this many are counted, not kept: a hostile server could send a million nameless tools. */
    private static final int MAX_WARNINGS = 100;

    private final int maxTools;
    private final int maxPages;
    private final List<Tool> tools = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Set<JsonNode> cursors = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private int moreWarnings;
    private int pages;

    ToolPages(int maxTools, int maxPages) {
        this.maxTools = maxTools;
        this.maxPages = maxPages;
    }

    /** Adds one page; returns the cursor of the next page, if any. */
    Optional<JsonNode> add(JsonNode result) throws IOException {
        pages++;
        JsonNode list = result.get("tools");
        if (list == null || !list.isArray())
            throw new IOException("tools/list result has no \"tools\" array (page %d)".formatted(pages));
        int index = 0;
        for (JsonNode node : list) {
            index++;
            Tool tool;
            try {
                tool = ToolJson.read(node);
            } catch (IllegalArgumentException e) {
                warn("skipped tool #%d on page %d: %s".formatted(index, pages, e.getMessage()));
                continue;
            }
            if (!names.add(tool.name())) {
                warn("skipped tool #%d on page %d: duplicate name '%s'".formatted(index, pages, McpSession.clip(tool.name())));
                continue;
            }
            if (tools.size() == maxTools)
                throw new IOException("server listed more than %,d tools".formatted(maxTools));
            tools.add(tool);
        }
        JsonNode next = result.get("nextCursor");
        if (next == null || next.isNull() || (next.isTextual() && next.textValue().isEmpty())) return Optional.empty();
        if (!cursors.add(next))
            throw new IOException("tools/list cursor %s repeated on page %d (a pagination loop)"
                    .formatted(McpSession.clip(next.toString()), pages));
        if (pages == maxPages)
            throw new IOException("tools/list still had a nextCursor after %,d pages".formatted(maxPages));
        return Optional.of(next);
    }

    ToolListing listing() {
        List<String> all = new ArrayList<>(warnings);
        if (moreWarnings > 0) all.add("and %,d more warnings".formatted(moreWarnings));
        return new ToolListing(tools, all);
    }

    private void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) warnings.add(warning);
        else moreWarnings++;
    }
}
