package io.toolrisk.cli;

import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.index.ChangeLog;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.mcpserver.McpServer;
import io.toolrisk.mcpserver.StdioServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code toolrisk mcp}: ToolRisk as an MCP server over stdio. */
@Command(name = "mcp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Serve the catalogue as an MCP server on stdin/stdout, for an MCP client to start (Claude Code, Claude "
                        + "Desktop, VS Code): read-only tools search_tools, get_tool_risk, classify_tool, get_policy and "
                        + "recent_changes. 'serve' answers the same at POST /mcp.",
                "It answers from the catalogue's current snapshot and picks up the snapshots a 'toolrisk refresh' makes "
                        + "live; it crawls nothing itself. Stdout carries only MCP messages; stderr one line when it starts."})
final class McpCommand implements Callable<Integer> {
    /** How often the server looks for a snapshot a refresh made live. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    @Option(names = "--catalogue", defaultValue = "${sys:toolrisk.home:-.}/data/catalogue", paramLabel = "DIR",
            description = "The catalogue directory (default: ${DEFAULT-VALUE}).")
    Path catalogue;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var store = new CatalogueStore(catalogue);
        try (var view = LiveIndex.open(store)) {
            ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
            watch.scheduleWithFixedDelay(() -> reload(view), WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            System.err.println(view.snapshotId()
                    .map(id -> "toolrisk mcp: serving snapshot %s of %s over stdio".formatted(id, store.dir()))
                    .orElse("toolrisk mcp: no catalogue at %s yet (run 'toolrisk refresh'); serving over stdio, it is picked up when made"
                            .formatted(store.dir())));
            // The file descriptor itself, not System.out: nothing else may reach the protocol's stream by accident.
            OutputStream out = new FileOutputStream(FileDescriptor.out);
            try {
                new StdioServer(new McpServer(view, Classifier.bundled(), new ChangeLog(store))).serve(System.in, out);
            } finally {
                watch.shutdownNow();
            }
        }
        return 0;
    }

    private static void reload(LiveIndex view) {
        try {
            view.reload();
        } catch (IOException e) {
            System.err.println("toolrisk mcp: cannot open the new snapshot's index, still serving the old one: " + e.getMessage());
        }
    }
}
