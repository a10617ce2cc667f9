package io.toolrisk.crawler.discovery;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One server to crawl, as {@code servers.json} (DESIGN.md), a client config file or a registry describes it.
 * Values may hold {@code ${VAR}} placeholders, filled in from toolrisk's environment when the server is
 * crawled and never stored resolved. {@code sourceVersion} is an opaque text that changes when the server's
 * published source changes (an npm version, a registry update time), when that is knowable: two crawls with
 * the same source version may be taken to list the same tools.
 */
public sealed interface ServerEntry {
    /** The catalogue key; see {@link ServerIds}. */
    String id();

    Optional<String> sourceVersion();

    /** A server started as a process, speaking MCP on stdin/stdout. */
    record Stdio(String id, String command, List<String> args, Map<String, String> env,
                 Optional<String> sourceVersion) implements ServerEntry {
        public Stdio {
            ServerIds.requireValid(id);
            if (command == null || command.isBlank())
                throw new IllegalArgumentException("server '%s': \"command\" must not be blank".formatted(id));
            args = List.copyOf(args);
            env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
            sourceVersion = sourceVersion == null ? Optional.empty() : sourceVersion;
        }

        /** An entry whose source version is read from its arguments where they pin one. */
        public static Stdio of(String id, String command, List<String> args, Map<String, String> env) {
            return new Stdio(id, command, args, env, SourceVersions.fromCommand(command, args));
        }
    }

    /** A server reached over HTTP: Streamable HTTP, or legacy HTTP+SSE when the server only speaks that. */
    record Http(String id, String url, Map<String, String> headers, Optional<String> sourceVersion)
            implements ServerEntry {
        public Http {
            ServerIds.requireValid(id);
            if (url == null || url.isBlank())
                throw new IllegalArgumentException("server '%s': \"url\" must not be blank".formatted(id));
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            sourceVersion = sourceVersion == null ? Optional.empty() : sourceVersion;
        }
    }

    /** A recorded {@code tools/list} result, tool array or JSON Lines file: nothing is run. */
    record File(String id, Path path, Optional<String> sourceVersion) implements ServerEntry {
        public File {
            ServerIds.requireValid(id);
            if (path == null) throw new IllegalArgumentException("server '%s': \"file\" must not be empty".formatted(id));
            sourceVersion = sourceVersion == null ? Optional.empty() : sourceVersion;
        }
    }
}
