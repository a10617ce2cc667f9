package io.toolrisk.crawler.mcp;

import java.io.IOException;

/** The server did not answer in time. */
public final class McpTimeoutException extends IOException {
    public McpTimeoutException(String message) {
        super(message);
    }
}
