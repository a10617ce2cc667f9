package io.toolrisk.api;

import java.time.Duration;

/**
 * What one client may cost the server, so that slow or broken clients cannot starve the others.
 *
 * @param maxBodyBytes   largest request body; one announced larger is refused at once (413), one that turns out
 *                       larger when it arrives as well
 * @param maxSlowBodies  requests with a body in the server at once, while the body arrives and while the request
 *                       is answered; one more is refused at once (503). A body is received before the app sees its
 *                       request, without holding a thread, so this bounds memory (each body is held whole, then
 *                       copied and parsed by the app) and the threads that classify, not threads waiting
 * @param bodyTimeout    the whole body must arrive within this, however it trickles (408 otherwise)
 * @param idleTimeout    a connection that sends nothing for this long is closed
 */
public record HttpLimits(long maxBodyBytes, int maxSlowBodies, Duration bodyTimeout, Duration idleTimeout) {
    /** 4 MB bodies, 16 at a time (64 MB of bodies at most), 15 s to send one, 15 s of silence. */
    public static final HttpLimits DEFAULT = new HttpLimits(4L * 1024 * 1024, 16, Duration.ofSeconds(15), Duration.ofSeconds(15));

    public HttpLimits {
        if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        if (maxSlowBodies < 1) throw new IllegalArgumentException("maxSlowBodies must be positive, got " + maxSlowBodies);
        requirePositive("bodyTimeout", bodyTimeout);
        requirePositive("idleTimeout", idleTimeout);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero())
            throw new IllegalArgumentException("%s must be a positive duration, got %s".formatted(name, d));
    }
}
