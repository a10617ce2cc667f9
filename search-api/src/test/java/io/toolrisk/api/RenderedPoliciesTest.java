package io.toolrisk.api;

import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderedPoliciesTest {
    private static RenderedPolicies.Key key(String server) {
        return new RenderedPolicies.Key("20261125T130000Z", server, PolicyFormat.POLICYLAYER, PolicyProfile.RECOMMENDED);
    }

    @Test
    void aPolicyIsRenderedOnceAndKept() throws IOException {
        var policies = new RenderedPolicies(1 << 20);
        var renders = new AtomicInteger();
        RenderedPolicies.Render render = () -> {
            renders.incrementAndGet();
            return "{}";
        };
        for (int i = 0; i < 3; i++) assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), policies.get(key("a"), render));
        assertEquals(1, renders.get());
        policies.get(new RenderedPolicies.Key("20261126T130000Z", "a", PolicyFormat.POLICYLAYER, PolicyProfile.RECOMMENDED), () -> {
            renders.incrementAndGet();
            return "{}";
        });
        assertEquals(2, renders.get(), "another snapshot is another policy");
    }

    @Test
    void requestsMissingTheSamePolicyAtOnceWaitForOneRendering() throws Exception {
        var policies = new RenderedPolicies(1 << 20);
        var renders = new AtomicInteger();
        var rendering = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> first = pool.submit(() -> policies.get(key("a"), () -> {
                renders.incrementAndGet();
                rendering.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return "rendered";
            }));
            rendering.await();
            var second = new AtomicReference<byte[]>();
            Thread waiting = Thread.ofVirtual().start(() -> {
                try {
                    second.set(policies.get(key("a"), () -> {
                        renders.incrementAndGet();
                        return "again";
                    }));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // It either waits for the first rendering (blocked or waiting) or, rendering its own, ends without waiting.
            while (waiting.getState() == Thread.State.NEW || waiting.getState() == Thread.State.RUNNABLE) Thread.onSpinWait();
            release.countDown();
            waiting.join();
            assertEquals("rendered", new String(first.get(), StandardCharsets.UTF_8));
            assertEquals("rendered", new String(second.get(), StandardCharsets.UTF_8));
            assertEquals(1, renders.get());
        }
    }

    @Test
    void whatIsKeptStaysWithinTheBudget() throws IOException {
        var policies = new RenderedPolicies(40);
        for (String server : new String[] {"a", "b", "c", "d", "e", "f", "g"}) policies.get(key(server), () -> "0123456789");
        assertTrue(policies.weight() <= 40, "weight " + policies.weight());
        assertTrue(policies.weight() >= 10, "weight " + policies.weight());
    }

    @Test
    void aFailedRenderingIsNotKept() throws IOException {
        var policies = new RenderedPolicies(1 << 20);
        assertThrows(IOException.class, () -> policies.get(key("a"), () -> {
            throw new IOException("index closed");
        }));
        assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), policies.get(key("a"), () -> "ok"));
    }
}
