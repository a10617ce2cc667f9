package io.toolrisk.crawler;

import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.crawler.CrawlResult.Stage;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.http.HttpClients;
import io.toolrisk.crawler.http.StreamableHttpTransport;
import io.toolrisk.crawler.mcp.ConnectFailedException;
import io.toolrisk.crawler.mcp.Deadline;
import io.toolrisk.crawler.mcp.Durations;
import io.toolrisk.crawler.mcp.McpSession;
import io.toolrisk.crawler.mcp.ToolListing;
import io.toolrisk.crawler.mcp.Transport;
import io.toolrisk.crawler.stdio.Sandbox;
import io.toolrisk.crawler.stdio.StdioTransport;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Crawls MCP servers for their tools: over stdio, Streamable HTTP or legacy HTTP+SSE, or from a recorded file.
 * A crawl never throws for what a server does: every outcome is a {@link CrawlResult}, and every crawl ends
 * within {@link CrawlLimits#serverTimeout()} (plus a moment to end processes). Thread-safe: one crawler can run
 * any number of crawls at once; make one per process.
 */
public final class Crawler {
    private final CrawlLimits limits;
    private final OkHttpClient http;
    private final Map<String, String> environment;
    private final Sandbox sandbox;

    /**
     * A crawler with its own HTTP client, filling {@code ${VAR}}s from this process's environment, starting stdio
     * servers in {@code sandbox}.
     */
    public Crawler(CrawlLimits limits, Sandbox sandbox) {
        this(limits, HttpClients.create(limits.connectTimeout(), limits.requestTimeout()), System.getenv(), sandbox);
    }

    /**
     * @param http        the process's shared client (see {@link HttpClients#create})
     * @param environment where {@code ${VAR}} placeholders and {@code PATH} come from; nothing else of it
     *                    reaches a server
     * @param sandbox     what stdio servers run in
     */
    public Crawler(CrawlLimits limits, OkHttpClient http, Map<String, String> environment, Sandbox sandbox) {
        this.limits = limits;
        this.http = http;
        this.environment = Map.copyOf(environment);
        this.sandbox = sandbox;
    }

    public CrawlLimits limits() {
        return limits;
    }

    /**
     * Fails, with the one-line reason every stdio crawl would give, when this crawler's sandbox cannot be made
     * here; a run of many servers checks once before it starts any, rather than recording each as failed.
     */
    public void requireSandbox() throws IOException, InterruptedException {
        StdioTransport.requireSandbox(sandbox, environment);
    }

    /** Crawls one server. Only an interrupt of the calling thread ends it other than with a result. */
    public CrawlResult crawl(ServerEntry entry) throws InterruptedException {
        ServerRef ref = ServerRef.of(entry);
        return switch (entry) {
            case ServerEntry.Stdio stdio -> crawlStdio(ref, stdio);
            case ServerEntry.Http remote -> crawlHttp(ref, remote);
            case ServerEntry.File file -> RecordedTools.read(ref, file.path(), limits);
        };
    }

    /**
     * Crawls all {@code entries}, at most {@code concurrency} at a time, each on its own virtual thread. One
     * server's failure never touches another's result.
     *
     * @return one result per entry, in the order of {@code entries}
     * @throws IllegalArgumentException when {@code concurrency} is below 1
     */
    public List<CrawlResult> crawlAll(List<? extends ServerEntry> entries, int concurrency, CrawlListener listener)
            throws InterruptedException {
        var results = new CrawlResult[entries.size()];
        try {
            crawlEach(entries, concurrency, (index, result) -> results[index] = result, listener);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: storing into an array", e);
        }
        return Arrays.asList(results);
    }

    /**
     * Like {@link #crawlAll}, but hands each result to {@code sink} as it comes in, with the index of its entry,
     * and keeps none: a refresh of ten thousand servers holds only the crawls in flight. {@code sink} is called
     * from the crawling threads, concurrently.
     *
     * @throws IOException              the first failure of {@code sink}; no new crawl starts after it, and those
     *                                  running finish first
     * @throws IllegalArgumentException when {@code concurrency} is below 1
     */
    public void crawlEach(List<? extends ServerEntry> entries, int concurrency, ResultSink sink, CrawlListener listener)
            throws InterruptedException, IOException {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        var permits = new Semaphore(concurrency);
        var progress = new Progress(listener, entries.size());
        var sinkFailure = new AtomicReference<IOException>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < entries.size() && sinkFailure.get() == null; i++) {
                permits.acquire();
                int index = i;
                pool.submit(() -> {
                    try {
                        CrawlResult result = crawlSafely(entries.get(index));
                        sink.accept(index, result);
                        progress.finished(result);
                    } catch (IOException e) {
                        sinkFailure.compareAndSet(null, e);
                    } finally {
                        permits.release();
                    }
                    return null;
                });
            }
        }
        if (Thread.interrupted()) throw new InterruptedException("crawl interrupted");
        if (sinkFailure.get() != null) throw sinkFailure.get();
    }

    /** Receives crawl results as they come in; see {@link #crawlEach}. */
    @FunctionalInterface
    public interface ResultSink {
        void accept(int index, CrawlResult result) throws IOException;
    }

    private CrawlResult crawlSafely(ServerEntry entry) throws InterruptedException {
        try {
            return crawl(entry);
        } catch (RuntimeException e) {
            // A crawler bug met by one server must not cost the others their results.
            return new CrawlResult.Failed(ServerRef.of(entry), Stage.INITIALIZE, "crawler error: " + e, "");
        }
    }

    private CrawlResult crawlStdio(ServerRef ref, ServerEntry.Stdio entry) throws InterruptedException {
        var variables = new Variables(environment);
        List<String> command = new ArrayList<>();
        command.add(variables.fill(entry.command()));
        command.addAll(variables.fill(entry.args()));
        Map<String, String> env = new LinkedHashMap<>();
        String path = environment.get("PATH");
        if (path != null) env.put("PATH", path);
        env.putAll(variables.fill(entry.env()));
        if (!variables.missing().isEmpty()) return new CrawlResult.NeedsCredentials(ref, variables.missing());

        Deadline deadline = Deadline.after(limits.serverTimeout());
        StdioTransport transport;
        try {
            transport = StdioTransport.start(command, env, limits.maxMessageBytes(), sandbox);
        } catch (IOException e) {
            return new CrawlResult.Failed(ref, Stage.LAUNCH, e.getMessage(), "");
        }
        return converse(ref, transport, deadline);
    }

    private CrawlResult crawlHttp(ServerRef ref, ServerEntry.Http entry) throws InterruptedException {
        var variables = new Variables(environment);
        String url = variables.fill(entry.url());
        Map<String, String> headers = variables.fill(entry.headers());
        if (!variables.missing().isEmpty()) return new CrawlResult.NeedsCredentials(ref, variables.missing());

        Deadline deadline = Deadline.after(limits.serverTimeout());
        Transport transport;
        try {
            transport = StreamableHttpTransport.open(http, url, headers, limits.requestTimeout(), limits.maxMessageBytes());
        } catch (IllegalArgumentException e) {
            return new CrawlResult.Failed(ref, Stage.CONNECT, e.getMessage(), "");
        }
        return converse(ref, transport, deadline);
    }

    /** initialize, then tools/list; the transport is closed (process tree ended, session deleted) either way. */
    private CrawlResult converse(ServerRef ref, Transport transport, Deadline deadline) throws InterruptedException {
        Stage stage = Stage.INITIALIZE;
        String reason;
        Watchdog watchdog = Watchdog.start(deadline, transport);
        try {
            var session = new McpSession(transport, limits.requestTimeout(), deadline, limits.maxTools(), limits.maxPages());
            ServerInfo info = session.initialize();
            stage = Stage.LIST;
            ToolListing listing = session.listTools();
            return new CrawlResult.Crawled(ref, info, listing.tools(), listing.warnings());
        } catch (IOException e) {
            if (e instanceof ConnectFailedException) stage = Stage.CONNECT;
            reason = watchdog.fired()
                    ? "the server timeout of %s ran out".formatted(Durations.format(limits.serverTimeout()))
                    : e.getMessage();
        } finally {
            watchdog.cancel();
            transport.close();
        }
        return new CrawlResult.Failed(ref, stage, reason, transport.diagnostics());
    }

    /** Calls the listener one result at a time, with the running count. */
    private static final class Progress {
        private final CrawlListener listener;
        private final int total;
        private int done;

        Progress(CrawlListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void finished(CrawlResult result) {
            listener.finished(result, ++done, total);
        }
    }
}
