package io.toolrisk.crawler.stdio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stdio server is kept from the machine it runs on. {@link On} (the default) starts every server in
 * namespaces of its own: it sees no other process, the system read-only, a fresh empty home and temp folder, and
 * nothing of the crawler's home, the temp folder or the catalogue; everything it starts dies with its crawl.
 * {@link Off} is {@code --no-sandbox}: the server runs as the crawler's user and sees what that user sees.
 */
public sealed interface Sandbox {
    /** Namespaces, tried in this order by {@link Backend#AUTO}, where the machine allows them. */
    On DEFAULT = new On(Backend.AUTO, Network.HOST, List.of(), List.of());

    /** {@code --no-sandbox}: only a minimal environment and a temporary home, as before sandboxes. */
    record Off() implements Sandbox {
    }

    /**
     * A sandbox.
     *
     * @param backend  what makes the namespaces
     * @param network  whether the server may reach the network
     * @param readable directories (or files) the server may read although they lie where it sees nothing, such as
     *                 an npm install in the crawler's home; never writable
     * @param hidden   directories the server must not see beyond those hidden always (the catalogue, say)
     */
    record On(Backend backend, Network network, List<Path> readable, List<Path> hidden) implements Sandbox {
        public On {
            if (backend == null || network == null) throw new IllegalArgumentException("backend and network must be given");
            readable = absolute(readable);
            hidden = absolute(hidden);
        }

        public On withReadable(List<Path> more) {
            return new On(backend, network, concat(readable, absolute(more)), hidden);
        }

        public On withHidden(List<Path> more) {
            return new On(backend, network, readable, concat(hidden, absolute(more)));
        }

        private static List<Path> absolute(List<Path> paths) {
            return paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        }

        private static List<Path> concat(List<Path> a, List<Path> b) {
            var all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }

    /** What makes the namespaces: bubblewrap, util-linux's {@code unshare}, or the first of them that works here. */
    enum Backend {
        AUTO, BWRAP, UNSHARE
    }

    /** {@code --sandbox-network}: the host's network (servers may need it to list their tools), or none at all. */
    enum Network {
        HOST, NONE
    }
}
