package io.toolrisk.crawler.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A working way to make a sandbox's namespaces on this machine, and the command line that starts a server in one.
 * Every launch goes through {@code relay.sh}, which ties the sandbox to the crawler's life (see there); inside, the
 * server runs as uid 65534 in a user namespace of its own, under {@code init.sh} as the PID namespace's first
 * process. When the crawler is root, the server's uid outside is 65534 as well (nobody): a root without
 * capabilities would still own, and so read, every root-owned file the sandbox shows.
 *
 * @param backend bubblewrap or unshare
 * @param program the backend's executable
 * @param setpriv util-linux's setpriv (parent-death signals, dropping root)
 * @param unshare util-linux's unshare (the server's user namespace when bubblewrap runs as root, or the backend)
 * @param root    whether the crawler runs as root
 */
record Namespaces(Sandbox.Backend backend, Path program, Path setpriv, Path unshare, boolean root) {
    /** The user and group every sandboxed server runs as (nobody, nogroup). */
    static final int SERVER_ID = 65534;
    private static final long SHM_BYTES = 64L * 1024 * 1024;
    static final String RELAY = script("relay.sh");
    static final String INIT = script("init.sh");
    static final String UNSHARE_SETUP = script("unshare.sh");

    Namespaces {
        if (backend == Sandbox.Backend.AUTO) throw new IllegalArgumentException("a resolved backend is bwrap or unshare");
    }

    /**
     * The command that starts {@code command} in a sandbox laid out as {@code layout}, its stdin relayed through
     * {@code directory/stdin} and its exit status written to {@code directory/status}.
     *
     * @param serverPath the {@code PATH} the server gets, where its program is looked up
     */
    List<String> command(Path directory, SandboxLayout layout, Sandbox.Network network, String serverPath, List<String> command) {
        var line = new ArrayList<>(List.of("/bin/sh", "-c", RELAY, "relay", directory.toString(), setpriv.toString(),
                setpriv.toString(), "--pdeathsig", "KILL", "--"));
        switch (backend) {
            case BWRAP -> bwrap(line, layout, network, serverPath);
            case UNSHARE -> unshare(line, directory, layout, network, serverPath);
            case AUTO -> throw new IllegalStateException("unresolved backend");
        }
        line.addAll(command);
        return line;
    }

    private void bwrap(List<String> line, SandboxLayout layout, Sandbox.Network network, String serverPath) {
        line.addAll(List.of(program.toString(), "--die-with-parent", "--as-pid-1", "--new-session",
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"));
        if (network == Sandbox.Network.NONE) line.add("--unshare-net");
        // As root, bubblewrap makes the namespaces with root's privileges and keeps only what the first process
        // needs to become nobody; otherwise it maps the crawler's user to 65534 in a user namespace.
        if (root) line.addAll(List.of("--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"));
        else line.addAll(List.of("--unshare-user", "--uid", Integer.toString(SERVER_ID), "--gid", Integer.toString(SERVER_ID)));
        line.addAll(List.of("--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(SHM_BYTES), "--tmpfs", "/dev/shm"));
        var made = new HashSet<Path>();
        List<Path> replaced = new ArrayList<>(); // where bubblewrap may have to make folders
        for (SandboxLayout.Step step : layout.steps()) {
            switch (step) {
                case SandboxLayout.Step.Hide hide -> {
                    line.addAll(List.of("--tmpfs", hide.path().toString()));
                    replaced.add(hide.path());
                }
                case SandboxLayout.Step.Write write -> {
                    line.addAll(List.of("--bind", write.source().toString(), write.path().toString()));
                    replaced.add(write.path());
                }
                case SandboxLayout.Step.Read read -> {
                    // bubblewrap makes missing parents private (0700); nobody must be able to pass through them.
                    addParents(line, read.path(), replaced, made);
                    line.addAll(List.of("--ro-bind", read.path().toString(), read.path().toString()));
                }
                case SandboxLayout.Step.Seal seal -> line.addAll(List.of("--remount-ro", seal.path().toString()));
            }
        }
        line.addAll(List.of("--chdir", SandboxLayout.HOME.toString(), "--", "/bin/sh", "-c", INIT, "init", serverPath));
        if (root) line.addAll(dropRoot());
    }

    /** {@code --perms 0755 --dir P} for each folder between a replaced place and {@code path}, outermost first. */
    private static void addParents(List<String> line, Path path, List<Path> replaced, Set<Path> made) {
        var parents = new ArrayList<Path>();
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            Path p = parent;
            if (replaced.stream().anyMatch(h -> p.startsWith(h) && !p.equals(h))) parents.addFirst(p);
        }
        for (Path parent : parents) {
            if (made.add(parent)) line.addAll(List.of("--perms", "0755", "--dir", parent.toString()));
        }
    }

    /** Run by the first process, still root: the server becomes nobody, in a user namespace of its own. */
    private List<String> dropRoot() {
        String id = Integer.toString(SERVER_ID);
        return List.of(setpriv.toString(), "--reuid=" + id, "--regid=" + id, "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs", "--",
                unshare.toString(), "--user", "--map-user=" + id, "--map-group=" + id, "--");
    }

    private void unshare(List<String> line, Path directory, SandboxLayout layout, Sandbox.Network network, String serverPath) {
        line.add(program.toString());
        if (!root) line.addAll(List.of("--user", "--map-root-user"));
        line.addAll(List.of("--mount", "--propagation", "private", "--", "/bin/sh", "-c", UNSHARE_SETUP, "setup",
                directory.toString(), network == Sandbox.Network.NONE ? "none" : "host", root ? "1" : "0", serverPath,
                setpriv.toString(), program.toString(), INIT, SandboxLayout.HOME.toString()));
        for (SandboxLayout.Step step : layout.steps()) {
            switch (step) {
                case SandboxLayout.Step.Hide hide -> line.addAll(List.of("hide", hide.path().toString()));
                case SandboxLayout.Step.Write write -> line.addAll(List.of("write", write.source().toString(), write.path().toString()));
                case SandboxLayout.Step.Read read -> line.addAll(List.of("read", read.path().toString()));
                case SandboxLayout.Step.Seal seal -> line.addAll(List.of("seal", seal.path().toString()));
            }
        }
        line.add("--");
    }

    private static String script(String name) {
        try (InputStream in = Namespaces.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
