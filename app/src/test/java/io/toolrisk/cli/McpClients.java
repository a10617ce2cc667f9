package io.toolrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * MCP clients nobody here wrote, run with node: the official TypeScript SDK's client (driven by
 * src/test/mcp-clients/mcp-client.mjs) and the MCP Inspector's CLI, both pinned in src/test/mcp-clients/ and installed by
 * .ci/setup-mcp-clients.sh. A test that needs them fails, naming that script, when they are not installed.
 */
final class McpClients {
    private static final Path DRIVER = Path.of("src/test/mcp-clients/mcp-client.mjs");

    private McpClients() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("toolrisk.mcp-clients.dir", System.getProperty("user.home") + "/.cache/toolrisk/mcp-clients"));
        if (!Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"))
                || !Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/inspector")))
            fail("the MCP clients are not installed in " + dir + ": run .ci/setup-mcp-clients.sh (CI runs it)");
        return dir;
    }

    /** The SDK client's report (mcp-client.mjs) on {@code target}: "stdio", command... or "http", url. */
    static JsonNode sdk(String plan, List<String> target) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", DRIVER.toString(), dir().toString()));
        command.addAll(target);
        Result result = run(command, plan, Map.of());
        assertEquals(0, result.exit(), () -> "the SDK client failed: " + result.err());
        return Json.MAPPER.readTree(result.out());
    }

    /** What the Inspector's CLI prints for {@code arguments} (its target and options). */
    static Result inspector(Path home, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node",
                dir().resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js").toString(), "--cli"));
        command.addAll(arguments);
        // Its own settings and catalog live in HOME: a folder of the test's, not the user's.
        return run(command, "", Map.of("HOME", home.toString()));
    }

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(out);
        }
    }

    private static Result run(List<String> command, String stdin, Map<String, String> environment) throws IOException, InterruptedException {
        Process node;
        try {
            var builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            node = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run node, which the MCP client tests need (Node.js 20+ on the PATH): " + e.getMessage(), e);
        }
        CompletableFuture<String> out = drain(node.getInputStream());
        CompletableFuture<String> err = drain(node.getErrorStream());
        try (var in = node.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!node.waitFor(2, TimeUnit.MINUTES)) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
            fail("%s did not finish within 2 minutes".formatted(String.join(" ", command.subList(0, 3))));
        }
        return new Result(node.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }, task -> Thread.ofVirtual().start(task));
    }
}
