package io.toolrisk.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Docker MCP Gateway's {@code tools.yaml}: {@code <server>: [tool, ...]}, the tools the gateway enables of a
 * server it lists (the others are neither shown nor callable). Listed are the tools that pass with no human in the
 * loop: allowed and rate-limited ones (tools.yaml cannot rate-limit). Left out, so refused: tools a human must
 * confirm per call or approve, hidden tools, a multi-action tool with denied actions (tools.yaml cannot test
 * arguments), and a tool named {@code *}, which the gateway may read as every tool. A server none of whose tools
 * pass gets an empty list, which enables none.
 */
public final class DockerGatewayTools implements PolicyTemplate {
    /** A tool by this name is never listed: in tools.yaml it can stand for all of a server's tools. */
    private static final String EVERY_TOOL = "*";

    DockerGatewayTools() {
    }

    @Override
    public String render(ServerPolicy policy) {
        ObjectNode root = PolicyYaml.object();
        ArrayNode enabled = root.putArray(policy.server());
        for (ToolPolicy tool : policy.tools()) {
            if (AllowList.admits(tool) && tool.deniedActions().isEmpty() && !tool.tool().equals(EVERY_TOOL))
                enabled.add(tool.tool());
        }
        return PolicyYaml.write(root, policy.provenance(),
                "Docker MCP Gateway tools.yaml: the tools enabled without a human in the loop; any other tool is refused.");
    }

    @Override
    public String contentType() {
        return "application/yaml";
    }

    @Override
    public String fileName(String server) {
        return server + ".docker-gateway.yaml";
    }
}
