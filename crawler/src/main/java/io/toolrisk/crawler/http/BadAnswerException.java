package io.toolrisk.crawler.http;

import java.io.IOException;

/** The server answered, but with something the crawler will not take (too large, not JSON, cut off). */
final class BadAnswerException extends IOException {
    BadAnswerException(String message) {
        super(message);
    }

    BadAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
