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
import io.toolrisk.index.ToolSearcher;
import io.toolrisk.pages.ErrorPage;
import io.toolrisk.pages.PolicyPreview;
import io.toolrisk.pages.SearchPage;
import io.toolrisk.pages.ServerPage;
import io.toolrisk.pages.ServerRow;
import io.toolrisk.pages.ServersPage;
import io.toolrisk.pages.ToolPage;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTML pages: {@code /}, {@code /servers}, {@code /servers/{server}}, {@code /servers/{server}/tools/{tool}}, and
 * the error page browsers get ({@link #error}).
 */
final class Pages {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private static final int RECENT_CHANGE_SETS = 5;
    /**
     * Pages load nothing from elsewhere and no frame; the one script is ours (copy buttons) and may only fetch from
     * here: defence in depth beneath the escaping.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The servers of one snapshot as the servers index lists them, read once per snapshot. */
    private record ServerRows(String snapshot, List<ServerRow> rows) {
    }

    private final LiveIndex view;
    private final ChangeLog changes;
    private final ServersApi servers;
    private final AtomicReference<ServerRows> rows = new AtomicReference<>();

    Pages(LiveIndex view, ChangeLog changes, ServersApi servers) {
        this.view = view;
        this.changes = changes;
        this.servers = servers;
    }

    void search(Context ctx) throws IOException {
        ToolQuery query = ToolRequests.query(ctx);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            ToolHits hits = ToolsApi.hits(lease.searcher(), query);
            List<JsonNode> items = new ArrayList<>();
            for (byte[] item : hits.items()) items.add(Json.MAPPER.readTree(item));
            html(ctx, SearchPage.render(query, hits, items, lease.searcher().map(ToolSearcher::stats), view.status(), view.snapshotId()));
        }
    }

    /** Every server, a page at a time: {@code sort} risk, name or tools; {@code q} a part of the key or name. */
    void servers(Context ctx) throws IOException {
        ServersPage.Order order = Params.one(ctx, "sort", ServersPage.Order.RISK, ServersPage.Order::fromWireName);
        String text = Params.text(ctx, "q");
        int page = Params.integer(ctx, "page", 1, 1, 10_000);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            List<ServerRow> all = lease.searcher().isPresent() ? rows(lease.searcher().get()) : List.of();
            html(ctx, ServersPage.render(all, new ServersPage.Request(order, text, page), view.status(), view.snapshotId()));
        }
    }

    /**
     * A server and a page of its tools ({@value ServerPage#TOOLS_PER_PAGE} a page; {@code page} from 1), with its
     * policies previewed under {@code profile}.
     */
    void server(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        int page = Params.integer(ctx, "page", 1, 1, 10_000);
        PolicyProfile profile = Params.one(ctx, "profile", PolicyProfile.RECOMMENDED, PolicyProfile::fromWireName);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            JsonNode summary = Json.MAPPER.readTree(ServersApi.summary(lease.searcher(), server));
            ToolSearcher searcher = lease.searcher().get();
            ServerTools tools = searcher.serverTools(server, page, ServerPage.TOOLS_PER_PAGE);
            List<JsonNode> items = new ArrayList<>(tools.items().size());
            for (byte[] item : tools.items()) items.add(Json.MAPPER.readTree(item));
            Map<PolicyFormat, PolicyPreview> policies = new EnumMap<>(PolicyFormat.class);
            for (PolicyFormat format : PolicyFormat.values())
                policies.put(format, PolicyPreview.of(servers.rendered(searcher, server, format, profile)));
            List<ChangeSet> recent = changes.recent(Optional.of(server), 0, RECENT_CHANGE_SETS);
            var content = new ServerPage.Content(summary, items, page, profile, policies, recent);
            html(ctx, ServerPage.render(content, view.status(), view.snapshotId()));
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

    /** The error page for a failed page request; a page not found suggests what is near ({@link Suggestions}). */
    void error(Context ctx, int status, String message) {
        ErrorPage.Suggestions suggestions = ErrorPage.Suggestions.NONE;
        if (status == 404) {
            try (var lease = view.lease()) {
                if (lease.searcher().isPresent()) {
                    ToolSearcher searcher = lease.searcher().get();
                    suggestions = new Suggestions(searcher, rows(searcher)).forPath(ctx.path());
                }
            } catch (IOException e) {
                // The page still says what was not found; only the suggestions, which need the index, are missing.
                LOG.warn("no suggestions for {}: {}", ctx.path(), e.toString());
            }
        }
        ctx.status(status);
        html(ctx, ErrorPage.render(status, message, suggestions, view.status(), view.snapshotId()));
    }

    /**
     * True when a failed request gets the error page rather than JSON: a GET of a page, or of any other path outside
     * the API by a browser (one that accepts text/html).
     */
    static boolean wantsHtml(Context ctx) {
        String path = ctx.path();
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) return false;
        if (path.startsWith("/api/") || path.equals("/api") || path.equals("/openapi.json") || path.equals("/health")
                || path.equals("/mcp") || path.equals("/style.css") || path.equals("/pages.js")) return false;
        if (path.equals("/") || path.equals("/servers") || path.startsWith("/servers/")) return true;
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    private List<ServerRow> rows(ToolSearcher searcher) throws IOException {
        String snapshot = searcher.info().snapshot();
        ServerRows kept = rows.get();
        if (kept != null && kept.snapshot().equals(snapshot)) return kept.rows();
        List<ServerRow> read = new ArrayList<>();
        for (byte[] summary : searcher.serverSummaries()) read.add(ServerRow.of(Json.MAPPER.readTree(summary)));
        rows.set(new ServerRows(snapshot, List.copyOf(read)));
        return read;
    }

    static void html(Context ctx, String page) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }
}
