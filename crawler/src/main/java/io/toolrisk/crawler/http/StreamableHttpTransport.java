package io.toolrisk.crawler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.crawler.mcp.Inbox;
import io.toolrisk.crawler.mcp.JsonRpc;
import io.toolrisk.crawler.mcp.Transport;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * MCP over Streamable HTTP: every message is a POST to one URL; the answer to a request comes back as JSON or
 * as an event stream. Keeps the server's {@code Mcp-Session-Id}, sends {@code MCP-Protocol-Version} once it is
 * agreed, and DELETEs the session on {@link #close}. When the server refuses the first POST with 400, 404 or
 * 405 it is an older server: the transport switches to the legacy HTTP+SSE protocol ({@link LegacySseStream}).
 */
public final class StreamableHttpTransport implements Transport {
    static final MediaType JSON = MediaType.get("application/json");
    private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How much longer than the request timeout a POST that carries an answer may take: the session waits for the
     * answer just as long and is the one to give up, with a message that names the method ("no answer to
     * initialize within 5s"), not the HTTP call, which starts a moment earlier on its own thread.
     */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(1);

    private final OkHttpClient http;
    private final HttpUrl url;
    private final Headers headers;
    private final Duration requestTimeout;
    private final int maxMessageBytes;
    private final Inbox inbox = new Inbox();
    private final Exchanges exchanges = new Exchanges();
    private volatile String sessionId;
    private volatile String protocolVersion;
    private volatile LegacySseStream legacy;

    private StreamableHttpTransport(OkHttpClient http, HttpUrl url, Headers headers, Duration requestTimeout,
                                    int maxMessageBytes) {
        this.http = http;
        this.url = url;
        this.headers = headers;
        this.requestTimeout = requestTimeout;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * A transport for the MCP endpoint at {@code url}, sending {@code headers} (for example authorization) with
     * every request. Nothing is sent before the first message.
     *
     * @throws IllegalArgumentException when {@code url} is not an http(s) URL or a header is not valid HTTP
     */
    public static StreamableHttpTransport open(OkHttpClient http, String url, Map<String, String> headers,
                                               Duration requestTimeout, int maxMessageBytes) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) throw new IllegalArgumentException("not an http(s) URL: '%s'".formatted(url));
        var builder = new Headers.Builder();
        headers.forEach(builder::add);
        return new StreamableHttpTransport(http, parsed, builder.build(), requestTimeout, maxMessageBytes);
    }

    @Override
    public void send(JsonNode message) throws IOException, InterruptedException {
        LegacySseStream stream = legacy;
        if (stream != null) {
            stream.post(message);
        } else if (JsonRpc.isRequest(message)) {
            // The answer may take as long as the server likes: read it on its own thread, into the inbox.
            Thread.ofVirtual().name("mcp-post").start(() -> exchange(message));
        } else {
            postWithoutAnswer(message);
        }
    }

    @Override
    public Optional<JsonNode> receive(Duration timeout) throws IOException, InterruptedException {
        return inbox.receive(timeout);
    }

    @Override
    public void protocolVersionAgreed(String version) {
        protocolVersion = version;
    }

    @Override
    public void close() {
        if (exchanges.closed()) return;
        exchanges.cancelAll();
        LegacySseStream stream = legacy;
        if (stream != null) stream.close();
        String session = sessionId;
        if (session != null && stream == null) deleteSession(session);
        inbox.close();
    }

    private void exchange(JsonNode message) {
        Request request = post(message);
        try {
            Call call = exchanges.track(http.newCall(request), requestTimeout.plus(ANSWER_MARGIN));
            int refusedWith = 0;
            try (Response response = call.execute()) {
                if (JsonRpc.isInitialize(message) && isLegacyHint(response.code())) {
                    refusedWith = response.code(); // an older server: retried over legacy SSE once this is closed
                } else {
                    if (!response.isSuccessful())
                        throw new HttpStatusException(response.code(), "POST", url.toString(), BoundedBodies.snippet(response.body()));
                    String session = response.header("Mcp-Session-Id");
                    if (session != null && sessionId == null) sessionId = session;
                    readAnswer(response, message.get("id").asLong());
                }
            } finally {
                exchanges.done(call);
            }
            if (refusedWith != 0) switchToLegacy(message, refusedWith);
        } catch (IOException e) {
            inbox.end(exchanges.explain(e, "POST", url.toString()));
        } catch (InterruptedException e) {
            inbox.end(new IOException("connection closed"));
        }
    }

    private static boolean isLegacyHint(int code) {
        return code == 400 || code == 404 || code == 405;
    }

    private void readAnswer(Response response, long id) throws IOException, InterruptedException {
        if (response.code() == 202 || response.code() == 204)
            throw new BadAnswerException("server answered POST %s with HTTP %d and no message"
                    .formatted(url, response.code()));
        MediaType type = response.body().contentType();
        String subtype = type == null ? "" : type.type() + "/" + type.subtype();
        switch (subtype) {
            case "text/event-stream" -> {
                var events = new SseReader(response.body().source(), maxMessageBytes);
                Optional<SseReader.Event> event;
                while ((event = events.next()).isPresent()) {
                    if (!event.get().type().equals("message")) continue;
                    Optional<JsonNode> received = parseEvent(event.get());
                    if (received.isEmpty()) continue;
                    inbox.deliver(received.get());
                    // The server should close the stream after the answer; some keep it open. Stop reading.
                    if (JsonRpc.answers(received.get(), id)) return;
                }
                throw new BadAnswerException("the event stream from POST %s ended without an answer".formatted(url));
            }
            case "application/json" -> {
                byte[] body = BoundedBodies.read(response.body(), maxMessageBytes, "the response to POST " + url);
                try {
                    inbox.deliver(Json.MAPPER.readTree(body));
                } catch (JsonProcessingException e) {
                    throw new BadAnswerException("server sent invalid JSON to POST %s: %s".formatted(url, e.getOriginalMessage()));
                }
            }
            default -> throw new BadAnswerException("server answered POST %s with content type '%s', expected JSON or an event stream"
                    .formatted(url, type));
        }
    }

    /** Event data that is not JSON (keep-alive text, say) is skipped; JSON over the limits is an error. */
    static Optional<JsonNode> parseEvent(SseReader.Event event) throws IOException {
        try {
            return Optional.of(Json.MAPPER.readTree(event.data()));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new BadAnswerException("server sent a message over the limits: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void switchToLegacy(JsonNode initialize, int status) throws IOException, InterruptedException {
        LegacySseStream stream;
        try {
            stream = LegacySseStream.connect(http, url, headers, requestTimeout, maxMessageBytes, inbox, exchanges);
        } catch (IOException e) {
            throw new BadAnswerException("HTTP %d from POST %s, and the legacy SSE fallback failed: %s"
                    .formatted(status, url, exchanges.explain(e, "GET", url.toString()).getMessage()), e);
        }
        legacy = stream;
        stream.post(initialize);
    }

    /** Notifications and responses get 202 and no body; a refusal shows up in the next request anyway. */
    private void postWithoutAnswer(JsonNode message) throws IOException {
        Call call = exchanges.track(http.newCall(post(message)), requestTimeout);
        try {
            call.execute().close(); // 202 and nothing to read
        } catch (IOException e) {
            throw exchanges.explain(e, "POST", url.toString());
        } finally {
            exchanges.done(call);
        }
    }

    private Request post(JsonNode message) {
        try {
            var builder = new Request.Builder().url(url).headers(headers)
                    .header("Accept", "application/json, text/event-stream")
                    .post(RequestBody.create(Json.MAPPER.writeValueAsBytes(message), JSON));
            String session = sessionId;
            if (session != null) builder.header("Mcp-Session-Id", session);
            String version = protocolVersion;
            if (version != null) builder.header("MCP-Protocol-Version", version);
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON-RPC message", e);
        }
    }

    private void deleteSession(String session) {
        var builder = new Request.Builder().url(url).headers(headers).header("Mcp-Session-Id", session).delete();
        String version = protocolVersion;
        if (version != null) builder.header("MCP-Protocol-Version", version);
        var request = builder.build();
        Call call = http.newCall(request);
        call.timeout().timeout(DELETE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            call.execute().close(); // 200, 204 or 405 (the server does not let clients end sessions): all fine
        } catch (IOException e) {
            // The session ends by itself on the server; nothing else to do.
        }
    }
}
