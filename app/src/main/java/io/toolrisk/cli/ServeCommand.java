package io.toolrisk.cli;

import io.javalin.Javalin;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.api.SearchApi;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.crawler.mcp.Durations;
import io.toolrisk.refresh.BackgroundRefresher;
import io.toolrisk.refresh.RefreshJob;
import io.toolrisk.refresh.RefreshOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code toolrisk serve}: the API and pages. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Serve the catalogue: the JSON API under /api/v1, the search pages at /, the policies, and the MCP server at "
                        + "POST /mcp (Streamable HTTP; 'toolrisk mcp' is the same over stdio).",
                "With no catalogue yet it serves at once (empty, saying so) while a first refresh of the servers file runs "
                        + "in the background, then switches to the new catalogue without a restart. It also picks up snapshots "
                        + "that a separate 'toolrisk refresh' of the same --catalogue makes live.",
                "The refresh options below apply to those refreshes."})
final class ServeCommand implements Callable<Integer> {
    /** How often the server looks for a snapshot made live by another process. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--refresh-every", paramLabel = "DURATION",
            description = "Refresh on this schedule, e.g. 6h; a run still going when the next is due is skipped.")
    Duration refreshEvery;

    @Mixin
    RefreshCommand refresh = new RefreshCommand();

    @Override
    public Integer call() throws Exception {
        // Checked before anything opens or starts: Javalin would log its own failure, then a bare exception.
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
        checkPortFree();
        Optional<Duration> every = Optional.ofNullable(refreshEvery).map(ServeCommand::schedule);
        var store = new CatalogueStore(refresh.catalogue);
        // Refreshes run later, in the background: when one will, its options are checked now, before serving; an
        // existing catalogue served without a schedule needs none (`--servers none` serves it as it is).
        Optional<RefreshOptions> options = every.isPresent() || store.currentId().isEmpty()
                ? Optional.of(refresh.options()) : Optional.empty();
        var view = LiveIndex.open(store);
        // Started only on an empty catalogue or on the schedule, that is, only when the options were made above.
        var refresher = new BackgroundRefresher(view,
                progress -> new RefreshJob(options.orElseThrow(), Classifier.bundled(), Clock.systemUTC(), progress, System.getenv()).run(),
                System.err);
        Javalin app = SearchApi.create(view).start(host, port);
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        schedule.scheduleWithFixedDelay(() -> reload(view, refresher), WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);

        String url = "http://%s:%d/".formatted(host.equals("0.0.0.0") ? "localhost" : host, app.port());
        if (view.snapshotId().isEmpty()) {
            System.err.printf("serve: %s is up with an empty catalogue; the first refresh of %s runs in the background%n",
                    url, refresh.servers);
            refresher.start("first refresh running: crawling the servers of %s; this catalogue fills when it is done"
                    .formatted(refresh.servers));
        } else {
            System.err.printf("serve: %s is up, serving snapshot %s of %s%n", url, view.snapshotId().get(), store.dir());
        }
        if (every.isPresent()) {
            long millis = every.get().toMillis();
            schedule.scheduleAtFixedRate(() -> refresher.start("refresh running"), millis, millis, TimeUnit.MILLISECONDS);
            System.err.println("serve: refreshing every " + Durations.format(every.get()));
        }

        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            schedule.shutdownNow();
            app.stop();
            try {
                view.close();
            } catch (IOException e) {
                System.err.println("serve: closing the index: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private static Duration schedule(Duration every) {
        if (every.toMillis() <= 0)
            throw new IllegalArgumentException("--refresh-every must be longer than zero, got '%s'".formatted(Durations.format(every)));
        return every;
    }

    /**
     * Fails at once, with one clear line, when the port is taken: Javalin would first log an ERROR line of its own
     * and a message of its own. (A port taken between this check and the start still gets Javalin's.)
     */
    private void checkPortFree() throws IOException {
        if (port == 0) return;
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free
            socket.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new CommandFailure(ExitCode.FAILED, "port %d of %s is in use by another program; stop it or pass --port N"
                    .formatted(port, host));
        }
    }

    /** Picks up a snapshot another process made live; a refresh of our own switches by itself. */
    private static void reload(LiveIndex view, BackgroundRefresher refresher) {
        if (refresher.running()) return;
        try {
            if (view.reload()) {
                view.clearStatus();
                System.err.println("serve: now serving snapshot " + view.snapshotId().orElse("?"));
            }
        } catch (IOException e) {
            System.err.println("serve: cannot open the new snapshot's index, still serving the old one: " + e.getMessage());
        }
    }
}
