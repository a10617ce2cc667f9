package io.toolrisk.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Policies as they were rendered, per snapshot, server, format and profile, within a budget of bytes, kept by
 * Caffeine: a policy depends on nothing else, and rendering one for a server of 10,000 tools takes a good part of a
 * second. Requests that miss the same policy at once wait for one rendering. Thread-safe.
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

    private final Cache<Key, byte[]> rendered;

    RenderedPolicies(long budget) {
        rendered = Caffeine.newBuilder()
                .maximumWeight(budget)
                .weigher((Key key, byte[] policy) -> policy.length)
                // Eviction runs on the caller's thread: no pool thread, and a weight a test can read at once.
                .executor(Runnable::run)
                .build();
    }

    /** The policy of {@code key}: kept, being rendered by another request, or rendered now by {@code render}. */
    byte[] get(Key key, Render render) throws IOException {
        try {
            return rendered.get(key, k -> {
                try {
                    return render.render().getBytes(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The bytes the kept policies weigh now. */
    long weight() {
        rendered.cleanUp();
        return rendered.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
