package io.toolrisk.classifier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;
import io.toolrisk.catalogue.json.ToolJson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every profile the classifier gives the shared corpora and the attack set, one JSON line each, so that two
 * builds can be compared byte for byte: {@code ProfileDump SHARED_DIR OUT_FILE}. Each corpus tool is judged alone,
 * with its server's tools as siblings, and with its server's tools and instructions (the description of the server's
 * first tool stands in for them); corpus tools with their annotations and title as well as without.
 */
public final class ProfileDump {
    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args[0]);
        Classifier classifier = Classifier.bundled();
        try (OutputStream file = Files.newOutputStream(Path.of(args[1]));
             JsonGenerator out = Json.FACTORY.createGenerator(file)) {
            for (String corpus : List.of("corpus-tools.jsonl", "annotated-tools.jsonl", "policylayer-dev.jsonl")) {
                List<JsonNode> rows = CorpusMeasurement.read(shared.resolve("corpus").resolve(corpus));
                List<Tool> bare = new ArrayList<>();
                List<Tool> full = new ArrayList<>();
                for (JsonNode r : rows) {
                    bare.add(CorpusMeasurement.toolOf(r));
                    ObjectNode node = r.deepCopy();
                    node.put("name", r.path("tool").asText());
                    full.add(ToolJson.read(node));
                }
                dump(classifier, corpus, bare, out);
                dump(classifier, corpus + " with annotations", full, out);
            }
            for (PoisoningSet.Entry e : PoisoningSet.measure(classifier).poisoned()) write(out, "attack " + e.id(), e.profile());
            for (PoisoningSet.Entry e : PoisoningSet.measure(classifier).benign()) write(out, "benign " + e.id(), e.profile());
        }
    }

    private static void dump(Classifier classifier, String name, List<Tool> tools, JsonGenerator out) throws IOException {
        Map<String, List<String>> byServer = new LinkedHashMap<>();
        Map<String, String> firstDescription = new LinkedHashMap<>();
        for (Tool t : tools) {
            byServer.computeIfAbsent(t.server().orElse(""), k -> new ArrayList<>()).add(t.name());
            firstDescription.putIfAbsent(t.server().orElse(""), t.description());
        }
        Map<String, ServerContext> siblings = new LinkedHashMap<>();
        Map<String, ServerContext> instructed = new LinkedHashMap<>();
        byServer.forEach((server, names) -> {
            siblings.put(server, ServerContext.of(names, Optional.empty()));
            instructed.put(server, ServerContext.of(names, Optional.of(firstDescription.get(server))));
        });
        for (Tool t : tools) {
            String server = t.server().orElse("");
            write(out, name + " alone", classifier.classify(t));
            write(out, name + " siblings", classifier.classify(t, siblings.get(server)));
            write(out, name + " instructions", classifier.classify(t, instructed.get(server)));
        }
    }

    private static void write(JsonGenerator out, String label, RiskProfile p) throws IOException {
        out.writeRaw(label + '\t');
        ProfileJson.write(out, p);
        out.writeRaw('\n');
    }
}
