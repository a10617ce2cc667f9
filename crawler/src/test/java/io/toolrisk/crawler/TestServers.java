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
    /** Short, so that every misbehaving server fails fast; long enough for node to start on a busy 2-core machine. */
    static final CrawlLimits FAST = CrawlLimits.DEFAULT.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(8));

    /**
     * The default sandbox, showing the installed peers (they lie in the home it hides); {@code -Dtoolrisk.sandbox=unshare}
     * runs every test on the fallback.
     */
    static final Sandbox.On SANDBOX = new Sandbox.On(
            Sandbox.Backend.valueOf(System.getProperty("toolrisk.sandbox", "auto").toUpperCase(java.util.Locale.ROOT)),
            Sandbox.Network.HOST,
            System.getProperty("toolrisk.peers.dir") == null ? List.of() : List.of(Path.of(System.getProperty("toolrisk.peers.dir"))),
            List.of());

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
        try {
            Path script = Path.of(TestServers.class.getResource("/servers/misbehaving-server.js").toURI());
            var args = new ArrayList<>(List.of(script.toString(), mode));
            args.addAll(List.of(more));
            return ServerEntry.Stdio.of(mode, "node", args, env);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
