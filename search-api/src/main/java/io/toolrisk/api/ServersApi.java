package io.toolrisk.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.index.IndexedTool;
import io.toolrisk.index.ServerHits;
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
    private final CatalogueView view;

    ServersApi(CatalogueView view) {
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

    /** {@code {"server": summary, "tools": [item], "policies": {format: url}}}, tools most severe first. */
    void server(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            byte[] summary = summary(lease.searcher(), server);
            List<IndexedTool> tools = lease.searcher().get().serverTools(server);
            JsonBody.send(ctx, json -> {
                json.writeStartObject();
                json.writeFieldName("server");
                JsonBody.raw(json, summary);
                json.writeArrayFieldStart("tools");
                for (IndexedTool tool : tools) io.toolrisk.catalogue.json.Json.MAPPER.writeTree(json, tool.item());
                json.writeEndArray();
                json.writeObjectFieldStart("policies");
                for (PolicyFormat format : PolicyFormat.values())
                    json.writeStringField(format.wireName(), policyPath(server, format));
                json.writeEndObject();
                json.writeEndObject();
            });
        }
    }

    static String policyPath(String server, PolicyFormat format) {
        return "/api/v1/servers/" + server + "/policy?format=" + format.wireName();
    }

    /** The generated policy, as the format's media type; {@code format} defaults to policylayer. */
    void policy(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        PolicyFormat format = Params.one(ctx, "format", PolicyFormat.POLICYLAYER, PolicyFormat::fromWireName);
        PolicyProfile profile = Params.one(ctx, "profile", PolicyProfile.RECOMMENDED, PolicyProfile::fromWireName);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            summary(lease.searcher(), server);
            ToolSearcher searcher = lease.searcher().get();
            List<RiskProfile> profiles = searcher.serverTools(server).stream().map(IndexedTool::profile).toList();
            PolicyTemplate template = format.template();
            String text = template.render(ServerPolicy.of(server, searcher.info().ruleset(), profiles, profile));
            ctx.header("Content-Disposition", "inline; filename=\"%s\"".formatted(template.fileName(server)));
            ctx.contentType(template.contentType() + "; charset=utf-8").result(text);
        }
    }

    static byte[] summary(Optional<ToolSearcher> searcher, String server) throws IOException {
        if (searcher.isEmpty()) throw new NotFoundResponse("no server '%s' in the catalogue (the catalogue is empty)".formatted(server));
        return searcher.get().findServer(server)
                .orElseThrow(() -> new NotFoundResponse("no server '%s' in the catalogue".formatted(server)));
    }
}
