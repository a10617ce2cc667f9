package io.toolrisk.crawler.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code servers.json} (DESIGN.md, "What to crawl"): the servers it lists ({@code stdio}, {@code url},
 * {@code file} entries, files resolved against the servers file's folder) and the registries it names.
 */
public record ServersFile(List<ServerEntry> servers, List<RegistrySource> registries) {
    private static final Set<String> KINDS = Set.of("stdio", "url", "file", "registry");

    public ServersFile {
        servers = List.copyOf(servers);
        registries = List.copyOf(registries);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is not JSON (naming the line) or an entry is malformed (naming the
     *                                  entry and the field): bad input, as the CLI's exit code 2 says
     */
    public static ServersFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Jackson's own message hides the source ("REDACTED") and would not say which file was wrong.
            throw new IllegalArgumentException("%s: not valid JSON at line %d: %s".formatted(file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(root, base, file.getFileName().toString());
    }

    static ServersFile parse(JsonNode root, Path base, String name) {
        JsonNode list = root == null ? null : root.get("servers");
        if (list == null || !list.isArray())
            throw new IllegalArgumentException("%s: expected {\"servers\": [...]}".formatted(name));
        List<ServerEntry> servers = new ArrayList<>();
        List<RegistrySource> registries = new ArrayList<>();
        Map<String, Integer> firstEntryOfId = new HashMap<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            String where = "%s entry #%d".formatted(name, index);
            if (!node.isObject()) throw new IllegalArgumentException(where + ": expected an object");
            Set<String> kinds = new LinkedHashSet<>();
            node.fieldNames().forEachRemaining(f -> { if (KINDS.contains(f)) kinds.add(f); });
            if (kinds.size() != 1)
                throw new IllegalArgumentException("%s: expected exactly one of \"stdio\", \"url\", \"file\", \"registry\", found %s"
                        .formatted(where, kinds.isEmpty() ? "none" : String.join(", ", kinds)));
            var fields = new JsonFields(node, where);
            String kind = kinds.iterator().next();
            if (kind.equals("registry")) {
                registries.add(new RegistrySource(fields.text("registry"),
                        fields.optionalInt("limit").orElse(RegistrySource.DEFAULT_LIMIT),
                        fields.optionalText("updatedSince")));
                continue;
            }
            String id = fields.text("id");
            where = "%s (id '%s')".formatted(where, id);
            if (!ServerIds.isValid(id))
                throw new IllegalArgumentException("%s: server id must be %s".formatted(where, ServerIds.RULE));
            Integer earlier = firstEntryOfId.putIfAbsent(id, index);
            if (earlier != null)
                throw new IllegalArgumentException("%s: duplicate server id '%s' (entries #%d and #%d)".formatted(name, id, earlier, index));
            servers.add(entry(kind, id, node, fields, base, where));
        }
        return new ServersFile(servers, registries);
    }

    private static ServerEntry entry(String kind, String id, JsonNode node, JsonFields fields, Path base, String where) {
        return switch (kind) {
            case "stdio" -> {
                JsonNode stdio = node.get("stdio");
                if (!stdio.isObject()) throw new IllegalArgumentException(where + ": \"stdio\" must be an object");
                var launch = new JsonFields(stdio, where + " stdio");
                yield ServerEntry.Stdio.of(id, launch.text("command"), launch.texts("args"), launch.textMap("env"));
            }
            case "url" -> new ServerEntry.Http(id, fields.text("url"), fields.textMap("headers"), Optional.empty());
            default -> new ServerEntry.File(id, base.resolve(fields.text("file")).normalize(), Optional.empty());
        };
    }

    /**
     * The servers to crawl: this file's own, then each registry's (in order), skipping a registry server whose
     * id is already taken. A registry that cannot be listed becomes a problem, not an exception: the file's
     * own servers are still crawled.
     */
    public ServerList expand(RegistryClient registry) throws InterruptedException {
        List<ServerEntry> all = new ArrayList<>(servers);
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        servers.forEach(s -> ids.add(s.id()));
        for (RegistrySource source : registries) {
            try {
                ServerList listed = registry.list(source);
                problems.addAll(listed.problems());
                for (ServerEntry entry : listed.servers()) {
                    if (ids.add(entry.id())) all.add(entry);
                    else problems.add("%s: server id '%s' is already taken; skipped".formatted(source.url(), entry.id()));
                }
            } catch (IOException e) {
                problems.add("registry %s: %s".formatted(source.url(), e.getMessage()));
            }
        }
        return new ServerList(all, problems);
    }
}
