package io.toolrisk.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Optional;

/**
 * What an MCP server said about itself in its {@code initialize} answer: {@code serverInfo} (name, title,
 * version), the protocol version it negotiated, its capabilities and its instructions. All of it is
 * untrusted text from the server.
 */
public record ServerInfo(
        String name,
        Optional<String> title,
        String version,
        String protocolVersion,
        JsonNode capabilities,
        Optional<String> instructions) {

    public ServerInfo {
        name = name == null ? "" : name;
        title = title == null ? Optional.empty() : title;
        version = version == null ? "" : version;
        protocolVersion = protocolVersion == null ? "" : protocolVersion;
        capabilities = capabilities == null ? JsonNodeFactory.instance.objectNode() : capabilities;
        instructions = instructions == null ? Optional.empty() : instructions;
    }
}
