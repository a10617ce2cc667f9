package io.toolrisk.crawler;

import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.stdio.Sandbox;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/** Where the test servers are: the real ones installed from the peers lockfile, and our misbehaving one. */
final class TestServers {
    /**
     * For servers that end by themselves (an answer, an exit, a bound reached): so long that only a hung server meets
     * them, since node may take seconds to start when other processes keep both cores of the machine busy.
     */
    static final CrawlLimits PATIENT = CrawlLimits.DEFAULT.withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(120));

    /**
     * For servers that must time out waiting for an answer: a short request timeout, counted from the request, and a
     * server budget far beyond it, counted from the start, so that a slow start cannot turn "no answer to initialize
     * within 5s" into "the server timeout ran out".
     */
    static final CrawlLimits TIMING_OUT = CrawlLimits.DEFAULT.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));

    /** Our misbehaving server, in the build output of the checkout. */
    static final Path MISBEHAVING = resource("/servers/misbehaving-server.js");

    /**
     * The default sandbox, showing the installed peers (they lie in the home it hides); {@code -Dtoolrisk.sandbox=unshare}
     * runs every test on the fallback.
     */
    static final Sandbox.On SANDBOX = sandbox(
            Sandbox.Backend.valueOf(System.getProperty("toolrisk.sandbox", "auto").toUpperCase(java.util.Locale.ROOT)),
            Sandbox.Network.HOST).withReadable(System.getProperty("toolrisk.peers.dir") == null ? List.of()
            : List.of(Path.of(System.getProperty("toolrisk.peers.dir"))));

    private TestServers() {
    }

    /** The installed peers' node_modules; fails (never skips) when they are missing. */
    static Path peerModules() {
        String dir = System.getProperty("toolrisk.peers.dir");
        Path modules = dir == null ? null : Path.of(dir, "node_modules");
        if (modules == null || !Files.isDirectory(modules.resolve("@modelcontextprotocol/server-everything")))
            fail("the real MCP servers are not installed in " + (dir == null ? "(toolrisk.peers.dir not set)" : dir)
                    + ": run .ci/setup-peers.sh (CI runs it)");
        return modules;
    }

    static Path peerScript(String relative) {
        return peerModules().resolve(relative);
    }

    static ServerEntry.Stdio peer(String id, String script, String... args) {
        var command = new ArrayList<String>();
        command.add(peerScript(script).toString());
        command.addAll(List.of(args));
        return ServerEntry.Stdio.of(id, "node", command, Map.of());
    }

    static ServerEntry.Stdio misbehaving(String mode) {
        return misbehaving(mode, Map.of());
    }

    static ServerEntry.Stdio misbehaving(String mode, Map<String, String> env, String... more) {
        var args = new ArrayList<>(List.of(MISBEHAVING.toString(), mode));
        args.addAll(List.of(more));
        return ServerEntry.Stdio.of(mode, "node", args, env);
    }

    /**
     * A sandbox that shows our own servers read-only, as a user shows a checkout with {@code --sandbox-read}: the
     * checkout may lie where the sandbox hides everything ({@code ~/src/toolrisk}, {@code /tmp/x}). Nothing else of
     * it is shown, and the crawler's home and temp folder stay hidden.
     */
    static Sandbox.On sandbox(Sandbox.Backend backend, Sandbox.Network network) {
        return new Sandbox.On(backend, network, List.of(MISBEHAVING.getParent()), List.of());
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestServers.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
