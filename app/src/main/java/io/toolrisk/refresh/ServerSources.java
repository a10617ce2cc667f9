package io.toolrisk.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Sha256;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.discovery.ClientConfigs;
import io.toolrisk.crawler.discovery.RegistryClient;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.discovery.ServerList;
import io.toolrisk.crawler.discovery.ServersFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything a refresh should crawl: the servers file's entries (with its pinned npm packages installed and their
 * versions recorded), its registries expanded, and the servers of client config files. Problems that cost one
 * source (a registry that cannot be listed, an id used twice) are collected, not thrown.
 *
 * @param servers     what to crawl, ids unique
 * @param environment toolrisk's environment plus {@code TOOLRISK_NPM_PREFIX} when the file pins npm packages
 * @param problems    one sentence each
 */
record ServerSources(List<ServerEntry> servers, Map<String, String> environment, List<String> problems) {

    static ServerSources gather(Optional<Path> serversFile, List<Path> clientConfigs, RegistryClient registry,
                                Path cacheDir, Map<String, String> environment, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<ServerEntry> servers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> env = new HashMap<>(environment);
        if (serversFile.isPresent()) {
            Path file = serversFile.get();
            if (!Files.isRegularFile(file))
                throw new NoSuchFileException(file.toString(), null,
                        "servers file not found; pass --servers FILE (see data/servers.json for the format)");
            ServersFile parsed = usable(() -> ServersFile.read(file));
            Optional<NpmPackages> npm = npmPackages(file, cacheDir, progress);
            npm.ifPresent(p -> env.put(NpmPackages.PREFIX_VARIABLE, p.prefix().toString()));
            ServerList expanded = parsed.expand(registry);
            problems.addAll(expanded.problems());
            for (ServerEntry entry : expanded.servers()) servers.add(versioned(npm.map(p -> pinned(entry, p)).orElse(entry)));
        }
        Set<String> ids = new LinkedHashSet<>();
        servers.forEach(s -> ids.add(s.id()));
        for (Path config : clientConfigs) {
            for (ServerEntry entry : usable(() -> ClientConfigs.read(config))) {
                if (ids.add(entry.id())) servers.add(entry);
                else problems.add("%s: server id '%s' is already taken; skipped".formatted(config, entry.id()));
            }
        }
        return new ServerSources(servers, env, problems);
    }

    /** Reads a file the refresh was given; content that is not in its format is an {@link InputFileException}. */
    private static <T> T usable(FileRead<T> read) throws IOException {
        try {
            return read.read();
        } catch (IllegalArgumentException e) {
            throw new InputFileException(e.getMessage(), e);
        }
    }

    private interface FileRead<T> {
        T read() throws IOException;
    }

    /** The npm packages the servers file pins with {@code "npm": "DIR"}, installed; empty when it pins none. */
    private static Optional<NpmPackages> npmPackages(Path serversFile, Path cacheDir, Consumer<String> progress)
            throws IOException, InterruptedException {
        JsonNode npm = Json.MAPPER.readTree(serversFile.toFile()).get("npm");
        if (npm == null || npm.isNull()) return Optional.empty();
        if (!npm.isTextual())
            throw new InputFileException("%s: \"npm\" must name a directory with package.json and package-lock.json"
                    .formatted(serversFile), null);
        Path dir = serversFile.toAbsolutePath().getParent().resolve(npm.textValue()).normalize();
        return Optional.of(NpmPackages.install(dir, cacheDir, progress));
    }

    /**
     * A recorded file's source version is the hash of its content, so that an unchanged recording is carried over
     * and a re-recorded one is read again. A file that cannot be read, or that its crawl will refuse (not a regular
     * file, over the size limit), gets none: its crawl will say why.
     */
    private static ServerEntry versioned(ServerEntry entry) throws IOException {
        if (!(entry instanceof ServerEntry.File file) || file.sourceVersion().isPresent()) return entry;
        if (!Files.isRegularFile(file.path()) || Files.size(file.path()) > CrawlLimits.DEFAULT.maxFileBytes()) return entry;
        try (InputStream in = Files.newInputStream(file.path())) {
            String version = "sha256:" + Sha256.hex(in).substring(0, 32);
            return new ServerEntry.File(file.id(), file.path(), Optional.of(version));
        }
    }

    /** A stdio entry running an installed package gets that package's locked version as its source version. */
    private static ServerEntry pinned(ServerEntry entry, NpmPackages npm) {
        if (!(entry instanceof ServerEntry.Stdio stdio) || stdio.sourceVersion().isPresent()) return entry;
        for (String arg : stdio.args()) {
            if (!arg.contains("${" + NpmPackages.PREFIX_VARIABLE + "}")) continue;
            Optional<String> pkg = npm.packageOf(arg);
            if (pkg.isPresent())
                return new ServerEntry.Stdio(stdio.id(), stdio.command(), stdio.args(), stdio.env(), Optional.of("npm:" + pkg.get()));
        }
        return entry;
    }
}
