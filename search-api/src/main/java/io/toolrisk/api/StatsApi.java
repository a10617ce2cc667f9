package io.toolrisk.api;

import io.javalin.http.Context;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.index.CatalogueStats;
import io.toolrisk.index.LiveIndex;

import java.io.IOException;
import java.util.Optional;

/** {@code GET /api/v1/stats} and {@code GET /health}. */
final class StatsApi {
    private final LiveIndex view;

    StatsApi(LiveIndex view) {
        this.view = view;
    }

    /**
     * {@code {"state": "ready"|"empty", "message"?, "snapshot"?, "createdAt"?, "ruleset"?, "servers": {...},
     * "tools": {"total", "categories", "severities", "flags"}}}. {@code message} is the view's status, such as
     * "first refresh running".
     */
    void stats(Context ctx) throws IOException {
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            Optional<CatalogueStats> stats = lease.searcher().map(s -> s.stats());
            JsonBody.send(ctx, json -> {
                json.writeStartObject();
                json.writeStringField("state", stats.isPresent() ? "ready" : "empty");
                if (view.status().isPresent()) json.writeStringField("message", view.status().get());
                if (stats.isPresent()) {
                    var info = stats.get().info();
                    json.writeStringField("snapshot", info.snapshot());
                    json.writeStringField("createdAt", info.createdAt().toString());
                    json.writeStringField("ruleset", info.ruleset());
                }
                json.writeObjectFieldStart("servers");
                json.writeNumberField("total", stats.map(s -> s.info().servers()).orElse(0L));
                for (String status : new String[] {"crawled", "failed", "needs-credentials"})
                    json.writeNumberField(status, stats.map(s -> s.serverStatuses().getOrDefault(status, 0L)).orElse(0L));
                json.writeEndObject();
                json.writeObjectFieldStart("tools");
                json.writeNumberField("total", stats.map(s -> s.info().tools()).orElse(0L));
                json.writeObjectFieldStart("categories");
                for (Category c : Category.values())
                    json.writeNumberField(c.wireName(), stats.map(s -> s.categories().get(c)).orElse(0L));
                json.writeEndObject();
                json.writeObjectFieldStart("severities");
                for (Severity v : Severity.values())
                    json.writeNumberField(v.wireName(), stats.map(s -> s.severities().get(v)).orElse(0L));
                json.writeEndObject();
                json.writeObjectFieldStart("flags");
                for (FlagKind k : FlagKind.values())
                    json.writeNumberField(k.wireName(), stats.map(s -> s.flags().get(k)).orElse(0L));
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
            });
        }
    }

    /** {@code {"status":"ok","snapshot": id|null}}: the process answers; never cached. */
    void health(Context ctx) throws IOException {
        Optional<String> snapshot = view.snapshotId();
        ctx.header("Cache-Control", "no-store");
        JsonBody.send(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("status", "ok");
            if (snapshot.isPresent()) json.writeStringField("snapshot", snapshot.get());
            else json.writeNullField("snapshot");
            json.writeEndObject();
        });
    }
}
