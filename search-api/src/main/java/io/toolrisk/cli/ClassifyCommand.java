package io.toolrisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.classifier.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code toolrisk classify [FILE|-]}: a risk profile per tool definition, in input order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Risk profiles for MCP tool definitions (a tools/list result, a JSON array or JSON Lines).")
final class ClassifyCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
            description = "Tool definitions to classify; '-' or nothing reads stdin.")
    String input;

    @Override
    public Integer call() throws IOException {
        Classifier classifier = Classifier.bundled();
        boolean[] rejected = {false};
        try (InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
             OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
             JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            new ToolReader().read(in, entry -> {
                try {
                    switch (entry) {
                        case ToolInput.Parsed p -> ProfileJson.write(json, classifier.classify(p.tool()));
                        case ToolInput.Rejected r -> {
                            rejected[0] = true;
                            ProfileJson.writeError(json, r.error(), r.line());
                        }
                    }
                    json.writeRaw('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return rejected[0] ? 1 : 0;
    }
}
