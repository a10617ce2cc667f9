package io.toolrisk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;
import io.toolrisk.catalogue.json.DefinitionHash;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotHeader;
import io.toolrisk.catalogue.store.SnapshotWriter;
import io.toolrisk.index.CatalogueIndexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds small catalogues for tests: servers with tools whose profiles the test states (category, evidence,
 * flags, actions), written as a real snapshot with {@link SnapshotWriter} and indexed with {@link CatalogueIndexer}.
 */
public final class TestCatalogue {
    public static final String RULESET = "test-ruleset-1";
    public static final Instant CRAWLED_AT = Instant.parse("2026-11-25T12:00:00Z");

    private final List<ServerRecord> servers = new ArrayList<>();

    public TestCatalogue crawled(String id, CataloguedTool... tools) {
        servers.add(new ServerRecord(id, "file: recorded/" + id + ".json", "1.0.0", CRAWLED_AT,
                new CrawlStatus.Crawled(new ServerInfo(id + "-mcp", Optional.of(id + " title"), "1.0.0", "2025-06-18", null,
                        Optional.empty())), List.of(tools)));
        return this;
    }

    public TestCatalogue failed(String id, String stage, String reason) {
        servers.add(new ServerRecord(id, "stdio: npx -y " + id, "", CRAWLED_AT, new CrawlStatus.Failed(stage, reason), List.of()));
        return this;
    }

    /** Writes the snapshot, makes it current and indexes it; returns its id. */
    public String writeAndIndex(CatalogueStore store, Instant createdAt) throws IOException {
        String id = write(store, createdAt, RULESET);
        new CatalogueIndexer().build(store, id);
        store.switchCurrent(id);
        return id;
    }

    /** Writes the snapshot, its servers in the order added, as classified under {@code ruleset}; returns its id. */
    public String write(CatalogueStore store, Instant createdAt, String ruleset) throws IOException {
        String id = store.newSnapshotId(createdAt);
        try (SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(id, createdAt, ruleset, Optional.empty()))) {
            for (ServerRecord server : servers) writer.write(server);
            writer.commit();
        }
        return id;
    }

    /** Adds a server record as it is. */
    public TestCatalogue server(ServerRecord server) {
        servers.add(server);
        return this;
    }

    /** A tool whose profile has exactly the given category, evidence and flags. */
    public static CataloguedTool tool(String server, String name, String description, Category category, Object... extras) {
        return tool(Tool.of(name, description).withServer(server), category, extras);
    }

    /** {@code extras} are {@link Evidence}, {@link Flag} and {@link ActionProfile} values, in any order. */
    public static CataloguedTool tool(Tool tool, Category category, Object... extras) {
        List<Evidence> evidence = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        List<ActionProfile> actions = new ArrayList<>();
        for (Object extra : extras) {
            switch (extra) {
                case Evidence e -> evidence.add(e);
                case Flag f -> flags.add(f);
                case ActionProfile a -> actions.add(a);
                default -> throw new IllegalArgumentException("not an extra: " + extra);
            }
        }
        return DefinitionHash.catalogued(tool, new RiskProfile(tool.server(), tool.name(), category, 0.9, evidence, flags, actions, RULESET));
    }

    /** A full tool definition: title, schema (JSON text) and annotations. */
    public static Tool definition(String server, String name, String title, String description, String schemaJson,
                                  ToolAnnotations annotations) {
        try {
            JsonNode schema = schemaJson == null ? null : Json.MAPPER.readTree(schemaJson);
            return new Tool(name, Optional.ofNullable(title), description, schema, annotations, Optional.of(server), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evidence quoting {@code quote} where it first occurs in {@code text}. */
    public static Evidence evidence(String field, String text, String quote, String rule) {
        int start = text.indexOf(quote);
        if (start < 0) throw new IllegalArgumentException("'%s' is not in '%s'".formatted(quote, text));
        return new Evidence(field, quote, start, start + quote.length(), rule);
    }

    /** Annotations with only the given hints declared. */
    public static ToolAnnotations hints(Boolean readOnly, Boolean destructive) {
        return new ToolAnnotations(Optional.empty(), Optional.ofNullable(readOnly), Optional.ofNullable(destructive),
                Optional.empty(), Optional.empty(), Map.of());
    }
}
