package io.toolrisk.mcpserver;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one client agreed with the server: the protocol revision, once {@code initialize} is answered. Over stdio a
 * session lives as long as the process and must begin with {@code initialize}; Streamable HTTP here is stateless, so
 * each POST is a session of its own that speaks the revision its {@code MCP-Protocol-Version} header names. Thread-safe.
 */
final class McpSession {
    private final AtomicReference<ProtocolVersion> version;
    private final boolean stateless;

    private McpSession(ProtocolVersion version, boolean stateless) {
        this.version = new AtomicReference<>(version);
        this.stateless = stateless;
    }

    /** A stdio session, not initialized yet. */
    static McpSession stdio() {
        return new McpSession(null, false);
    }

    /** One POST of stateless Streamable HTTP, speaking {@code version}. */
    static McpSession http(ProtocolVersion version) {
        return new McpSession(version, true);
    }

    /** The agreed revision; empty on a stdio session before {@code initialize}. */
    Optional<ProtocolVersion> version() {
        return Optional.ofNullable(version.get());
    }

    /** True when requests other than {@code initialize} and {@code ping} may be answered. */
    boolean initialized() {
        return version.get() != null;
    }

    /**
     * Records the revision {@code initialize} agreed on.
     *
     * @return false when this stdio session was initialized already (a second initialize is refused)
     */
    boolean initialize(ProtocolVersion agreed) {
        if (stateless) {
            version.set(agreed);
            return true;
        }
        return version.compareAndSet(null, agreed);
    }
}
