package io.toolrisk.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.index.LiveIndex;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/** The real app on a free port, and an HTTP client for it. */
final class RunningApp implements AutoCloseable {
    final LiveIndex view;
    final Javalin app;
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    RunningApp(LiveIndex view) {
        this(view, HttpLimits.DEFAULT, config -> { });
    }

    /** The app within {@code limits}, with {@code extra} configuration (a smaller thread pool, say). */
    RunningApp(LiveIndex view, HttpLimits limits, Consumer<JavalinConfig> extra) {
        this.view = view;
        this.app = SearchApi.create(view, Classifier.bundled(), limits, extra).start("127.0.0.1", 0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** Status and body of a GET. */
    Answer get(String path, String... headers) throws IOException {
        var request = new Request.Builder().url(url(path));
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return call(request.build());
    }

    Answer post(String path, byte[] body, String contentType) throws IOException {
        return call(new Request.Builder().url(url(path)).post(RequestBody.create(body, MediaType.get(contentType))).build());
    }

    private Answer call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), response.headers());
        }
    }

    record Answer(int status, String body, okhttp3.Headers headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    @Override
    public void close() throws IOException {
        app.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        view.close();
    }
}
