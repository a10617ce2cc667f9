package io.toolrisk.cli;

import io.toolrisk.crawler.stdio.Sandbox;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of every command that starts stdio servers: they run in a sandbox (README, "The sandbox") unless
 * {@code --no-sandbox} says otherwise, which must be explicit: where no sandbox can be made, stdio servers are
 * refused, never started without one.
 */
final class SandboxOptions {
    /** Which backend makes the namespaces (auto, bwrap, unshare): for tests of one of them. */
    static final String BACKEND_PROPERTY = "toolrisk.sandbox";

    @Option(names = "--no-sandbox",
            description = "Start stdio servers without a sandbox: as this user, seeing every file and process it can "
                    + "(they still get only PATH, a temporary HOME and the variables their entry names).")
    boolean off;

    @Option(names = "--sandbox-network", paramLabel = "host|none", defaultValue = "host",
            description = "Whether sandboxed stdio servers reach the network: host (default; some need it to list "
                    + "their tools) or none.")
    Sandbox.Network network;

    @Option(names = "--sandbox-read", paramLabel = "PATH",
            description = "Show PATH to sandboxed stdio servers, read-only, although it lies where the sandbox hides "
                    + "everything (your home, say): a server you run from a checkout. Repeatable.")
    List<Path> readable = new ArrayList<>();

    Sandbox sandbox() {
        if (!off) return new Sandbox.On(backend(), network, readable, List.of());
        if (network != Sandbox.Network.HOST || !readable.isEmpty())
            throw new IllegalArgumentException("--sandbox-network and --sandbox-read apply to the sandbox, not with --no-sandbox");
        return new Sandbox.Off();
    }

    private static Sandbox.Backend backend() {
        String name = System.getProperty(BACKEND_PROPERTY, "auto");
        try {
            return Sandbox.Backend.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D%s must be auto, bwrap or unshare, got '%s'".formatted(BACKEND_PROPERTY, name));
        }
    }
}
