package io.toolrisk.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.classifier.ServerContext;

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
     * A report over entries read from a file: rejected entries are listed, the rest classified with their lines.
     * The file is one server's tools: each is judged with the others as its siblings.
     */
    public static ScanReport ofEntries(String server, Optional<String> input, List<ToolInput> entries, Classifier classifier) {
        List<String> rejected = new ArrayList<>();
        List<ToolInput.Parsed> parsed = new ArrayList<>();
        for (ToolInput entry : entries) {
            switch (entry) {
                case ToolInput.Parsed p -> parsed.add(p);
                case ToolInput.Rejected r -> rejected.add("line " + r.line() + ": " + r.error());
            }
        }
        ServerContext context = ServerContext.of(parsed.stream().map(p -> p.tool().name()).toList(), Optional.empty());
        List<ScannedTool> tools = parsed.stream()
                .map(p -> new ScannedTool(p.tool(), classifier.classify(p.tool(), context), OptionalLong.of(p.line()))).toList();
        return new ScanReport(server, input, classifier.rulesetVersion(), tools, rejected);
    }

    /**
     * A report over the tools a crawl returned, each judged with the others as its siblings and with the
     * {@code instructions} the server sent with {@code initialize}.
     */
    public static ScanReport ofTools(String server, List<Tool> tools, Optional<String> instructions, Classifier classifier) {
        ServerContext context = ServerContext.of(tools.stream().map(Tool::name).toList(), instructions);
        List<ScannedTool> scanned = tools.stream()
                .map(t -> new ScannedTool(t, classifier.classify(t, context), OptionalLong.empty())).toList();
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
