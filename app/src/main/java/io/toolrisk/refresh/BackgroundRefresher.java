package io.toolrisk.refresh;

import io.toolrisk.index.LiveIndex;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs refreshes for a running server and switches its view to each new snapshot without a restart. At most one
 * runs at a time: a refresh asked for while one is running is skipped, not queued. Thread-safe.
 */
public final class BackgroundRefresher {
    private final LiveIndex view;
    private final Callable<RefreshOutcome> refresh;
    private final PrintStream log;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param refresh one refresh of the view's catalogue (a {@link RefreshJob#run} call) */
    public BackgroundRefresher(LiveIndex view, Callable<RefreshOutcome> refresh, PrintStream log) {
        this.view = view;
        this.refresh = refresh;
        this.log = log;
    }

    /**
     * Starts a refresh on a new thread, with {@code status} shown meanwhile when the catalogue is empty.
     *
     * @return false when one is running already (this one is skipped)
     */
    public boolean start(String status) {
        if (!running.compareAndSet(false, true)) {
            log.println("serve: a refresh is still running; this one is skipped");
            return false;
        }
        if (view.snapshotId().isEmpty()) view.status(status);
        Thread.ofVirtual().name("refresh").start(this::runOnce);
        return true;
    }

    public boolean running() {
        return running.get();
    }

    private void runOnce() {
        try {
            RefreshOutcome outcome = refresh.call();
            switch (outcome) {
                case RefreshOutcome.Written w -> {
                    view.switchTo(w.snapshotId());
                    view.clearStatus();
                    log.printf("serve: now serving snapshot %s (%,d servers, %,d tools)%n", w.snapshotId(), w.servers(), w.tools());
                }
                case RefreshOutcome.NothingWritten n -> failed(n.reason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed(reason(e));
        } finally {
            running.set(false);
        }
    }

    private void failed(String reason) {
        log.println("serve: refresh failed: " + reason);
        if (view.snapshotId().isEmpty())
            view.status("the first refresh failed: " + reason + ". Run ./toolrisk refresh to see the whole report.");
    }

    /** What a person reads of a failed run: the exception's message, or its kind when it has none ("null" never). */
    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
