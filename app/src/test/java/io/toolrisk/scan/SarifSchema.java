package io.toolrisk.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SARIF 2.1.0 JSON schema as {@code @microsoft/jest-sarif} ships it, applied by its validator (ajv), both pinned in
 * src/test/sarif/ and installed by .ci/setup-sarif.sh; driven by src/test/sarif/validate-sarif.cjs, all logs in one run
 * of node.
 */
public final class SarifSchema {
    private static final Path SCRIPT = Path.of("src/test/sarif/validate-sarif.cjs");

    private SarifSchema() {
    }

    /** The schema's complaints about each log, in order: an empty list for a valid one. */
    public static List<List<String>> errors(List<JsonNode> logs) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("toolrisk.sarif.dir", System.getProperty("user.home") + "/.cache/toolrisk/sarif"));
        if (!Files.isDirectory(dir.resolve("node_modules/@microsoft/jest-sarif")))
            fail("the SARIF schema is not installed in " + dir + ": run .ci/setup-sarif.sh (CI runs it)");
        ObjectNode input = Json.MAPPER.createObjectNode();
        logs.forEach(input.putArray("logs")::add);
        Process node = new ProcessBuilder("node", SCRIPT.toString(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var stdin = node.getOutputStream()) {
            stdin.write(Json.MAPPER.writeValueAsBytes(input));
        }
        byte[] output = node.getInputStream().readAllBytes();
        if (!node.waitFor(2, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("the SARIF validator did not finish within 2 minutes");
        }
        if (node.exitValue() != 0) fail("the SARIF validator failed (exit " + node.exitValue() + "): " + new String(output, StandardCharsets.UTF_8));
        List<List<String>> errors = new ArrayList<>();
        for (JsonNode result : Json.MAPPER.readTree(output).path("results")) {
            List<String> messages = new ArrayList<>();
            result.path("errors").forEach(e -> messages.add(e.asText()));
            errors.add(messages);
        }
        return errors;
    }
}
