package io.toolrisk.policy;

/**
 * Writes a {@link ServerPolicy} in one gateway's or client's format. Stateless and thread-safe; the same
 * policy always gives the same text.
 */
public sealed interface PolicyTemplate permits PolicyLayerJson, InterceptYaml, ClaudeCodePermissions,
        DockerGatewayTools, CedarPolicySet, AgentgatewayRules {
    /** The file as text, ending with a newline. */
    String render(ServerPolicy policy);

    /** The media type to serve it with. */
    String contentType();

    /** A file name for {@code server}'s policy, e.g. {@code github.intercept.yaml}. */
    String fileName(String server);
}
