package io.toolrisk.refresh;

import io.toolrisk.index.LiveIndex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs refreshes for a running server and switches its view to each new snapshot without a restart. At most one
 * runs at a time: a refresh asked for while one is running is skipped, not queued. While the catalogue is empty, the
 * view's status shows the refresh's latest progress line under the message it started with, so that the pages show
 * the first run advancing. Thread-safe.
 */
public final class BackgroundRefresher {
    /** How the refresh job starts its lines; the status shows them without it. */
    private static final String LINE_PREFIX = "refresh: ";

    /** One refresh of the view's catalogue (a {@link RefreshJob#run} call), writing its progress to {@code progress}. */
    @FunctionalInterface
    public interface Run {
        RefreshOutcome run(PrintStream progress) throws Exception;
    }

    private final LiveIndex view;
    private final Run refresh;
    private final PrintStream log;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param log where the refresh's progress and this class's own lines go (stderr) */
    public BackgroundRefresher(LiveIndex view, Run refresh, PrintStream log) {
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
        Thread.ofVirtual().name("refresh").start(() -> runOnce(status));
        return true;
    }

    public boolean running() {
        return running.get();
    }

    private void runOnce(String status) {
        var progress = new PrintStream(new Lines(log, line -> progress(status, line)), true, StandardCharsets.UTF_8);
        try {
            RefreshOutcome outcome = refresh.run(progress);
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

    /** Shows {@code line} under {@code status} while the catalogue is empty. */
    private void progress(String status, String line) {
        if (!view.snapshotId().isEmpty() || line.isBlank()) return;
        view.status(status + "\n" + (line.startsWith(LINE_PREFIX) ? line.substring(LINE_PREFIX.length()) : line));
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

    /** Passes every byte on to {@code out}, and each complete line, decoded, to {@code lines}. */
    private static final class Lines extends OutputStream {
        private final OutputStream out;
        private final Consumer<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(OutputStream out, Consumer<String> lines) {
            this.out = out;
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                lines.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
