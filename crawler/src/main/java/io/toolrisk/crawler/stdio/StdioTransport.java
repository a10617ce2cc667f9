package io.toolrisk.crawler.stdio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.LineReader;
import io.toolrisk.crawler.mcp.Inbox;
import io.toolrisk.crawler.mcp.Transport;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * MCP over a server process's stdin and stdout, newline-delimited JSON. The process starts in a {@link Sandbox}
 * (or, with {@link Sandbox.Off}, in a fresh temporary directory that is also its {@code HOME}), with exactly the
 * environment given (nothing inherited); its stderr is drained and its tail kept; lines on stdout that are not
 * JSON (banners, logs) are skipped up to a bound. {@link #close} ends the process and all its descendants and
 * deletes its directory; sandboxed, its descendants also die when the crawler dies.
 */
public final class StdioTransport implements Transport {
    /** More non-JSON stdout lines than this and the server is not speaking MCP. */
    static final int MAX_NOISE_LINES = 1000;
    /** How long a server may take to exit by itself once its stdin is closed. */
    private static final long EXIT_GRACE_MILLIS = 200;

    private final Process process;
    private final CrawlDirectory directory;
    /** Sandboxed, the process is the relay, which outlives the server: the server's status is in a file. */
    private final boolean sandboxed;
    /** Why a sandboxed server may have exited: a path it was given lies where the sandbox hides everything. */
    private final Optional<String> hiddenPathHint;
    private final OutputStream stdin;
    private final Inbox inbox = new Inbox();
    private final StderrTail stderr = new StderrTail();
    private final Set<ProcessHandle> descendants = new HashSet<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Object sendLock = new Object();
    private volatile boolean closed;

    private StdioTransport(Process process, CrawlDirectory directory, boolean sandboxed, Optional<String> hiddenPathHint,
                           int maxMessageBytes) {
        this.process = process;
        this.directory = directory;
        this.sandboxed = sandboxed;
        this.hiddenPathHint = hiddenPathHint;
        this.stdin = process.getOutputStream();
        this.stderrReader = Thread.ofVirtual().name("mcp-stderr-" + process.pid())
                .start(() -> stderr.drain(process.getErrorStream()));
        this.stdoutReader = Thread.ofVirtual().name("mcp-stdout-" + process.pid())
                .start(() -> readStdout(maxMessageBytes));
    }

    /**
     * Starts {@code command} (program and arguments) with {@code environment} plus a temporary {@code HOME}, in
     * {@code sandbox}.
     *
     * @throws IOException when the program cannot be started, or no sandbox can be made here; the message names it
     */
    public static StdioTransport start(List<String> command, Map<String, String> environment, int maxMessageBytes,
                                       Sandbox sandbox) throws IOException, InterruptedException {
        if (command.isEmpty() || command.getFirst().isBlank()) throw new IOException("no command to start");
        command = withProgramFromHere(command);
        String program = command.getFirst();
        String path = environment.get("PATH");
        if (!Programs.exists(program, path))
            throw new IOException(program.contains("/")
                    ? "cannot start '%s': no such executable file".formatted(program)
                    : "cannot start '%s': not found on PATH".formatted(program));
        return switch (sandbox) {
            case Sandbox.Off off -> unsandboxed(command, environment, maxMessageBytes);
            case Sandbox.On on -> sandboxed(command, environment, maxMessageBytes, on);
        };
    }

    /**
     * {@code command} with a relative program path ({@code ./toolrisk}, {@code bin/server}) made absolute against this
     * process's working directory, where a shell would find it: the server starts in a directory of its own, where the
     * relative path names nothing. A program without a slash is looked up on PATH, as before.
     */
    static List<String> withProgramFromHere(List<String> command) {
        String program = command.getFirst();
        if (!program.contains(File.separator) || Path.of(program).isAbsolute()) return command;
        List<String> absolute = new ArrayList<>(command);
        absolute.set(0, Path.of(program).toAbsolutePath().normalize().toString());
        return absolute;
    }

    private static StdioTransport unsandboxed(List<String> command, Map<String, String> environment, int maxMessageBytes)
            throws IOException {
        CrawlDirectory directory = CrawlDirectory.create();
        try {
            Path work = Files.createDirectory(directory.path().resolve("work"));
            var builder = new ProcessBuilder(command).directory(work.toFile());
            return launch(builder, environment, directory.home().toString(), directory, false, Optional.empty(), command.getFirst(),
                    maxMessageBytes);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static StdioTransport sandboxed(List<String> command, Map<String, String> environment, int maxMessageBytes,
                                            Sandbox.On sandbox) throws IOException, InterruptedException {
        String path = environment.get("PATH");
        Namespaces namespaces = NamespaceProbe.resolve(sandbox, path);
        CrawlDirectory directory = CrawlDirectory.create();
        try {
            directory.prepareFor(namespaces);
            var layout = SandboxLayout.of(directory.path(), hiddenAlways(sandbox), sandbox.readable());
            Optional<String> hint = hiddenNamed(layout, command.getFirst(), path, command.subList(1, command.size()));
            var builder = new ProcessBuilder(namespaces.command(directory.path(), layout, sandbox.network(),
                    path == null ? "" : path, command)).directory(directory.path().toFile());
            return launch(builder, environment, SandboxLayout.HOME.toString(), directory, true, hint, command.getFirst(),
                    maxMessageBytes);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Starts {@code builder} with exactly {@code environment} and {@code home}; the caller closes the directory if it fails. */
    private static StdioTransport launch(ProcessBuilder builder, Map<String, String> environment, String home,
                                         CrawlDirectory directory, boolean sandboxed, Optional<String> hint, String program,
                                         int maxMessageBytes) throws IOException {
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment);
        env.put("HOME", home);
        try {
            return new StdioTransport(builder.start(), directory, sandboxed, hint, maxMessageBytes);
        } catch (IOException e) {
            throw new IOException("cannot start '%s': %s".formatted(program, rootMessage(e).strip()), e);
        }
    }

    /**
     * Fails when {@code sandbox} could not start stdio servers here, with the one-line reason {@link #start} would
     * give for each; a run with many servers checks once, before it starts any.
     */
    public static void requireSandbox(Sandbox sandbox, Map<String, String> environment) throws IOException, InterruptedException {
        if (sandbox instanceof Sandbox.On on) NamespaceProbe.resolve(on, environment.get("PATH"));
    }

    /**
     * Deletes the temporary directories ({@code toolrisk-mcp-*}) that crawls of processes now dead left in the temp
     * folder; the first server a process starts does this too. Returns how many it deleted.
     */
    public static int removeAbandonedDirectories() {
        return CrawlDirectory.removeAbandoned(Path.of(System.getProperty("java.io.tmpdir")), Instant.now());
    }

    /** What the sandbox hides beyond what it is told: the crawler's own home and temp folder. */
    private static List<Path> hiddenAlways(Sandbox.On sandbox) {
        var hidden = new ArrayList<>(sandbox.hidden());
        hidden.add(Path.of(System.getProperty("user.home")));
        hidden.add(Path.of(System.getProperty("java.io.tmpdir")));
        return hidden;
    }

    /**
     * A program or an absolute path argument that exists here but lies where the sandbox hides it: a server that
     * needs it fails in a way that says nothing of why, so its exit is explained with this, and how to show it.
     * (Not refused: a server may well be given paths it does not need to list its tools.)
     */
    private static Optional<String> hiddenNamed(SandboxLayout layout, String program, String path, List<String> args)
            throws IOException {
        var named = new ArrayList<Path>();
        Programs.find(program, path).ifPresent(named::add);
        for (String arg : args) {
            if (arg.startsWith("/") && Files.exists(Path.of(arg))) named.add(Path.of(arg));
        }
        for (Path file : named) {
            Path real = file.toRealPath();
            if (!layout.visible(real))
                return Optional.of("it was given %s, which the sandbox hides: show it with --sandbox-read %s, or pass --no-sandbox"
                        .formatted(file, suggestedReadable(real)));
        }
        return Optional.empty();
    }

    /** The folder to show for {@code file}: a whole node_modules tree's parent (modules resolve upwards), else its folder. */
    private static Path suggestedReadable(Path file) {
        for (int i = 0; i < file.getNameCount(); i++) {
            if (file.getName(i).toString().equals("node_modules"))
                return i == 0 ? file.getRoot() : file.getRoot().resolve(file.subpath(0, i));
        }
        return Files.isDirectory(file) ? file : file.getParent();
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
            directory.close();
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
            inbox.end(new IOException(closed ? "connection closed" : exitOr("server closed its stdout")));
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

    /**
     * "server exited with code N" once the server is gone (waiting a moment for it), else {@code otherwise}.
     * Sandboxed, the runner writes the status before it lets go of the server's stdout, so it is there at the end of
     * that output; a write that failed may come just before it.
     */
    private String exitOr(String otherwise) {
        try {
            if (sandboxed) {
                Path status = directory.path().resolve("status");
                for (int i = 0; i < 10 && !Files.exists(status); i++) Thread.sleep(20);
                String code = Files.isRegularFile(status) ? Files.readString(status).strip() : "";
                if (!code.matches("\\d{1,3}")) return otherwise;
                return "server exited with code " + code + hiddenPathHint.map(hint -> "; " + hint).orElse("");
            }
            if (process.waitFor(500, TimeUnit.MILLISECONDS))
                return "server exited with code " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // No status to read: say what is known.
        }
        return otherwise;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }
}
