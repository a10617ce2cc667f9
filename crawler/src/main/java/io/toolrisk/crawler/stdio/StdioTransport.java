package io.toolrisk.crawler.stdio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.LineReader;
import io.toolrisk.crawler.mcp.Inbox;
import io.toolrisk.crawler.mcp.Transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * MCP over a server process's stdin and stdout, newline-delimited JSON. The process starts in a fresh
 * temporary directory that is also its {@code HOME}, with exactly the environment given (nothing inherited);
 * its stderr is drained and its tail kept; lines on stdout that are not JSON (banners, logs) are skipped up to
 * a bound. {@link #close} ends the process and all its descendants and deletes the directory.
 */
public final class StdioTransport implements Transport {
    /** More non-JSON stdout lines than this and the server is not speaking MCP. */
    static final int MAX_NOISE_LINES = 1000;
    /** How long a server may take to exit by itself once its stdin is closed. */
    private static final long EXIT_GRACE_MILLIS = 200;

    private final Process process;
    private final Path directory;
    private final OutputStream stdin;
    private final Inbox inbox = new Inbox();
    private final StderrTail stderr = new StderrTail();
    private final Set<ProcessHandle> descendants = new HashSet<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Object sendLock = new Object();
    private volatile boolean closed;

    private StdioTransport(Process process, Path directory, int maxMessageBytes) {
        this.process = process;
        this.directory = directory;
        this.stdin = process.getOutputStream();
        this.stderrReader = Thread.ofVirtual().name("mcp-stderr-" + process.pid())
                .start(() -> stderr.drain(process.getErrorStream()));
        this.stdoutReader = Thread.ofVirtual().name("mcp-stdout-" + process.pid())
                .start(() -> readStdout(maxMessageBytes));
    }

    /**
     * Starts {@code command} (program and arguments) with {@code environment} plus a temporary {@code HOME}.
     *
     * @throws IOException when the program cannot be started; the message names it
     */
    public static StdioTransport start(List<String> command, Map<String, String> environment, int maxMessageBytes)
            throws IOException {
        if (command.isEmpty() || command.getFirst().isBlank()) throw new IOException("no command to start");
        String program = command.getFirst();
        if (!Programs.exists(program, environment.get("PATH")))
            throw new IOException(program.contains("/")
                    ? "cannot start '%s': no such executable file".formatted(program)
                    : "cannot start '%s': not found on PATH".formatted(program));
        Path directory = Files.createTempDirectory("toolrisk-mcp-");
        Path home = Files.createDirectory(directory.resolve("home"));
        Path work = Files.createDirectory(directory.resolve("work"));
        var builder = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment);
        env.put("HOME", home.toString());
        try {
            return new StdioTransport(builder.start(), directory, maxMessageBytes);
        } catch (IOException e) {
            deleteTree(directory);
            throw new IOException("cannot start '%s': %s".formatted(program, rootMessage(e).strip()), e);
        }
    }

    @Override
    public void send(JsonNode message) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(message);
        synchronized (sendLock) {
            try {
                stdin.write(bytes);
                stdin.write('\n');
                stdin.flush();
            } catch (IOException e) {
                String exited = exitOr("");
                throw new IOException(exited.isEmpty() ? "cannot write to the server's stdin: " + e.getMessage() : exited, e);
            }
        }
    }

    @Override
    public Optional<JsonNode> receive(Duration timeout) throws IOException, InterruptedException {
        return inbox.receive(timeout);
    }

    @Override
    public String diagnostics() {
        return stderr.text();
    }

    /** The process, for tests that check it is gone. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        synchronized (descendants) {
            process.descendants().forEach(descendants::add);
        }
        try {
            try {
                stdin.close();
            } catch (IOException e) {
                // Already gone; it is being killed anyway.
            }
            ProcessTree.end(process, descendants, EXIT_GRACE_MILLIS);
            stderrReader.join(Duration.ofSeconds(1));
            stdoutReader.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            inbox.close();
            deleteTree(directory);
        }
    }

    private void readStdout(int maxMessageBytes) {
        var lines = LineReader.stoppingAtBound(process.getInputStream(), maxMessageBytes);
        var line = new LineReader.Line();
        int noise = 0;
        try {
            while (lines.next(line)) {
                if (line.oversized())
                    throw new IOException("server sent a stdout line longer than the %,d-byte message limit".formatted(maxMessageBytes));
                recordDescendants();
                Optional<JsonNode> message = parse(line);
                if (message.isPresent()) {
                    inbox.deliver(message.get());
                } else if (!line.isBlank() && ++noise > MAX_NOISE_LINES) {
                    inbox.end(new IOException("server printed more than %,d non-JSON lines on stdout"
                            .formatted(MAX_NOISE_LINES)));
                    return;
                }
            }
            inbox.end(new IOException(exitOr("server closed its stdout")));
        } catch (IOException e) {
            inbox.end(closed ? new IOException("connection closed") : e);
        } catch (InterruptedException e) {
            inbox.end(new IOException("connection closed"));
        }
    }

    /** Finds a server's children while it runs, so they can be killed after it exits. */
    private void recordDescendants() {
        synchronized (descendants) {
            if (descendants.size() < 64) process.descendants().limit(64).forEach(descendants::add);
        }
    }

    /** A line that looks like JSON and parses; banners and logs are empty. Constraint breaches are errors. */
    private static Optional<JsonNode> parse(LineReader.Line line) throws IOException {
        byte[] bytes = line.bytes();
        int i = 0;
        while (i < line.length() && (bytes[i] == ' ' || bytes[i] == '\t')) i++;
        if (i == line.length() || (bytes[i] != '{' && bytes[i] != '[')) return Optional.empty();
        try {
            return Optional.of(Json.MAPPER.readTree(bytes, 0, line.length()));
        } catch (StreamConstraintsException e) {
            throw new IOException("server sent a message over the limits: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** "server exited with code N" once the process is gone (waiting a moment for it), else {@code otherwise}. */
    private String exitOr(String otherwise) {
        try {
            if (process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS))
                return "server exited with code " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return otherwise;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a server may leave unreadable files; the OS cleans the temp directory eventually.
        }
    }
}
