package io.toolrisk.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.classifier.Classifier;

import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Classifies one server's tools into a {@link ScanReport} and writes it in the chosen format. */
public final class Scan {
    /** The output formats of {@code scan}. */
    public enum Format { TEXT, JSON, SARIF }

    private Scan() {
    }

    /**
     * A report over entries read from a file: rejected entries are listed, the rest classified with their lines;
     * SARIF results point at {@code input} when it is a file.
     */
    public static ScanReport ofEntries(String server, Optional<ArtifactLocation> input, List<ToolInput> entries, Classifier classifier) {
        List<ScannedTool> tools = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (ToolInput entry : entries) {
            switch (entry) {
                case ToolInput.Parsed p -> tools.add(new ScannedTool(p.tool(), classifier.classify(p.tool()), OptionalLong.of(p.line())));
                case ToolInput.Rejected r -> rejected.add("line " + r.line() + ": " + r.error());
            }
        }
        return new ScanReport(server, input, classifier.rulesetVersion(), tools, rejected);
    }

    /** A report over the tools a crawl returned. */
    public static ScanReport ofTools(String server, List<Tool> tools, Classifier classifier) {
        List<ScannedTool> scanned = tools.stream()
                .map(t -> new ScannedTool(t, classifier.classify(t), OptionalLong.empty())).toList();
        return new ScanReport(server, Optional.empty(), classifier.rulesetVersion(), scanned, List.of());
    }

    public static void write(ScanReport report, Format format, Writer out) throws IOException {
        switch (format) {
            case TEXT -> {
                var writer = new PrintWriter(out);
                TextScanReport.write(report, writer);
                writer.flush();
            }
            case JSON, SARIF -> {
                try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
                    json.setPrettyPrinter(new DefaultPrettyPrinter());
                    if (format == Format.JSON) JsonScanReport.write(report, json);
                    else SarifScanReport.write(report, json);
                    json.writeRaw('\n');
                }
            }
        }
    }
}
