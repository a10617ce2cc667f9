package io.toolrisk.crawler.http;

import io.toolrisk.crawler.mcp.ConnectFailedException;
import io.toolrisk.crawler.mcp.McpTimeoutException;
import okhttp3.Call;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/** The HTTP calls one transport has open, so closing the transport can cancel them all. Thread-safe. */
final class Exchanges {
    private final Set<Call> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Registers {@code call} with a whole-call timeout ({@link Duration#ZERO} for none). */
    Call track(Call call, Duration timeout) throws IOException {
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        open.add(call);
        if (closed) {
            call.cancel();
            throw new IOException("connection closed");
        }
        return call;
    }

    void done(Call call) {
        open.remove(call);
    }

    boolean closed() {
        return closed;
    }

    void cancelAll() {
        closed = true;
        open.forEach(Call::cancel);
    }

    /** {@code e} from a call to {@code url} as the crawler reports it. */
    IOException explain(IOException e, String method, String url) {
        if (closed) return new IOException("connection closed", e);
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof SSLException)
            return new ConnectFailedException("cannot connect to %s: %s".formatted(url, message(e)), e);
        if (e instanceof InterruptedIOException)
            return new McpTimeoutException("%s %s timed out (%s)".formatted(method, url, message(e)));
        if (e instanceof HttpStatusException || e instanceof BadAnswerException) return e;
        return new IOException("%s %s failed: %s".formatted(method, url, message(e)), e);
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
