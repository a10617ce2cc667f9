package io.toolrisk.crawler;

import io.toolrisk.crawler.discovery.ServerEntry;

import java.util.Optional;

/**
 * Which server a result is about: its catalogue id, where it was reached ({@code "stdio: CMD ARGS"},
 * {@code "url: URL"} or {@code "file: PATH"}, placeholders unresolved, so no secret appears; the {@code source}
 * of catalogue's ServerRecord), and its source version when knowable.
 */
public record ServerRef(String id, String target, Optional<String> sourceVersion) {
    public ServerRef {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("server id must not be blank");
        target = target == null ? "" : target;
        sourceVersion = sourceVersion == null ? Optional.empty() : sourceVersion;
    }

    public static ServerRef of(ServerEntry entry) {
        String target = switch (entry) {
            case ServerEntry.Stdio s -> "stdio: " + s.command() + (s.args().isEmpty() ? "" : " " + String.join(" ", s.args()));
            case ServerEntry.Http h -> "url: " + h.url();
            case ServerEntry.File f -> "file: " + f.path();
        };
        return new ServerRef(entry.id(), target, entry.sourceVersion());
    }
}
