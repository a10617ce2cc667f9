package io.toolrisk.api;

import java.time.Duration;

/**
 * What one client may cost the server, so that slow or broken clients cannot starve the others.
 *
 * @param maxBodyBytes   largest request body; one announced larger is refused at once (413), one that turns out
 *                       larger when it arrives as well
 * @param maxSlowBodies  bodies still arriving {@code slowAfter} after their request began: one more is refused then
 *                       (503). A body that comes whole sooner (nearly every one) never counts. A body is received
 *                       before the app sees its request, without holding a thread: this bounds what slow clients
 *                       hold, so that they cannot crowd out the others
 * @param slowAfter      how long a body may take before it counts as slow
 * @param bodyBudgetBytes bytes of request bodies held at once, from their first byte until their request is answered
 *                       (the app then copies and parses each, a few times its size); a body that would go over it is
 *                       refused (503)
 * @param bodyTimeout    the whole body must arrive within this, however it trickles (408 otherwise)
 * @param idleTimeout    a connection that sends nothing for this long is closed
 */
public record HttpLimits(long maxBodyBytes, int maxSlowBodies, Duration slowAfter, long bodyBudgetBytes, Duration bodyTimeout,
                         Duration idleTimeout) {
    /** 4 MB bodies; 32 slow ones (still coming after 1 s) at a time; 64 MB of bodies held; 15 s to send one; 15 s of silence. */
    public static final HttpLimits DEFAULT = new HttpLimits(4L * 1024 * 1024, 32, Duration.ofSeconds(1), 64L * 1024 * 1024,
            Duration.ofSeconds(15), Duration.ofSeconds(15));

    public HttpLimits {
        if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        if (maxSlowBodies < 1) throw new IllegalArgumentException("maxSlowBodies must be positive, got " + maxSlowBodies);
        if (bodyBudgetBytes < maxBodyBytes)
            throw new IllegalArgumentException("bodyBudgetBytes must hold at least one body of maxBodyBytes (%d), got %d"
                    .formatted(maxBodyBytes, bodyBudgetBytes));
        requirePositive("slowAfter", slowAfter);
        requirePositive("bodyTimeout", bodyTimeout);
        requirePositive("idleTimeout", idleTimeout);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero())
            throw new IllegalArgumentException("%s must be a positive duration, got %s".formatted(name, d));
    }
}
