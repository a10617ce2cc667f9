package io.toolrisk.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile stdio servers, crawled by a real {@code refresh} process with bubblewrap and with the unshare fallback.
 * The crawler's home, temp folder and catalogue lie in this module's build folder. The crawler holds secrets in its
 * environment and a planted SSH key in its home; a second server's entry names one of the secrets. The checkout may
 * lie where the sandbox hides everything ({@code ~/src/toolrisk}, {@code /tmp/x}): the servers' script is shown to
 * them with {@code --sandbox-read}, as a user shows a checkout.
 */
class SandboxedRefreshTest {
    private final String id = UUID.randomUUID().toString();
    private final String marker = "hostile-" + id;
    private final Map<String, String> secrets = Map.of(
            "ACME_TOKEN", "acme-secret-" + id, "GITHUB_TOKEN", "github-secret-" + id);
    private final String plantedKey = "PLANTED-KEY-" + id;
    private Path dir;
    private Path home;
    private Path tmp;
    private Path catalogue;

    @BeforeEach
    void plant() throws IOException {
        dir = Files.createDirectories(Path.of("target", "sandboxed-refresh", id)).toAbsolutePath();
        home = Files.createDirectories(dir.resolve("home"));
        tmp = Files.createDirectories(dir.resolve("tmp"));
        catalogue = dir.resolve("catalogue");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("id_rsa"), plantedKey);
        Files.setPosixFilePermissions(ssh.resolve("id_rsa"), PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void remove() throws IOException {
        CatalogueStore.deleteTree(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bwrap", "unshare"})
    void hostileServerGetsNothingOfTheMachineAndLeavesNothingBehind(String backend) throws Exception {
        // The test's folder, which holds the crawler's home, temp folder and catalogue, is visible to the servers: by
        // itself in a checkout that the sandbox does not hide by rule, shown in one that it does. So what they do not
        // see of it, they do not see because the sandbox hides what the crawler names, wherever the checkout lies.
        try (var listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            writeServers(List.of(hostile("hostile", "hostile", listener.getLocalPort()), holder()));
            // Twice: the second time there is a catalogue to go after.
            for (int run = 0; run < 2; run++) {
                Process refresh = refresh(backend, Map.of(), List.of(dir));
                assertTrue(refresh.waitFor(3, TimeUnit.MINUTES), "the refresh finishes");
                assertEquals(0, refresh.exitValue(), log());
            }
        }
        Map<String, JsonNode> report = report("hostile");

        assertSawNothing(report.get("sshKey"));
        assertSawNothing(report.get("crawlerHome"));
        assertSawNothing(report.get("catalogue"));
        assertSawNothing(report.get("catalogueCurrent"));
        assertSawNothing(report.get("crawlerTmp"));
        for (String write : List.of("writeHome", "writeCatalogue", "writeSystem", "writeOwnInstall", "unmountHome"))
            assertFalse(report.get(write).path("ok").asBoolean(), write + ": " + report.get(write));
        assertFalse(Files.exists(home.resolve("pwned")));
        assertFalse(Files.exists(catalogue.resolve("pwned")));
        assertEquals("EACCES", report.get("shadow").path("error").asText(), "it runs as nobody, not as root");
        assertEquals(65534, report.get("uid").asInt());
        assertTrue(report.get("ownHome").path("ok").asBoolean(), report.get("ownHome").toString());
        assertTrue(report.get("ownTmp").path("ok").asBoolean(), report.get("ownTmp").toString());
        assertTrue(report.get("network").path("ok").asBoolean(), "the network is on by default: " + report.get("network"));

        // Its parent, the sandbox's first process, runs as root where the crawler does (and then cannot be read), or
        // holds what the server was given: nothing of the crawler's.
        JsonNode parent = report.get("parentEnviron");
        if (parent.path("ok").asBoolean()) {
            List<String> variables = Stream.of(parent.path("got").asText().split("\0")).sorted().toList();
            assertEquals(List.of("HOME=/home/server", "PATH=" + System.getenv("PATH")),
                    variables.stream().filter(v -> !v.equals("PWD=/home/server")).toList(), "its parent's environment");
        } else {
            assertEquals("EACCES", parent.path("error").asText());
        }
        JsonNode processes = report.get("processes");
        assertTrue(processes.size() <= 4, "it sees its own few processes only: " + processes);
        processes.forEach(p -> assertFalse(p.path("cmdline").path("got").asText().contains("holder"), "another server: " + p));

        // Nothing it read of the crawler reached the catalogue, which holds what it published.
        try (Stream<Path> files = Files.walk(catalogue)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets.values()) assertFalse(text.contains(secret), secret + " in " + file);
                assertFalse(text.contains(plantedKey), "the key in " + file);
            }
        }
        assertEquals(0, survivors(marker), "no process it started outlives the refresh");
        assertEquals(List.of(), crawlDirectories(), "its temporary folders are gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bwrap", "unshare"})
    void killMinusNineOfARefreshLeavesNoProcessAndTheNextRunRemovesItsFolders(String backend) throws Exception {
        int servers = 3;
        var entries = new ArrayList<ObjectNode>();
        for (int i = 1; i <= servers; i++) entries.add(hostile("stall-" + i, "stall", 0));
        writeServers(entries);
        Process refresh = refresh(backend);
        // Killed once every server has left its daemon: a point the run reaches, whatever the machine's speed.
        for (int i = 0; i < 1800 && running(marker + "-daemon") < servers; i++) {
            assertTrue(refresh.isAlive(), "the refresh ended before its servers started: " + log());
            Thread.sleep(100);
        }
        assertEquals(servers, running(marker + "-daemon"), "every server left a daemon: " + log());
        assertTrue(running(marker) >= 2 * servers, "servers and daemons run");
        refresh.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup

        assertEquals(0, survivors(marker), "processes left by servers of the killed refresh");
        assertFalse(crawlDirectories().isEmpty(), "the killed run could not delete its temporary folders");

        writeServers(List.of(holder()));
        Process next = refresh(backend);
        assertTrue(next.waitFor(3, TimeUnit.MINUTES), "the next refresh finishes");
        assertEquals(0, next.exitValue(), log());
        assertEquals(List.of(), crawlDirectories(), "the next run removed the killed one's folders");
        assertTrue(log().contains("refresh: removed %d temporary folders of stdio servers that a killed run left".formatted(servers)), log());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bwrap", "unshare"})
    void serverOfTheServersFilesNpmInstallRunsFromItInTheHiddenCacheAndCannotChangeIt(String backend) throws Exception {
        // A stand-in for npm: `npm ci ... --prefix DIR` installs the hostile server as package fake-server.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("npm"), """
                #!/bin/sh
                for prefix; do :; done
                mkdir -p "$prefix/node_modules/fake-server/dist"
                cp "$FAKE_SERVER" "$prefix/node_modules/fake-server/dist/index.js"
                """);
        Files.setPosixFilePermissions(bin.resolve("npm"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path peers = Files.createDirectories(dir.resolve("peers"));
        Files.writeString(peers.resolve("package.json"), "{\"dependencies\": {\"fake-server\": \"1.0.0\"}}");
        Files.writeString(peers.resolve("package-lock.json"), "{\"packages\": {\"node_modules/fake-server\": {\"version\": \"1.0.0\"}}}");
        ObjectNode entry = hostile("installed", "hostile", 0);
        ((ArrayNode) entry.path("stdio").path("args")).set(0, "${TOOLRISK_NPM_PREFIX}/node_modules/fake-server/dist/index.js");
        ObjectNode file = Json.MAPPER.createObjectNode().put("npm", "peers");
        file.putArray("servers").add(entry);
        Files.write(dir.resolve("servers.json"), Json.MAPPER.writeValueAsBytes(file));

        // The test's folder is shown whole, the crawler's home in it with it: the crawler's cache there is hidden again,
        // and the install inside that cache shown again after it.
        Process refresh = refresh(backend, Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_SERVER", script().toString()),
                List.of(dir));
        assertTrue(refresh.waitFor(3, TimeUnit.MINUTES), "the refresh finishes");
        assertEquals(0, refresh.exitValue(), log());
        Map<String, JsonNode> report = report("installed");
        assertEquals("EROFS", report.get("writeOwnInstall").path("error").asText(), "its install is read-only to it");
        assertEquals(".cache", report.get("crawlerHome").path("got").asText(), "of the home, only the way to its install");
        assertSawNothing(report.get("sshKey"));
        try (Stream<Path> installed = Files.walk(home.resolve(".cache/toolrisk/npm"))) {
            assertTrue(installed.noneMatch(p -> p.getFileName().toString().equals("pwned")));
        }
    }

    private Process refresh(String backend) throws IOException {
        return refresh(backend, Map.of(), List.of());
    }

    /** A refresh that shows the servers their script, and {@code shown}, with {@code --sandbox-read}. */
    private Process refresh(String backend, Map<String, String> environment, List<Path> shown) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-Dtoolrisk.sandbox=" + backend,
                "-cp", System.getProperty("java.class.path"), "io.toolrisk.cli.ToolRiskCli",
                "refresh", "--servers", dir.resolve("servers.json").toString(), "--catalogue", catalogue.toString(),
                "--full", "--concurrency", "4", "--sandbox-read", script().getParent().toString()));
        shown.forEach(path -> command.addAll(List.of("--sandbox-read", path.toString())));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("refresh.log").toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("TOOLRISK_CACHE", home.resolve(".cache/toolrisk").toString()); // in the home, as by default
        env.putAll(secrets);
        env.putAll(environment);
        return builder.start();
    }

    private ObjectNode hostile(String serverId, String mode, int port) {
        ArrayNode args = Json.MAPPER.createArrayNode().add(script().toString()).add(mode).add(home.toString()).add(catalogue.toString())
                .add(tmp.toString()).add(marker);
        if (port > 0) args.add(Integer.toString(port));
        ObjectNode entry = Json.MAPPER.createObjectNode().put("id", serverId);
        entry.putObject("stdio").put("command", "node").<ObjectNode>set("args", args).putObject("env");
        return entry;
    }

    /** A server whose entry names a secret of the crawler: the one the attack review stole through /proc. */
    private ObjectNode holder() {
        ObjectNode entry = Json.MAPPER.createObjectNode().put("id", "holder");
        ObjectNode stdio = entry.putObject("stdio").put("command", "node");
        stdio.putArray("args").add(script().toString()).add("holder");
        stdio.putObject("env").put("TOKEN", "${ACME_TOKEN}");
        return entry;
    }

    private static Path script() {
        try {
            return Path.of(SandboxedRefreshTest.class.getResource("/servers/hostile-server.js").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeServers(List<ObjectNode> entries) throws IOException {
        ObjectNode file = Json.MAPPER.createObjectNode();
        file.putArray("servers").addAll(entries);
        Files.write(dir.resolve("servers.json"), Json.MAPPER.writeValueAsBytes(file));
    }

    /** The hostile server's report, tool by tool, as the live snapshot holds it. */
    private Map<String, JsonNode> report(String serverId) throws IOException {
        var store = new CatalogueStore(catalogue);
        Map<String, JsonNode> report = new HashMap<>();
        try (SnapshotReader reader = store.openSnapshot(store.currentId().orElseThrow())) {
            for (ServerRecord server : reader) {
                if (!server.id().equals(serverId)) continue;
                for (CataloguedTool tool : server.tools())
                    report.put(tool.tool().name(), Json.MAPPER.readTree(tool.tool().description()));
            }
        }
        assertTrue(report.containsKey("sshKey"), "the hostile server was crawled: " + report.keySet() + "\n" + log());
        return report;
    }

    /** An attempt that failed, or found an empty folder. */
    private static void assertSawNothing(JsonNode attempt) {
        assertTrue(!attempt.path("ok").asBoolean() || attempt.path("got").asText().isEmpty(), "it saw something: " + attempt);
    }

    /** Processes of the machine whose command line holds {@code text}. */
    private static long running(String text) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(text)).count();
    }

    /** Those of them still there after up to a minute for the kernel to end them (it may take a while on a busy machine). */
    private static long survivors(String text) throws InterruptedException {
        for (int i = 0; i < 600 && running(text) > 0; i++) Thread.sleep(100);
        return running(text);
    }

    private List<String> crawlDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("toolrisk-mcp-")).toList();
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("refresh.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
