package io.toolrisk.crawler.mcp;

import java.io.IOException;

/** The server could not be reached at all (connection refused, unknown host, TLS failure). */
public final class ConnectFailedException extends IOException {
    public ConnectFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
