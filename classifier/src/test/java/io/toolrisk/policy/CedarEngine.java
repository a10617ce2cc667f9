package io.toolrisk.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real Cedar engine ({@code @cedar-policy/cedar-wasm}, pinned in src/test/cedar/ and installed by
 * .ci/setup-cedar.sh), driven by src/test/cedar/check-policies.cjs: parses, validates against a schema and answers
 * authorization requests, all cases in one run of node.
 */
final class CedarEngine {
    private static final Path SCRIPT = Path.of("src/test/cedar/check-policies.cjs");

    /** One policy set to check, and the calls to authorize against it. */
    record Case(String name, String schema, String policies, List<Request> requests) {
    }

    /**
     * A call of {@code resource} (a {@code Tool} id) with {@code context}; with {@code validate} the context is read
     * by the schema and checked against it, without it the engine sees no schema.
     */
    record Request(String resource, Map<String, Object> context, boolean validate) {
    }

    /**
     * What the engine said of one case: parse and validation errors (none when fine), the {@code Tool} id each policy
     * names as the engine read it, one decision per request.
     */
    record Result(String name, List<String> parse, List<String> validation, List<String> resources, List<String> decisions) {
    }

    private CedarEngine() {
    }

    static List<Result> check(List<Case> cases) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("toolrisk.cedar.dir", System.getProperty("user.home") + "/.cache/toolrisk/cedar"));
        if (!Files.isDirectory(dir.resolve("node_modules/@cedar-policy/cedar-wasm")))
            fail("the Cedar engine is not installed in " + dir + ": run .ci/setup-cedar.sh (CI runs it)");
        ObjectNode input = Json.MAPPER.createObjectNode();
        ArrayNode array = input.putArray("cases");
        cases.forEach(c -> array.add(Json.MAPPER.valueToTree(c)));
        Process node;
        try {
            node = new ProcessBuilder("node", SCRIPT.toString(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("cannot run node, which the Cedar tests need (Node.js 20+ on the PATH): " + e.getMessage(), e);
        }
        try (var stdin = node.getOutputStream()) {
            stdin.write(Json.MAPPER.writeValueAsBytes(input));
        }
        byte[] output = node.getInputStream().readAllBytes();
        if (!node.waitFor(2, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("the Cedar engine did not finish within 2 minutes");
        }
        if (node.exitValue() != 0) fail("the Cedar engine failed (exit " + node.exitValue() + "): " + new String(output, StandardCharsets.UTF_8));
        List<Result> results = new ArrayList<>();
        for (JsonNode r : Json.MAPPER.readTree(output).path("results")) results.add(Json.MAPPER.treeToValue(r, Result.class));
        return results;
    }
}
