package io.toolrisk.crawler.mcp;

import java.io.IOException;

/** The server answered a request with a JSON-RPC error. */
public final class McpErrorException extends IOException {
    private final long code;

    public McpErrorException(String method, long code, String serverMessage) {
        super("server answered %s with error %d: %s".formatted(method, code, serverMessage));
        this.code = code;
    }

    /** The JSON-RPC error code, for example -32603. */
    public long code() {
        return code;
    }
}
