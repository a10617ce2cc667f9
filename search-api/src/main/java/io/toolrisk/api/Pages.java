package io.toolrisk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.index.IndexedTool;
import io.toolrisk.index.ChangeLog;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.index.ServerTools;
import io.toolrisk.index.ToolHits;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.pages.SearchPage;
import io.toolrisk.pages.ServerPage;
import io.toolrisk.pages.ToolPage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The three HTML pages: {@code /}, {@code /servers/{server}}, {@code /servers/{server}/tools/{tool}}. */
final class Pages {
    private static final int RECENT_CHANGE_SETS = 5;
    /** Pages load no script, no frame, nothing from elsewhere: defence in depth beneath the escaping. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final LiveIndex view;
    private final ChangeLog changes;

    Pages(LiveIndex view, ChangeLog changes) {
        this.view = view;
        this.changes = changes;
    }

    void search(Context ctx) throws IOException {
        ToolQuery query = ToolRequests.query(ctx);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            ToolHits hits = ToolsApi.hits(lease.searcher(), query);
            List<JsonNode> items = new ArrayList<>();
            for (byte[] item : hits.items()) items.add(Json.MAPPER.readTree(item));
            html(ctx, SearchPage.render(query, hits, items, view.status(), view.snapshotId()));
        }
    }

    /** A server and a page of its tools ({@value ServerPage#TOOLS_PER_PAGE} a page; {@code page} from 1). */
    void server(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        int page = Params.integer(ctx, "page", 1, 1, 10_000);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            JsonNode summary = Json.MAPPER.readTree(ServersApi.summary(lease.searcher(), server));
            ServerTools tools = lease.searcher().get().serverTools(server, page, ServerPage.TOOLS_PER_PAGE);
            List<JsonNode> items = new ArrayList<>(tools.items().size());
            for (byte[] item : tools.items()) items.add(Json.MAPPER.readTree(item));
            List<ChangeSet> recent = changes.recent(Optional.of(server), 0, RECENT_CHANGE_SETS);
            html(ctx, ServerPage.render(summary, items, page, recent, view.status(), view.snapshotId()));
        }
    }

    void tool(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        String segment = ctx.pathParam("tool");
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            IndexedTool tool = ToolsApi.find(lease.searcher(), server, segment);
            html(ctx, ToolPage.render(tool, view.status(), view.snapshotId()));
        }
    }

    static void html(Context ctx, String page) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }
}
