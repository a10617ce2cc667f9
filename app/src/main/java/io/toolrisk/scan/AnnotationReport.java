package io.toolrisk.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.toolrisk.annotations.AnnotationSuggester;
import io.toolrisk.annotations.SuggestedAnnotations;
import io.toolrisk.annotations.SuggestedAnnotationsJson;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.classifier.Classifier;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code scan --suggest-annotations} prints: for each tool, the MCP annotations its words justify, to paste into
 * its definition, and why; tools whose declared annotations contradict them first, then in the report's order.
 * {@code {"server","ruleset","summary":{"tools","contradicting"},"tools":[suggestion]}}, a suggestion as
 * {@link SuggestedAnnotationsJson} writes it.
 */
public final class AnnotationReport {
    private AnnotationReport() {
    }

    public static void write(ScanReport report, Classifier classifier, Writer out) throws IOException {
        var suggester = new AnnotationSuggester(classifier);
        List<SuggestedAnnotations> suggestions = report.tools().stream()
                .map(t -> suggester.suggest(t.tool()))
                .sorted(Comparator.comparing((SuggestedAnnotations s) -> !s.contradictsAuthor()))
                .toList();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeStringField("server", report.server());
            json.writeStringField("ruleset", report.ruleset());
            json.writeObjectFieldStart("summary");
            json.writeNumberField("tools", suggestions.size());
            json.writeNumberField("contradicting", suggestions.stream().filter(SuggestedAnnotations::contradictsAuthor).count());
            json.writeEndObject();
            json.writeArrayFieldStart("tools");
            for (SuggestedAnnotations s : suggestions) SuggestedAnnotationsJson.write(json, s);
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
