package io.toolrisk.crawler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

/** A real MCP server listening on a free loopback port, for the duration of a test. */
final class LoopbackServer implements AutoCloseable {
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
        var command = new java.util.ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", Integer.toString(port));
        var server = new LoopbackServer(builder.start(), port);
        for (int i = 0; i < 200; i++) {
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return server;
            } catch (IOException notYet) {
                if (!server.process.isAlive()) break;
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException("%s did not start listening on port %d".formatted(script, port));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
