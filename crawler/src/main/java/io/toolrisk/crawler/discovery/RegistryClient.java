package io.toolrisk.crawler.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Lists servers from an MCP registry speaking the official registry API: {@code GET {base}/v0.1/servers?limit=
 * &cursor=&updated_since=}, answered with {@code {"servers":[{"server":{...},"_meta":{...}}],
 * "metadata":{"nextCursor"}}}. Deleted and deprecated servers and versions other than the latest are skipped.
 * Bounded: pages of at most 16 MiB, at most {@value #MAX_PAGES} pages, a repeating cursor ends the listing.
 * Thread-safe.
 */
public final class RegistryClient {
    static final int MAX_PAGES = 1000;
    private static final int PAGE_SIZE = 100;
    private static final long MAX_PAGE_BYTES = 16L * 1024 * 1024;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";

    private final OkHttpClient http;

    /** @param http the process's shared client */
    public RegistryClient(OkHttpClient http) {
        this.http = http;
    }

    /**
     * The servers {@code source} lists, up to its limit, as entries; skipped servers are named in
     * {@link ServerList#problems()} only when they could not be used (deleted and deprecated ones are simply
     * left out).
     *
     * @throws IOException when a page cannot be fetched or read; the message has the URL and status
     */
    public ServerList list(RegistrySource source) throws IOException {
        HttpUrl base = serversUrl(source.url());
        List<ServerEntry> servers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> cursors = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        for (int page = 1; ; page++) {
            if (page > MAX_PAGES) throw new IOException("%s: more than %,d pages".formatted(base, MAX_PAGES));
            var url = base.newBuilder().setQueryParameter("limit", Integer.toString(Math.min(PAGE_SIZE, source.limit())));
            cursor.ifPresent(c -> url.setQueryParameter("cursor", c));
            source.updatedSince().ifPresent(s -> url.setQueryParameter("updated_since", s));
            JsonNode body = fetch(url.build());
            JsonNode list = body.path("servers");
            if (!list.isArray()) throw new IOException("%s: the answer has no \"servers\" array".formatted(url.build()));
            for (JsonNode item : list) {
                if (servers.size() == source.limit()) return new ServerList(servers, problems);
                JsonNode server = item.has("server") ? item.get("server") : item;
                JsonNode meta = item.path("_meta").path(OFFICIAL_META);
                if (!listable(server, meta)) continue;
                switch (RegistryServers.toEntry(server, sourceVersion(server, meta))) {
                    case RegistryServers.Outcome.Entry e -> {
                        if (ids.add(e.entry().id())) servers.add(e.entry());
                    }
                    case RegistryServers.Outcome.Skipped s -> problems.add(s.reason());
                }
            }
            JsonNode next = body.path("metadata").path("nextCursor");
            if (!next.isTextual() || next.textValue().isEmpty() || servers.size() >= source.limit())
                return new ServerList(servers, problems);
            if (!cursors.add(next.textValue()))
                throw new IOException("%s: cursor '%s' repeated on page %d".formatted(base, next.textValue(), page));
            cursor = Optional.of(next.textValue());
        }
    }

    /** Active (or unmarked) and the latest version (or unmarked). */
    private static boolean listable(JsonNode server, JsonNode meta) {
        String status = meta.path("status").asText(server.path("status").asText("active"));
        if (status.equals("deleted") || status.equals("deprecated")) return false;
        return meta.path("isLatest").asBoolean(true);
    }

    private static Optional<String> sourceVersion(JsonNode server, JsonNode meta) {
        String version = server.path("version").asText("");
        String updated = meta.path("updatedAt").asText(meta.path("publishedAt").asText(""));
        if (version.isEmpty() && updated.isEmpty()) return Optional.empty();
        return Optional.of(updated.isEmpty() ? version : version + " (updated " + updated + ")");
    }

    /** {@code base} itself when it already ends in {@code /servers} (or {@code /servers/}), else {@code base/v0.1/servers}. */
    static HttpUrl serversUrl(String base) throws IOException {
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) throw new IOException("not an http(s) URL: '%s'".formatted(base));
        List<String> segments = url.pathSegments();
        var builder = url.newBuilder();
        if (segments.getLast().isEmpty()) {
            builder.removePathSegment(segments.size() - 1);
            segments = segments.subList(0, segments.size() - 1);
        }
        if (!segments.isEmpty() && segments.getLast().equals("servers")) return builder.build();
        return builder.addPathSegment("v0.1").addPathSegment("servers").build();
    }

    private JsonNode fetch(HttpUrl url) throws IOException {
        Call call = http.newCall(new Request.Builder().url(url).header("Accept", "application/json").build());
        call.timeout().timeout(PAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) throw new IOException("HTTP %d from GET %s".formatted(response.code(), url));
            BufferedSource source = response.body().source();
            if (source.request(MAX_PAGE_BYTES + 1))
                throw new IOException("GET %s: the page is over the %,d-byte limit".formatted(url, MAX_PAGE_BYTES));
            return Json.MAPPER.readTree(source.readByteArray());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("GET %s: not JSON: %s".formatted(url, e.getOriginalMessage()), e);
        }
    }
}
