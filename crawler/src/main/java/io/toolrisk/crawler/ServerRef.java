package io.toolrisk.crawler;

import io.toolrisk.crawler.discovery.ServerEntry;

import java.util.Optional;

/**
 * Which server a result is about: its catalogue id, where it was reached (a URL, a command line or a file,
 * placeholders unresolved, so no secret appears), and its source version when knowable.
 */
public record ServerRef(String id, String target, Optional<String> sourceVersion) {
    public ServerRef {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("server id must not be blank");
        target = target == null ? "" : target;
        sourceVersion = sourceVersion == null ? Optional.empty() : sourceVersion;
    }

    public static ServerRef of(ServerEntry entry) {
        String target = switch (entry) {
            case ServerEntry.Stdio s -> s.args().isEmpty() ? s.command() : s.command() + " " + String.join(" ", s.args());
            case ServerEntry.Http h -> h.url();
            case ServerEntry.File f -> f.path().toString();
        };
        return new ServerRef(entry.id(), target, entry.sourceVersion());
    }
}
