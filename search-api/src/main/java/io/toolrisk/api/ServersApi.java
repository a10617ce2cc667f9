package io.toolrisk.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.index.ServerHits;
import io.toolrisk.index.ServerTools;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;
import io.toolrisk.policy.PolicyTemplate;
import io.toolrisk.policy.ServerPolicy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/servers}, {@code /api/v1/servers/{server}} and {@code /api/v1/servers/{server}/policy}. */
final class ServersApi {
    /** Tools per page of {@code /api/v1/servers/{server}}: more than nearly every server has. */
    static final int DEFAULT_TOOLS_PAGE = 500;
    static final int MAX_TOOLS_PAGE = 1_000;
    /** A crawl keeps at most 10,000 tools of a server. */
    private static final int MAX_TOOLS_PAGES = 10_000;
    /** Rendered policies kept: the three formats and three profiles of a few hundred ordinary servers. */
    private static final long POLICY_CACHE_BYTES = 32L << 20;

    private final LiveIndex view;
    private final RenderedPolicies policies = new RenderedPolicies(POLICY_CACHE_BYTES);

    ServersApi(LiveIndex view) {
        this.view = view;
    }

    /** {@code {"total", "items":[summary]}}: servers matching {@code q}, best first, then by key. */
    void list(Context ctx) throws IOException {
        String text = Params.text(ctx, "q");
        int size = Params.integer(ctx, "size", ToolQuery.DEFAULT_SIZE, 1, ToolQuery.MAX_SIZE);
        int page = Params.integer(ctx, "page", 1, 1, ToolQuery.MAX_PAGED_HITS / size);
        try {
            ToolQuery.checkText(text);
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.BadRequestResponse(e.getMessage());
        }
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            ServerHits hits;
            try {
                hits = lease.searcher().isPresent() ? lease.searcher().get().servers(text, page, size) : new ServerHits(0, List.of());
            } catch (IllegalArgumentException e) {
                throw new io.javalin.http.BadRequestResponse(e.getMessage());
            }
            JsonBody.send(ctx, json -> {
                json.writeStartObject();
                json.writeNumberField("total", hits.total());
                json.writeArrayFieldStart("items");
                for (byte[] item : hits.items()) JsonBody.raw(json, item);
                json.writeEndArray();
                json.writeEndObject();
            });
        }
    }

    /**
     * {@code {"server": summary, "tools": [item], "policies": {format: url}, "next"?: url}}: a page of the tools, most
     * severe first ({@code size} of them, {@value #DEFAULT_TOOLS_PAGE} by default, which is every tool of nearly every
     * server), and the URL of the next page when there is one.
     */
    void server(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        int size = Params.integer(ctx, "size", DEFAULT_TOOLS_PAGE, 1, MAX_TOOLS_PAGE);
        int page = Params.integer(ctx, "page", 1, 1, MAX_TOOLS_PAGES);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            byte[] summary = summary(lease.searcher(), server);
            ServerTools tools = lease.searcher().get().serverTools(server, page, size);
            JsonBody.send(ctx, json -> {
                json.writeStartObject();
                json.writeFieldName("server");
                JsonBody.raw(json, summary);
                json.writeArrayFieldStart("tools");
                for (byte[] item : tools.items()) JsonBody.raw(json, item);
                json.writeEndArray();
                json.writeObjectFieldStart("policies");
                for (PolicyFormat format : PolicyFormat.values())
                    json.writeStringField(format.wireName(), policyPath(server, format));
                json.writeEndObject();
                if ((long) page * size < tools.total())
                    json.writeStringField("next", "/api/v1/servers/%s?page=%d&size=%d".formatted(server, page + 1, size));
                json.writeEndObject();
            });
        }
    }

    static String policyPath(String server, PolicyFormat format) {
        return "/api/v1/servers/" + server + "/policy?format=" + format.wireName();
    }

    /**
     * The generated policy, as the format's media type; {@code format} defaults to policylayer. A policy covers every
     * tool of the server, so it is not paged: it is rendered once per snapshot and kept ({@link RenderedPolicies}).
     */
    void policy(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        PolicyFormat format = Params.one(ctx, "format", PolicyFormat.POLICYLAYER, PolicyFormat::fromWireName);
        PolicyProfile profile = Params.one(ctx, "profile", PolicyProfile.RECOMMENDED, PolicyProfile::fromWireName);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            summary(lease.searcher(), server);
            byte[] text = rendered(lease.searcher().get(), server, format, profile);
            PolicyTemplate template = format.template();
            ctx.header("Content-Disposition", "inline; filename=\"%s\"".formatted(template.fileName(server)));
            ctx.contentType(template.contentType() + "; charset=utf-8").result(text);
        }
    }

    /** The policy of {@code server} (which must be in the index) in {@code format} under {@code profile}, kept or rendered now. */
    byte[] rendered(ToolSearcher searcher, String server, PolicyFormat format, PolicyProfile profile) throws IOException {
        var key = new RenderedPolicies.Key(searcher.info().snapshot(), server, format, profile);
        return policies.get(key, () -> format.template()
                .render(ServerPolicy.of(server, searcher.info().ruleset(), searcher.serverProfiles(server), profile)));
    }

    static byte[] summary(Optional<ToolSearcher> searcher, String server) throws IOException {
        if (searcher.isEmpty()) throw new NotFoundResponse("no server '%s' in the catalogue (the catalogue is empty)".formatted(server));
        return searcher.get().findServer(server)
                .orElseThrow(() -> new NotFoundResponse("no server '%s' in the catalogue".formatted(server)));
    }
}
