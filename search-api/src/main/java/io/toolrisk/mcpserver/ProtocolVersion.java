package io.toolrisk.mcpserver;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The MCP protocol revisions this server speaks: those the official TypeScript SDK 1.32.2 offers, oldest first. What
 * a tool definition and a tool result may carry depends on the revision a session agreed on: annotations came with
 * 2025-03-26; titles, output schemas and structured content with 2025-06-18.
 */
enum ProtocolVersion {
    V2024_10_07("2024-10-07"),
    V2024_11_05("2024-11-05"),
    V2025_03_26("2025-03-26"),
    V2025_06_18("2025-06-18"),
    V2025_11_25("2025-11-25");

    /** What the server answers a client that asks for a revision it does not speak (the spec's negotiation). */
    static final ProtocolVersion LATEST = V2025_11_25;
    /**
     * What a Streamable HTTP request that carries no {@code MCP-Protocol-Version} header speaks: the transport's spec
     * says to assume 2025-03-26, the revision before the header existed.
     */
    static final ProtocolVersion HTTP_WITHOUT_HEADER = V2025_03_26;

    private final String wire;

    ProtocolVersion(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static Optional<ProtocolVersion> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }

    /** The revision to answer {@code initialize} with: the one asked for when spoken here, else the latest. */
    static ProtocolVersion negotiate(String requested) {
        return of(requested).orElse(LATEST);
    }

    /** Every revision, newest first, as a message lists them. */
    static String supported() {
        return Arrays.stream(values()).map(ProtocolVersion::wire).sorted((a, b) -> b.compareTo(a)).collect(Collectors.joining(", "));
    }

    /** Tool {@code annotations} (2025-03-26 on). */
    boolean hasToolAnnotations() {
        return compareTo(V2025_03_26) >= 0;
    }

    /** {@code title} on tools and on the server's info, {@code outputSchema} and {@code structuredContent} (2025-06-18 on). */
    boolean hasStructuredContent() {
        return compareTo(V2025_06_18) >= 0;
    }
}
