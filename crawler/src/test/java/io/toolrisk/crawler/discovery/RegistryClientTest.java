package io.toolrisk.crawler.discovery;

import io.toolrisk.crawler.http.HttpClients;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The registry client against a local server that serves registry-shaped pages (test resources). */
class RegistryClientTest {
    @StartStop
    final MockWebServer registry = new MockWebServer();

    private final RegistryClient client = new RegistryClient(HttpClients.create(Duration.ofSeconds(2), Duration.ofSeconds(2)));

    @Test
    void listsActiveLatestServersAcrossPagesAsEntries() throws Exception {
        registry.setDispatcher(pages());
        ServerList list = client.list(new RegistrySource(registry.url("/").toString(), 100, Optional.of("2025-01-01T00:00:00Z")));

        assertEquals(List.of(
                new ServerEntry.Http("io.github.acme__weather", "https://weather.acme.example/mcp",
                        Map.of("Authorization", "Bearer ${API_KEY}"), Optional.of("1.2.0 (updated 2025-10-02T11:00:00Z)")),
                new ServerEntry.Stdio("io.github.acme__notes", "npx",
                        List.of("-y", "@acme/notes-mcp@0.3.1", "--stdio", "--db", "notes.db"),
                        Map.of("NOTES_TOKEN", "${NOTES_TOKEN}", "NOTES_REGION", "eu"),
                        Optional.of("0.3.1 (updated 2025-09-01T00:00:00Z)")),
                new ServerEntry.Stdio("io.github.py__search", "uvx", List.of("mcp-search==2.0.0"), Map.of(),
                        Optional.of("2.0.0 (updated 2025-08-01T00:00:00Z)")),
                new ServerEntry.Stdio("io.github.box__runner", "docker",
                        List.of("run", "-i", "--rm", "-e", "RUNNER_KEY", "ghcr.io/box/runner:1.0.0"),
                        Map.of("RUNNER_KEY", "${RUNNER_KEY}"), Optional.of("1.0.0")),
                new ServerEntry.Http("io.github.legacy__stream", "https://stream.legacy.example/sse", Map.of(),
                        Optional.of("0.9.0"))), list.servers());
        assertEquals(List.of("io.github.dotnet/tool: no remote and no stdio package of a kind this crawler runs (npm, pypi, oci)"),
                list.problems());
    }

    @Test
    void sendsLimitCursorAndUpdatedSince() throws Exception {
        registry.setDispatcher(pages());
        client.list(new RegistrySource(registry.url("/").toString(), 100, Optional.of("2025-01-01T00:00:00Z")));

        RecordedRequest first = registry.takeRequest();
        assertEquals("/v0.1/servers?limit=100&updated_since=2025-01-01T00%3A00%3A00Z", first.getTarget());
        RecordedRequest second = registry.takeRequest();
        assertEquals("/v0.1/servers?limit=100&cursor=io.github.acme%2Fnotes%3A0.3.1&updated_since=2025-01-01T00%3A00%3A00Z",
                second.getTarget());
    }

    @Test
    void serversUrlIsKeptWhenGivenWithOrWithoutATrailingSlash() throws Exception {
        assertEquals("https://registry.example/v0/servers", RegistryClient.serversUrl("https://registry.example/v0/servers").toString());
        assertEquals("https://registry.example/v0/servers", RegistryClient.serversUrl("https://registry.example/v0/servers/").toString());
        assertEquals("https://registry.example/v0.1/servers", RegistryClient.serversUrl("https://registry.example").toString());
        assertEquals("https://registry.example/v0.1/servers", RegistryClient.serversUrl("https://registry.example/").toString());
    }

    @Test
    void stopsAtTheLimit() throws Exception {
        registry.setDispatcher(pages());
        ServerList list = client.list(new RegistrySource(registry.url("/v0.1/servers").toString(), 2, Optional.empty()));
        assertEquals(List.of("io.github.acme__weather", "io.github.acme__notes"), list.servers().stream().map(ServerEntry::id).toList());
        assertEquals(1, registry.getRequestCount());
        assertEquals("/v0.1/servers?limit=2", registry.takeRequest().getTarget());
    }

    @Test
    void repeatingCursorIsAnError() {
        registry.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json("{\"servers\":[],\"metadata\":{\"nextCursor\":\"same\"}}");
            }
        });
        var e = assertThrows(IOException.class,
                () -> client.list(new RegistrySource(registry.url("/").toString(), 100, Optional.empty())));
        assertEquals("%s: cursor 'same' repeated on page 2".formatted(registry.url("/v0.1/servers")), e.getMessage());
    }

    @Test
    void errorStatusIsAnErrorNamingTheUrl() {
        registry.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).build();
            }
        });
        var e = assertThrows(IOException.class,
                () -> client.list(new RegistrySource(registry.url("/").toString(), 10, Optional.empty())));
        assertEquals("HTTP 503 from GET %s".formatted(registry.url("/v0.1/servers?limit=10")), e.getMessage());
    }

    /** Page 1 without a cursor, page 2 with the cursor page 1 handed out. */
    static Dispatcher pages() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().equals("/v0.1/servers")) return new MockResponse.Builder().code(404).build();
                String cursor = request.getUrl().queryParameter("cursor");
                if (cursor == null) return json(resource("page1.json"));
                if (cursor.equals("io.github.acme/notes:0.3.1")) return json(resource("page2.json"));
                return new MockResponse.Builder().code(400).body("{\"error\":\"bad cursor\"}").build();
            }
        };
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    static String resource(String name) {
        try (InputStream in = RegistryClientTest.class.getResourceAsStream("/registry/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
