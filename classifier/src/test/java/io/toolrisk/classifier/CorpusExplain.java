package io.toolrisk.classifier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** Prints the profiles of the named corpus tools, annotations left out: {@code CorpusExplain SHARED_DIR TOOL...}. */
public final class CorpusExplain {
    public static void main(String[] args) throws IOException {
        Set<String> names = Set.of(args).stream().skip(0).collect(java.util.stream.Collectors.toSet());
        try (JsonGenerator out = Json.FACTORY.createGenerator(System.out)) {
            for (JsonNode r : CorpusMeasurement.read(Path.of(args[0]).resolve("corpus/corpus-tools.jsonl"))) {
                if (!names.contains(r.path("tool").asText())) continue;
                ProfileJson.write(out, Classifier.bundled().classify(CorpusMeasurement.toolOf(r)));
                out.writeRaw('\n');
            }
        }
    }
}
