package io.toolrisk.crawler.discovery;

import io.toolrisk.crawler.http.HttpClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServersFileTest {
    @TempDir
    Path dir;

    @StartStop
    final MockWebServer registry = new MockWebServer();

    @Test
    void readsStdioUrlFileAndRegistryEntries() throws Exception {
        Path file = write("""
                {"servers": [
                  {"id": "everything", "stdio": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-everything@2026.8.31"], "env": {}}},
                  {"id": "acme", "url": "https://mcp.acme.example/mcp", "headers": {"Authorization": "Bearer ${ACME_TOKEN}"}},
                  {"id": "recorded", "file": "recorded/tools-list.json"},
                  {"registry": "https://registry.example/v0/servers", "limit": 500}
                ]}""");

        ServersFile servers = ServersFile.read(file);

        assertEquals(List.of(
                new ServerEntry.Stdio("everything", "npx", List.of("-y", "@modelcontextprotocol/server-everything@2026.8.31"),
                        Map.of(), Optional.of("npm:@modelcontextprotocol/server-everything@2026.8.31")),
                new ServerEntry.Http("acme", "https://mcp.acme.example/mcp", Map.of("Authorization", "Bearer ${ACME_TOKEN}"),
                        Optional.empty()),
                new ServerEntry.File("recorded", dir.resolve("recorded/tools-list.json").toAbsolutePath(), Optional.empty())),
                servers.servers());
        assertEquals(List.of(new RegistrySource("https://registry.example/v0/servers", 500, Optional.empty())),
                servers.registries());
    }

    @Test
    void unpinnedPackagesHaveNoSourceVersion() {
        assertEquals(Optional.empty(), ServerEntry.Stdio.of("x", "npx", List.of("-y", "pkg@latest"), Map.of()).sourceVersion());
        assertEquals(Optional.empty(), ServerEntry.Stdio.of("x", "npx", List.of("-y", "pkg"), Map.of()).sourceVersion());
        assertEquals(Optional.of("pypi:mcp-search==2.0.0"),
                ServerEntry.Stdio.of("x", "uvx", List.of("mcp-search==2.0.0"), Map.of()).sourceVersion());
        assertEquals(Optional.of("oci:ghcr.io/box/runner:1.0.0"),
                ServerEntry.Stdio.of("x", "docker", List.of("run", "-i", "--rm", "ghcr.io/box/runner:1.0.0"), Map.of()).sourceVersion());
        assertEquals(Optional.empty(),
                ServerEntry.Stdio.of("x", "docker", List.of("run", "-i", "--rm", "ghcr.io/box/runner:latest"), Map.of()).sourceVersion());
    }

    @Test
    void entryWithTwoKindsIsRejectedNamingIt() throws Exception {
        Path file = write("{\"servers\": [{\"id\": \"a\", \"url\": \"https://a.example\", \"file\": \"a.json\"}]}");
        var e = assertThrows(IllegalArgumentException.class, () -> ServersFile.read(file));
        assertEquals("servers.json entry #1: expected exactly one of \"stdio\", \"url\", \"file\", \"registry\", found url, file",
                e.getMessage());
    }

    @Test
    void fileThatIsNotJsonIsRejectedNamingTheFileAndLine() throws Exception {
        Path file = write("{\"servers\": [\n  {\"id\": \"a\", \"url\": nope}\n]}");
        var e = assertThrows(IllegalArgumentException.class, () -> ServersFile.read(file));
        assertEquals(file + ": not valid JSON at line 2: Unrecognized token 'nope': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')", e.getMessage());
    }

    @Test
    void upperCaseIdIsRejected() throws Exception {
        Path file = write("{\"servers\": [{\"id\": \"Acme\", \"url\": \"https://a.example\"}]}");
        var e = assertThrows(IllegalArgumentException.class, () -> ServersFile.read(file));
        assertEquals("servers.json entry #1 (id 'Acme'): server id must be 1 to 128 characters of lower-case a-z, 0-9, '.', '_' or '-', "
                + "starting with a letter or digit", e.getMessage());
    }

    @Test
    void duplicateIdIsRejected() throws Exception {
        Path file = write("{\"servers\": [{\"id\": \"a\", \"url\": \"https://a.example\"}, {\"id\": \"a\", \"file\": \"a.json\"}]}");
        var e = assertThrows(IllegalArgumentException.class, () -> ServersFile.read(file));
        assertEquals("servers.json: duplicate server id 'a' (entries #1 and #2)", e.getMessage());
    }

    @Test
    void argsThatAreNotStringsAreRejected() throws Exception {
        Path file = write("{\"servers\": [{\"id\": \"a\", \"stdio\": {\"command\": \"node\", \"args\": [1]}}]}");
        var e = assertThrows(IllegalArgumentException.class, () -> ServersFile.read(file));
        assertEquals("servers.json entry #1 (id 'a') stdio: \"args\" must be an array of strings", e.getMessage());
    }

    @Test
    void expandAddsRegistryServersAfterTheFilesOwnAndKeepsTheFilesOnAnIdClash() throws Exception {
        registry.setDispatcher(RegistryClientTest.pages());
        Path file = write("""
                {"servers": [
                  {"id": "io.github.acme__weather", "url": "https://mine.example/mcp"},
                  {"registry": "%s", "limit": 3}
                ]}""".formatted(registry.url("/")));

        ServerList list = ServersFile.read(file).expand(new RegistryClient(HttpClients.create(Duration.ofSeconds(2), Duration.ofSeconds(2))));

        assertEquals(List.of("io.github.acme__weather", "io.github.acme__notes", "io.github.py__search"),
                list.servers().stream().map(ServerEntry::id).toList());
        assertEquals("url: https://mine.example/mcp", "url: " + ((ServerEntry.Http) list.servers().getFirst()).url());
        assertEquals(List.of("%s: server id 'io.github.acme__weather' is already taken; skipped".formatted(registry.url("/"))),
                list.problems());
    }

    @Test
    void registryThatCannotBeListedIsAProblemNotAnException() throws Exception {
        registry.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new mockwebserver3.MockResponse.Builder().code(500).build();
            }
        });
        Path file = write("{\"servers\": [{\"id\": \"a\", \"url\": \"https://a.example\"}, {\"registry\": \"%s\"}]}"
                .formatted(registry.url("/")));

        ServerList list = ServersFile.read(file).expand(new RegistryClient(HttpClients.create(Duration.ofSeconds(2), Duration.ofSeconds(2))));

        assertEquals(List.of("a"), list.servers().stream().map(ServerEntry::id).toList());
        assertEquals(List.of("registry %s: HTTP 500 from GET %s".formatted(registry.url("/"), registry.url("/v0.1/servers?limit=100"))),
                list.problems());
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("servers.json"), json);
    }
}
