package io.toolrisk.crawler.http;

import java.io.IOException;

/** An HTTP answer with a status that ends the session, carrying the facts: status, method and URL. */
public final class HttpStatusException extends IOException {
    private final int status;

    HttpStatusException(int status, String method, String url, String bodySnippet) {
        super("HTTP %d from %s %s%s".formatted(status, method, url,
                bodySnippet.isEmpty() ? "" : ": " + bodySnippet));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
