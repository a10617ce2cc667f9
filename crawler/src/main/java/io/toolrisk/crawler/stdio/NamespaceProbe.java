package io.toolrisk.crawler.stdio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds out, once per process, which backend can make a sandbox here: it starts a real one around {@code exit 0}
 * and checks that it ran. bubblewrap is tried first, then unshare; a machine where neither works (no user
 * namespaces, say) gets a one-line reason that names {@code --no-sandbox}. A failure is tried again after a
 * minute, so a passing overload does not refuse stdio servers for the rest of a long-running {@code serve}.
 */
final class NamespaceProbe {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_FAILURE_AFTER = Duration.ofMinutes(1);
    private static final String SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    private record Key(Sandbox.Backend backend, Sandbox.Network network, String path) {
    }

    private sealed interface Outcome {
        record Works(Namespaces namespaces) implements Outcome {
        }

        record Fails(String reason, Instant at) implements Outcome {
        }
    }

    private static final Map<Key, Outcome> OUTCOMES = new HashMap<>();

    private NamespaceProbe() {
    }

    /**
     * The namespaces {@code sandbox} asks for, probed on first use with the programs found on {@code path} (the
     * crawler's {@code PATH}).
     *
     * @throws IOException when no backend works here, with a one-line message naming {@code --no-sandbox}
     */
    static Namespaces resolve(Sandbox.On sandbox, String path) throws IOException, InterruptedException {
        Key key = new Key(sandbox.backend(), sandbox.network(), path == null ? SYSTEM_PATH : path);
        Outcome outcome;
        synchronized (OUTCOMES) {
            outcome = OUTCOMES.get(key);
            if (outcome == null || outcome instanceof Outcome.Fails fails
                    && fails.at().plus(RETRY_FAILURE_AFTER).isBefore(Instant.now())) {
                outcome = probe(key);
                OUTCOMES.put(key, outcome);
            }
        }
        return switch (outcome) {
            case Outcome.Works works -> works.namespaces();
            case Outcome.Fails fails -> throw new IOException(("cannot start stdio servers in a sandbox here (%s); allow user "
                    + "namespaces or install bubblewrap, or pass --no-sandbox to run them unsandboxed, seeing all this user "
                    + "can").formatted(fails.reason()));
        };
    }

    private static Outcome probe(Key key) throws InterruptedException {
        List<Sandbox.Backend> backends = key.backend() == Sandbox.Backend.AUTO
                ? List.of(Sandbox.Backend.BWRAP, Sandbox.Backend.UNSHARE) : List.of(key.backend());
        List<String> reasons = new ArrayList<>();
        for (Sandbox.Backend backend : backends) {
            String name = backend == Sandbox.Backend.BWRAP ? "bwrap" : "unshare";
            Optional<String> problem;
            Optional<Namespaces> found = find(backend, key.path());
            if (found.isEmpty()) {
                problem = Optional.of("not installed");
            } else {
                problem = tryOut(found.get(), key.network());
                if (problem.isEmpty()) return new Outcome.Works(found.get());
            }
            reasons.add(name + ": " + problem.get());
        }
        return new Outcome.Fails(String.join("; ", reasons), Instant.now());
    }

    private static Optional<Namespaces> find(Sandbox.Backend backend, String path) {
        Optional<Path> setpriv = Programs.find("setpriv", path);
        Optional<Path> unshare = Programs.find("unshare", path);
        Optional<Path> program = backend == Sandbox.Backend.BWRAP ? Programs.find("bwrap", path) : unshare;
        if (setpriv.isEmpty() || unshare.isEmpty() || program.isEmpty()) return Optional.empty();
        return Optional.of(new Namespaces(backend, program.get(), setpriv.get(), unshare.get(), runsAsRoot()));
    }

    /** Starts {@code exit 0} in a sandbox laid out as a server's would be; empty when it ran, else why not. */
    private static Optional<String> tryOut(Namespaces namespaces, Sandbox.Network network) throws InterruptedException {
        try (CrawlDirectory directory = CrawlDirectory.create()) {
            directory.prepareFor(namespaces);
            var layout = SandboxLayout.of(directory.path(), List.of(), List.of());
            var builder = new ProcessBuilder(namespaces.command(directory.path(), layout, network, SYSTEM_PATH,
                    List.of("/bin/sh", "-c", "exit 0")))
                    .directory(directory.path().toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().put("PATH", SYSTEM_PATH);
            Process process = builder.start();
            try {
                // The relay feeds the sandbox until its input ends, so the sandbox's end shows as the end of its output.
                var said = new StderrTail();
                Thread reader = Thread.ofVirtual().start(() -> said.drain(process.getInputStream()));
                if (!reader.join(PROBE_TIMEOUT)) return Optional.of("no answer within " + PROBE_TIMEOUT.toSeconds() + " s");
                Path status = directory.path().resolve("status");
                String code = Files.isRegularFile(status) ? Files.readString(status).strip() : "";
                if (code.equals("0")) return Optional.empty();
                String last = said.text().lines().reduce((a, b) -> b).orElse("exit status " + code).strip();
                String name = namespaces.program().getFileName() + ": ";
                if (last.startsWith(name)) last = last.substring(name.length());
                return Optional.of(last.length() > 200 ? last.substring(0, 200) + "…" : last);
            } finally {
                process.getOutputStream().close();
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether this process runs as root, whose sandboxed servers are then made nobody. */
    static boolean runsAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
