package io.toolrisk.crawler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.crawler.mcp.Durations;
import io.toolrisk.crawler.mcp.Inbox;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05): a long GET receives an {@code endpoint} event naming
 * where to POST, then every answer arrives as a {@code message} event on that same stream.
 */
final class LegacySseStream {
    private final OkHttpClient http;
    private final Headers headers;
    private final Duration requestTimeout;
    private final Exchanges exchanges;
    private final HttpUrl endpoint;
    private final Call stream;

    private LegacySseStream(OkHttpClient http, Headers headers, Duration requestTimeout, Exchanges exchanges,
                            HttpUrl endpoint, Call stream) {
        this.http = http;
        this.headers = headers;
        this.requestTimeout = requestTimeout;
        this.exchanges = exchanges;
        this.endpoint = endpoint;
        this.stream = stream;
    }

    /** Opens the event stream at {@code url} and waits (up to the request timeout) for its endpoint event. */
    static LegacySseStream connect(OkHttpClient http, HttpUrl url, Headers headers, Duration requestTimeout,
                                   int maxMessageBytes, Inbox inbox, Exchanges exchanges)
            throws IOException, InterruptedException {
        var request = new Request.Builder().url(url).headers(headers).header("Accept", "text/event-stream").get().build();
        // No whole-call timeout: the stream lives as long as the session; closing the transport cancels it.
        Call call = exchanges.track(http.newCall(request), Duration.ZERO);
        var endpoint = new CompletableFuture<HttpUrl>();
        Thread.ofVirtual().name("mcp-sse").start(() -> {
            try {
                read(call, url, maxMessageBytes, inbox, endpoint);
            } catch (IOException e) {
                IOException why = exchanges.explain(e, "GET", url.toString());
                // Before the endpoint event this is a failed fallback, which the caller reports in its words.
                if (!endpoint.completeExceptionally(why)) inbox.end(why);
            } catch (InterruptedException e) {
                inbox.end(new IOException("connection closed"));
            } finally {
                exchanges.done(call);
            }
        });
        try {
            return new LegacySseStream(http, headers, requestTimeout, exchanges,
                    endpoint.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS), call);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            call.cancel();
            throw new BadAnswerException("no endpoint event from GET %s within %s".formatted(url,
                    Durations.format(requestTimeout)));
        }
    }

    private static void read(Call call, HttpUrl url, int maxMessageBytes, Inbox inbox, CompletableFuture<HttpUrl> endpoint)
            throws IOException, InterruptedException {
        try (Response response = call.execute()) {
            if (!response.isSuccessful())
                throw new HttpStatusException(response.code(), "GET", url.toString(), BoundedBodies.snippet(response.body()));
            var events = new SseReader(response.body().source(), maxMessageBytes);
            Optional<SseReader.Event> event;
            while ((event = events.next()).isPresent()) {
                switch (event.get().type()) {
                    case "endpoint" -> {
                        HttpUrl resolved = url.resolve(event.get().text().strip());
                        if (resolved == null)
                            throw new BadAnswerException("endpoint event names no usable URL: '%s'".formatted(event.get().text()));
                        // Messages go where the stream came from, never to a host the server picks.
                        if (!resolved.host().equals(url.host()) || resolved.port() != url.port()
                                || !resolved.scheme().equals(url.scheme()))
                            throw new BadAnswerException("endpoint event points to another origin: '%s'".formatted(resolved));
                        endpoint.complete(resolved);
                    }
                    case "message" -> {
                        Optional<JsonNode> message = StreamableHttpTransport.parseEvent(event.get());
                        if (message.isPresent()) inbox.deliver(message.get());
                    }
                    default -> { }
                }
            }
            throw new BadAnswerException("server closed the event stream of GET " + url);
        }
    }

    /** POSTs one message to the endpoint; its answer, if any, arrives on the stream. */
    void post(JsonNode message) throws IOException {
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON-RPC message", e);
        }
        var request = new Request.Builder().url(endpoint).headers(headers)
                .post(RequestBody.create(body, StreamableHttpTransport.JSON)).build();
        Call call = exchanges.track(http.newCall(request), requestTimeout);
        try (Response response = call.execute()) {
            if (!response.isSuccessful())
                throw new HttpStatusException(response.code(), "POST", endpoint.toString(), BoundedBodies.snippet(response.body()));
        } catch (IOException e) {
            throw exchanges.explain(e, "POST", endpoint.toString());
        } finally {
            exchanges.done(call);
        }
    }

    void close() {
        stream.cancel();
    }
}
