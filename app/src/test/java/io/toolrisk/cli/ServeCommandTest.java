package io.toolrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code toolrisk serve} as a real process on a catalogue that does not exist yet. */
class ServeCommandTest {
    private static final Pattern UP = Pattern.compile("serve: (http://\\S+) is up with an empty catalogue");

    @TempDir
    Path dir;

    @Test
    void badPortOrScheduleIsAUsageErrorBeforeAnythingStarts() throws Exception {
        Files.writeString(dir.resolve("servers.json"), "{\"servers\": []}");
        for (String[] bad : new String[][] {
                {"--port", "-1", "toolrisk serve: --port must be 0 to 65535, got -1"},
                {"--port", "99999", "toolrisk serve: --port must be 0 to 65535, got 99999"},
                {"--refresh-every", "0s", "toolrisk serve: --refresh-every must be longer than zero, got '0s'"},
                {"--keep", "0", "toolrisk serve: --keep must be at least 1, got 0"},
                {"--concurrency", "0", "toolrisk serve: --concurrency must be 1..1024, got 0"}}) {
            var err = new java.io.StringWriter();
            CommandLine cli = ToolRiskCli.commandLine();
            cli.setErr(new java.io.PrintWriter(err, true));
            String port = bad[0].equals("--port") ? bad[1] : "0";
            String[] args = {"serve", "--port", port, "--servers", dir.resolve("servers.json").toString(),
                    "--catalogue", dir.resolve("catalogue").toString(), bad[0], bad[1]};
            int exit = cli.execute(bad[0].equals("--port") ? java.util.Arrays.copyOf(args, 7) : args);
            assertEquals(2, exit, err.toString());
            assertEquals(bad[2] + System.lineSeparator(), err.toString());
            assertTrue(Files.notExists(dir.resolve("catalogue")), "nothing was started or written");
        }
    }

    @Test
    void aPortInUseIsOneClearLineAndExitFiveWithoutTheServersLog() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.toolrisk.cli.ToolRiskCli",
                    "serve", "--port", String.valueOf(taken.getLocalPort()), "--servers", "none",
                    "--catalogue", dir.resolve("catalogue").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(serve.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve exits");
            assertEquals(5, serve.exitValue(), err);
            // The JVM itself may warn first (Lucene's native access); nothing of ToolRisk's or Javalin's but the one line.
            assertEquals(List.of("toolrisk serve: port %d of 127.0.0.1 is in use by another program; stop it or pass --port N"
                    .formatted(taken.getLocalPort())), err.lines().filter(l -> !l.startsWith("WARNING:")).toList());
        }
    }

    @Test
    void freshCatalogueIsServedAtOnceAndFilledByTheFirstRefresh() throws Exception {
        Files.writeString(dir.resolve("servers.json"), "{\"servers\": [{\"id\": \"notes\", \"file\": \"notes.json\"}]}");
        Files.writeString(dir.resolve("notes.json"), """
                [{"name": "list_notes", "description": "Lists the titles of all notes."},
                 {"name": "send_note", "description": "Emails a note to the given address."}]
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.toolrisk.cli.ToolRiskCli",
                "serve", "--port", "0", "--servers", dir.resolve("servers.json").toString(),
                "--catalogue", dir.resolve("catalogue").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Not closed by the test: the draining thread holds it until serve exits and its stderr ends.
        var err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
        try {
            String base = null;
            StringBuilder seen = new StringBuilder();
            for (String line; base == null && (line = err.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = UP.matcher(line);
                if (m.find()) base = m.group(1);
            }
            assertTrue(base != null, "serve never said it was up: " + seen);
            Thread.ofVirtual().start(() -> err.lines().forEach(l -> { })); // keep draining

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());

            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            JsonNode stats = null;
            while (System.nanoTime() < deadline) {
                stats = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/stats")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (stats.path("state").asText().equals("ready")) break;
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertEquals("ready", stats.path("state").asText(), stats.toString());
            assertEquals(2, stats.path("tools").path("total").asInt());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "servers/notes/tools/send_note")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("send_note"));
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(1, TimeUnit.MINUTES), "serve stops on SIGTERM");
        }

        // The catalogue now exists: served again with nothing to crawl and no schedule, it needs no servers file.
        Process again = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.toolrisk.cli.ToolRiskCli",
                "serve", "--port", "0", "--servers", "none", "--catalogue", dir.resolve("catalogue").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var lines = new BufferedReader(new InputStreamReader(again.getErrorStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            boolean up = false;
            for (String line; !up && (line = lines.readLine()) != null; ) { // the JVM may warn first (Lucene's native access)
                seen.append(line).append('\n');
                up = line.matches("serve: http://\\S+ is up, serving snapshot \\S+ of .*");
            }
            assertTrue(up, "serve did not serve the existing catalogue: " + seen);
        } finally {
            again.destroy();
            assertTrue(again.waitFor(1, TimeUnit.MINUTES), "serve stops on SIGTERM");
        }
    }
}
