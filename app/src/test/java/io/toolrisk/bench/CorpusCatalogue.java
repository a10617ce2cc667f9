package io.toolrisk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.DefinitionHash;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotHeader;
import io.toolrisk.catalogue.store.SnapshotWriter;
import io.toolrisk.classifier.Classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark catalogue: the shared corpus (7,964 real tools of 424 servers) repeated until it holds the
 * wanted number of tools, each repetition with its own server keys ({@code github-r17}) and, after the
 * first, varied tool names ({@code create_issue_r17}), written as a real snapshot.
 *
 * <p>Profiles come from {@link Classifier#bundled()}. While that is still the placeholder (every tool
 * {@code read}, no evidence), a crude verb heuristic stands in so that categories, flags and evidence have a
 * realistic spread for filters and facets; the benchmark prints which one it used.
 */
final class CorpusCatalogue {
    private static final Pattern DESTRUCTIVE = Pattern.compile("(?i)delete|remove|drop|destroy|purge|erase|truncate|wipe");
    private static final Pattern FINANCIAL = Pattern.compile("(?i)pay|refund|transfer|charge|purchase|invoice|buy|trade");
    private static final Pattern EXECUTE = Pattern.compile("(?i)run|exec|query|send|deploy|start|invoke|trigger|eval");
    private static final Pattern WRITE = Pattern.compile("(?i)create|update|add|set|write|edit|post|put|upload|insert|rename|move");
    private static final Pattern HIDDEN = Pattern.compile("IMPORTANT|<!--|ignore previous");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)password|token|secret|credential|api key");
    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9._-]+");

    private record CorpusServer(String id, List<Tool> tools) {
    }

    private CorpusCatalogue() {
    }

    static Path corpusFile() {
        String shared = System.getProperty("toolrisk.shared.dir", "../shared");
        Path file = Path.of(shared, "corpus", "corpus-tools.jsonl");
        if (!Files.isRegularFile(file)) file = Path.of("../../shared/corpus/corpus-tools.jsonl");
        return file;
    }

    /** Writes a snapshot of at least {@code tools} tools into {@code store}, makes it current; returns its id. */
    static String write(CatalogueStore store, long tools, Instant at) throws IOException {
        List<CorpusServer> corpus = read(corpusFile());
        Classifier classifier = Classifier.bundled();
        boolean placeholder = classifier.rulesetVersion().contains("placeholder");
        String ruleset = placeholder ? "bench-heuristic" : classifier.rulesetVersion();
        System.err.printf("bench: corpus %,d servers; profiles from %s%n", corpus.size(),
                placeholder ? "the bench verb heuristic (the bundled classifier is still a placeholder)" : "ruleset " + ruleset);
        String id = store.newSnapshotId(at);
        long written = 0;
        try (SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(id, at, ruleset, Optional.empty()))) {
            for (int repetition = 0; written < tools; repetition++) {
                for (CorpusServer server : corpus) {
                    if (written >= tools) break;
                    String serverId = server.id() + "-r" + repetition;
                    List<CataloguedTool> catalogued = new ArrayList<>(server.tools().size());
                    for (Tool original : server.tools()) {
                        String name = repetition == 0 ? original.name() : original.name() + "_r" + repetition;
                        Tool tool = new Tool(name, original.title(), original.description(), original.inputSchema(),
                                original.annotations(), Optional.of(serverId), Map.of());
                        RiskProfile profile = placeholder ? heuristic(tool, serverId, ruleset) : classifier.classify(tool);
                        catalogued.add(DefinitionHash.catalogued(tool, profile));
                    }
                    writer.write(new ServerRecord(serverId, "file: corpus/" + server.id(), "1", at,
                            new CrawlStatus.Crawled(new ServerInfo(server.id(), Optional.empty(), "1.0.0", "2025-06-18", null, Optional.empty())),
                            catalogued));
                    written += catalogued.size();
                }
            }
            writer.commit();
        }
        store.switchCurrent(id);
        System.err.printf("bench: snapshot %s with %,d tools%n", id, written);
        return id;
    }

    static RiskProfile heuristic(Tool tool, String server, String ruleset) {
        Category category = Category.READ;
        Evidence evidence = null;
        for (var rule : List.of(Map.entry(DESTRUCTIVE, Category.DESTRUCTIVE), Map.entry(FINANCIAL, Category.FINANCIAL),
                Map.entry(EXECUTE, Category.EXECUTE), Map.entry(WRITE, Category.WRITE))) {
            Matcher m = rule.getKey().matcher(tool.name());
            if (m.find()) {
                category = rule.getValue();
                evidence = new Evidence("name", m.group(), m.start(), m.end(), category.wireName() + "-verb");
                break;
            }
        }
        List<Flag> flags = new ArrayList<>();
        Matcher hidden = HIDDEN.matcher(tool.description());
        if (hidden.find()) flags.add(new Flag(FlagKind.HIDDEN_INSTRUCTIONS, "description", hidden.group(), "text addressed to the model"));
        Matcher credential = CREDENTIAL.matcher(tool.description());
        if (credential.find()) flags.add(new Flag(FlagKind.CREDENTIAL_ACCESS, "description", credential.group(), "mentions credentials"));
        return new RiskProfile(Optional.of(server), tool.name(), category, evidence == null ? 0.5 : 0.8,
                evidence == null ? List.of() : List.of(evidence), flags, List.of(), ruleset);
    }

    private static List<CorpusServer> read(Path file) throws IOException {
        Map<String, List<Tool>> servers = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode record = Json.MAPPER.readTree(line);
                ObjectNode definition = Json.MAPPER.createObjectNode();
                definition.put("name", record.path("tool").asText());
                if (record.path("description").isTextual()) definition.set("description", record.get("description"));
                if (record.path("inputSchema").isObject()) definition.set("inputSchema", record.get("inputSchema"));
                if (record.path("annotations").isObject()) definition.set("annotations", record.get("annotations"));
                String id = NOT_KEY.matcher(record.path("server").asText().toLowerCase(Locale.ROOT)).replaceAll("-");
                id = id.replaceAll("^-+|-+$", "");
                if (id.length() > 100) id = id.substring(0, 100);
                servers.computeIfAbsent(id, k -> new ArrayList<>()).add(ToolJson.read(definition));
            }
        }
        List<CorpusServer> result = new ArrayList<>();
        servers.forEach((id, tools) -> result.add(new CorpusServer(id, tools)));
        return result;
    }
}
