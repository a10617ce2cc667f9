package io.toolrisk.api;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives every request body whole before the app sees its request, and without holding a thread while it
 * arrives: the app reads bodies with blocking calls, so a client sending one byte at a time would otherwise keep
 * a thread for as long as it liked, and a few hundred such clients would take them all. Here a body that is still
 * arriving costs a buffer, not a thread, and:
 * <ul>
 *   <li>a body announced larger than the limit is refused at once (413), whatever the number says;</li>
 *   <li>at most {@link HttpLimits#maxSlowBodies()} bodies are still arriving {@link HttpLimits#slowAfter()} after their
 *       request began; one more slow one is refused then (503), while bodies that come sooner go on being served;</li>
 *   <li>the bodies held at once, received or being answered, stay within {@link HttpLimits#bodyBudgetBytes()} (503
 *       for one that would not);</li>
 *   <li>a body must arrive whole within {@link HttpLimits#bodyTimeout()} (408);</li>
 *   <li>a body that is malformed at the HTTP level (a bad chunk size, a connection closed before its
 *       Content-Length) is a 400 and one line in the log.</li>
 * </ul>
 * Errors have the API's shape through the server's error handler ({@link JettyErrors}).
 */
final class RequestBodies extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);
    private static final int FIRST_BUFFER_BYTES = 16 * 1024;

    private final HttpLimits limits;
    private final Semaphore slow;
    private final AtomicLong held = new AtomicLong();

    RequestBodies(HttpLimits limits) {
        this.limits = limits;
        this.slow = new Semaphore(limits.maxSlowBodies());
    }

    /** What the API says for a body over the limit, here and in the app. */
    static String tooLarge(long maxBodyBytes) {
        return "the request body is over the limit of %,d bytes".formatted(maxBodyBytes);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long announced = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (announced > limits.maxBodyBytes()) {
            refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(limits.maxBodyBytes()));
            return true;
        }
        if (announced <= 0 && !chunked) return super.handle(request, response, callback);
        new Body(request, response, callback, announced).start();
        return true;
    }

    /** Answers without reading the body; the connection closes after the answer, since the body is left unread. */
    private static void refuse(Request request, Response response, Callback callback, int status, String message) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        Response.writeError(request, response, callback, status, message);
    }

    /**
     * One body being received: read as chunks come (each read is a demand callback, run by whichever thread has
     * the bytes; nothing here blocks), then handed to the app from a pool thread. Whichever comes first of the
     * last chunk, a failure and the deadline settles it; the others then do nothing.
     */
    private final class Body implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long announced;
        private byte[] bytes;
        private int size;
        /** Bytes of the budget this body holds. */
        private long reserved;
        /** Holds one of the slow bodies' places. */
        private boolean slowPlace;
        private boolean settled;
        private Scheduler.Task deadline;
        private Scheduler.Task slowCheck;

        Body(Request request, Response response, Callback callback, long announced) {
            this.request = request;
            this.response = response;
            // What the body holds of the budget is given back when its request is answered, whichever way.
            this.callback = Callback.from(() -> held.addAndGet(-reserved()), callback);
            this.announced = announced;
            this.bytes = new byte[(int) Math.min(FIRST_BUFFER_BYTES, announced > 0 ? announced : limits.maxBodyBytes())];
        }

        private synchronized long reserved() {
            return reserved;
        }

        /** Takes {@code more} bytes of the budget; false (taking nothing) when that would go over it. */
        private boolean reserve(long more) {
            if (held.addAndGet(more) > limits.bodyBudgetBytes()) {
                held.addAndGet(-more);
                return false;
            }
            reserved += more;
            return true;
        }

        private Runnable overBudget() {
            return settle(() -> refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "the server holds %,d bytes of request bodies already; try again".formatted(limits.bodyBudgetBytes())));
        }

        void start() {
            Runnable refused;
            synchronized (this) {
                deadline = request.getComponents().getScheduler()
                        .schedule(this::expire, limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
                refused = reserve(bytes.length) ? null : overBudget();
            }
            if (refused != null) refused.run();
            else run();
        }

        /** Reads what has arrived; the demand callback. */
        @Override
        public void run() {
            Runnable outcome;
            synchronized (this) {
                outcome = readAvailable();
            }
            if (outcome != null) outcome.run();
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        /** Reads what has arrived; returns what to do once settled, or null while waiting for more. */
        private Runnable readAvailable() {
            while (!settled) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (slowCheck == null)
                        slowCheck = request.getComponents().getScheduler().schedule(this::slow, limits.slowAfter().toMillis(), TimeUnit.MILLISECONDS);
                    request.demand(this);
                    return null;
                }
                if (Content.Chunk.isFailure(chunk)) return settle(() -> failed(chunk.getFailure()));
                ByteBuffer buffer = chunk.getByteBuffer();
                int length = buffer.remaining();
                if ((long) size + length > limits.maxBodyBytes()) {
                    chunk.release();
                    return settle(() -> refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                            tooLarge(limits.maxBodyBytes())));
                }
                if (size + length > bytes.length) {
                    int grown = (int) Math.min(limits.maxBodyBytes(), Math.max(size + length, 2L * bytes.length));
                    if (!reserve(grown - bytes.length)) {
                        chunk.release();
                        return overBudget();
                    }
                    bytes = Arrays.copyOf(bytes, grown);
                }
                buffer.get(bytes, size, length);
                size += length;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) return settle(this::dispatch);
            }
            return null;
        }

        private Runnable settle(Runnable outcome) {
            settled = true;
            deadline.cancel();
            if (slowCheck != null) slowCheck.cancel();
            if (slowPlace) slow.release();
            slowPlace = false;
            return outcome;
        }

        /** Still arriving after {@link HttpLimits#slowAfter()}: takes a slow body's place, or is refused. */
        private void slow() {
            Runnable outcome;
            synchronized (this) {
                if (settled) return;
                if (slow.tryAcquire()) {
                    slowPlace = true;
                    return;
                }
                outcome = settle(() -> refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                        "the server is receiving %d slow request bodies already; try again".formatted(limits.maxSlowBodies())));
            }
            outcome.run();
        }

        private void expire() {
            Runnable outcome;
            synchronized (this) {
                if (settled) return;
                outcome = settle(() -> refuse(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                        "the request body did not arrive within %d s".formatted(limits.bodyTimeout().toSeconds())));
            }
            outcome.run();
        }

        private void failed(Throwable failure) {
            if (failure instanceof TimeoutException) {
                refuse(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                        "the request body stopped arriving (no byte for %d s)".formatted(limits.idleTimeout().toSeconds()));
                return;
            }
            String reason = failure instanceof EofException ? endedEarly() : "unreadable request body: " + failure;
            LOG.warn("{} {} from {}: {}", request.getMethod(), request.getHttpURI().getPath(),
                    Request.getRemoteAddr(request), reason);
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, reason);
        }

        /**
         * Why the body ended before it was whole. Jetty's parser reports a body it cannot parse (a bad chunk size) as
         * an early end of input too, dropping its reason; a connection whose input is still open did not end, so
         * that is what happened.
         */
        private String endedEarly() {
            if (announced > 0)
                return "the connection ended after %,d of the %,d bytes its Content-Length announced".formatted(size, announced);
            return request.getConnectionMetaData().getConnection().getEndPoint().isInputShutdown()
                    ? "the connection ended before the last chunk of the request body"
                    : "the chunked encoding of the request body is malformed (a chunk size that is not hexadecimal, or a chunk "
                            + "not ended by CRLF)";
        }

        /** Hands the request, its body now whole in memory, to the app, on a pool thread. */
        private void dispatch() {
            var whole = new Request.Wrapper(request) {
                private Content.Chunk body = Content.Chunk.from(ByteBuffer.wrap(bytes, 0, size), true);

                @Override
                public Content.Chunk read() {
                    Content.Chunk chunk = body;
                    if (chunk == null) return Content.Chunk.EOF;
                    body = null;
                    return chunk;
                }

                @Override
                public void demand(Runnable demandCallback) {
                    demandCallback.run();
                }
            };
            request.getContext().execute(() -> {
                try {
                    if (!RequestBodies.super.handle(whole, response, callback))
                        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                } catch (Throwable e) {
                    Response.writeError(request, response, callback, e);
                }
            });
        }
    }
}
