package io.toolrisk.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.json.Json;

import java.util.regex.Pattern;

/**
 * A Claude Code settings fragment, {@code {"permissions":{"allow":[],"ask":[],"deny":[]}}}, naming tools as
 * {@code mcp__<server>__<tool>}. Allowed tools go to {@code allow}; rate-limited ones to {@code ask} (Claude Code
 * cannot rate-limit, so a person confirms each call); denied and hidden ones to {@code deny}. A multi-action
 * tool with denied actions goes at least to {@code ask}, because a permission rule cannot test arguments.
 */
public final class ClaudeCodePermissions implements PolicyTemplate {
    /** Claude Code replaces characters outside these in server and tool names with an underscore. */
    private static final Pattern NOT_NAME_CHARACTER = Pattern.compile("[^A-Za-z0-9_-]");

    ClaudeCodePermissions() {
    }

    @Override
    public String render(ServerPolicy policy) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode permissions = root.putObject("permissions");
        ArrayNode allow = permissions.putArray("allow");
        ArrayNode ask = permissions.putArray("ask");
        ArrayNode deny = permissions.putArray("deny");
        for (ToolPolicy tool : policy.tools()) {
            String name = toolName(policy.server(), tool.tool());
            switch (tool.treatment()) {
                case Treatment.Allow a -> (tool.deniedActions().isEmpty() ? allow : ask).add(name);
                case Treatment.RateLimit r -> ask.add(name);
                case Treatment.Ask a -> ask.add(name);
                case Treatment.RequireApproval r -> deny.add(name);
                case Treatment.Hide h -> deny.add(name);
            }
        }
        root.put("_generated_by", policy.provenance());
        return PrettyJson.write(root);
    }

    /** {@code mcp__<server>__<tool>} as Claude Code names an MCP tool. */
    public static String toolName(String server, String tool) {
        return "mcp__" + NOT_NAME_CHARACTER.matcher(server).replaceAll("_")
                + "__" + NOT_NAME_CHARACTER.matcher(tool).replaceAll("_");
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String fileName(String server) {
        return server + ".claude-code.json";
    }
}
