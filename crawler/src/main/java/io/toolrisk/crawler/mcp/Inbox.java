package io.toolrisk.crawler.mcp;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages a transport has read from its server and the session has not taken yet: a bounded queue that
 * producers (reader threads) block on when it is full, so a flooding server is slowed down rather than held in
 * memory. It ends with the reason the server is gone; messages already queued are still delivered first.
 * Thread-safe.
 */
public final class Inbox {
    /** Enough for a burst of notifications; a session takes messages as fast as they come. */
    private static final int CAPACITY = 64;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<JsonNode> messages = new ArrayDeque<>();
    private IOException end;
    private boolean closed;

    /** Queues {@code message}, waiting while the inbox is full; dropped once the inbox has ended or closed. */
    public void deliver(JsonNode message) throws InterruptedException {
        lock.lock();
        try {
            while (messages.size() >= CAPACITY && end == null && !closed) changed.await();
            if (end != null || closed) return;
            messages.addLast(message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the inbox: once the queued messages are taken, {@link #receive} throws {@code why}. The first end wins. */
    public void end(IOException why) {
        lock.lock();
        try {
            if (end == null) end = why;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #end} or {@link #close} was called. */
    public boolean ended() {
        lock.lock();
        try {
            return end != null || closed;
        } finally {
            lock.unlock();
        }
    }

    /** The next message, or empty after {@code timeout}. */
    public Optional<JsonNode> receive(Duration timeout) throws IOException, InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (messages.isEmpty()) {
                if (end != null) throw end;
                if (closed) throw new IOException("connection closed");
                if (nanos <= 0) return Optional.empty();
                nanos = changed.awaitNanos(nanos);
            }
            JsonNode message = messages.pollFirst();
            changed.signalAll();
            return Optional.of(message);
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is queued and wakes everyone: producers return, the consumer gets "connection closed". */
    public void close() {
        lock.lock();
        try {
            closed = true;
            messages.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
