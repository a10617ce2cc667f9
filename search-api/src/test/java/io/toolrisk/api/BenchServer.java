package io.toolrisk.api;

import io.javalin.Javalin;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.index.LiveIndex;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The API over a benchmark catalogue, plus two baselines on the same server: {@code /bench/constant} answers a
 * real search response captured at start-up (same bytes, no search) and {@code /bench/tiny} a 12-byte JSON;
 * {@code /bench/cache} says how many searches the answer cache answered and missed so far ("HITS MISSES").
 * Run by {@code bench/load.sh}: {@code BenchServer DIR PORT [CACHE_BYTES]}; stops on SIGTERM.
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        long cacheBytes = args.length > 2 ? Long.parseLong(args[2]) : io.toolrisk.index.ToolSearcher.DEFAULT_CACHE_BYTES;
        var view = LiveIndex.open(new CatalogueStore(dir), cacheBytes);
        byte[][] constant = {"{}".getBytes(StandardCharsets.UTF_8)};
        Javalin app = SearchApi.create(view, Classifier.bundled(), HttpLimits.DEFAULT, config -> {
            config.routes.get("/bench/constant", ctx -> ctx.contentType("application/json").result(constant[0]));
            config.routes.get("/bench/tiny", ctx -> ctx.contentType("application/json").result("{\"ok\":true}"));
            config.routes.get("/bench/cache", ctx -> {
                try (var lease = view.lease()) {
                    var use = lease.searcher().orElseThrow().cacheUse();
                    ctx.contentType("text/plain").result(use.hits() + " " + use.misses());
                }
            });
        }).start("127.0.0.1", port);
        var http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/api/v1/tools?q=issue").build()).execute()) {
            constant[0] = r.body().bytes();
        }
        http.dispatcher().executorService().shutdown();
        System.err.printf("bench server on port %d serving snapshot %s, answer cache %,d bytes; /bench/constant is %,d bytes%n", port,
                view.snapshotId().orElse("(none)"), cacheBytes, constant[0].length);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                view.close();
            } catch (java.io.IOException e) {
                System.err.println("closing the view: " + e.getMessage());
            }
        }));
        Thread.currentThread().join();
    }
}
