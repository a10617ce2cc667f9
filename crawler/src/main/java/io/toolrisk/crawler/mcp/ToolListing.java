package io.toolrisk.crawler.mcp;

import io.toolrisk.catalogue.Tool;

import java.util.List;

/** The tools a server listed, in its order, and what was skipped on the way (one sentence each). */
public record ToolListing(List<Tool> tools, List<String> warnings) {
    public ToolListing {
        tools = List.copyOf(tools);
        warnings = List.copyOf(warnings);
    }
}
