package io.toolrisk.api;

import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Policies as they were last rendered, per snapshot, server, format and profile: a policy depends on nothing else,
 * and rendering one for a server of 10,000 tools takes a good part of a second. Least recently used out first,
 * within a budget of bytes; requests that miss the same policy at once wait for one rendering. Thread-safe.
 */
final class RenderedPolicies {
    /** What a policy is a function of. */
    record Key(String snapshot, String server, PolicyFormat format, PolicyProfile profile) {
    }

    /** Renders a policy on a miss. */
    @FunctionalInterface
    interface Render {
        String render() throws IOException;
    }

    private final long budget;
    private final LinkedHashMap<Key, byte[]> rendered = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Key, CompletableFuture<byte[]>> rendering = new HashMap<>();
    private long used;

    RenderedPolicies(long budget) {
        this.budget = budget;
    }

    /** The policy of {@code key}: kept, being rendered by another request, or rendered now by {@code render}. */
    byte[] get(Key key, Render render) throws IOException {
        CompletableFuture<byte[]> mine = null;
        CompletableFuture<byte[]> theirs;
        synchronized (this) {
            byte[] kept = rendered.get(key);
            if (kept != null) return kept;
            theirs = rendering.get(key);
            if (theirs == null) rendering.put(key, mine = new CompletableFuture<>());
        }
        if (theirs != null) return await(theirs);
        try {
            byte[] bytes = render.render().getBytes(StandardCharsets.UTF_8);
            keep(key, bytes);
            mine.complete(bytes);
            return bytes;
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                rendering.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private synchronized void keep(Key key, byte[] bytes) {
        rendering.remove(key);
        if (bytes.length > budget / 4) return;
        rendered.put(key, bytes);
        used += bytes.length;
        Iterator<byte[]> eldest = rendered.values().iterator();
        while (used > budget && eldest.hasNext()) {
            used -= eldest.next().length;
            eldest.remove();
        }
    }

    private static byte[] await(CompletableFuture<byte[]> rendering) throws IOException {
        try {
            return rendering.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while another request rendered the same policy", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        }
    }
}
