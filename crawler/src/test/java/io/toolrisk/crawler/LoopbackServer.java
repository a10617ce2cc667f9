package io.toolrisk.crawler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real MCP server listening on a free loopback port, for the duration of a test. */
final class LoopbackServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private final Process process;
    final int port;

    private LoopbackServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code node script args} with {@code PORT} set and waits until the port accepts connections. */
    static LoopbackServer start(Path script, String... args) throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", Integer.toString(port));
        var server = new LoopbackServer(builder.start(), port);
        // Node may take seconds to start on a busy machine: waited for until the port answers, the process ends, or a
        // bound only a hung server meets.
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && server.process.isAlive()) {
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException("%s did not start listening on port %d within %s (alive: %s)"
                .formatted(script, port, STARTUP, server.process.isAlive()));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
