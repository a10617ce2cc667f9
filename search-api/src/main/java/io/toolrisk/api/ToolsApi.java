package io.toolrisk.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.index.IndexedTool;
import io.toolrisk.index.ToolHits;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/v1/tools} and {@code GET /api/v1/servers/{server}/tools/{tool}}. */
final class ToolsApi {
    private final CatalogueView view;

    ToolsApi(CatalogueView view) {
        this.view = view;
    }

    /** {@code {"total", "items":[profile+description], "facets":{"category":{...},"severity":{...}}, "next"?}}. */
    void search(Context ctx) throws IOException {
        ToolQuery query = ToolRequests.query(ctx);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            ToolHits hits = lease.searcher().isPresent() ? lease.searcher().get().search(query) : emptyHits();
            JsonBody.send(ctx, json -> write(json, hits));
        }
    }

    static ToolHits emptyHits() {
        Map<Category, Long> none = new java.util.EnumMap<>(Category.class);
        for (Category c : Category.values()) none.put(c, 0L);
        return new ToolHits(0, List.of(), none, Optional.empty());
    }

    private static void write(JsonGenerator json, ToolHits hits) throws IOException {
        json.writeStartObject();
        json.writeNumberField("total", hits.total());
        json.writeArrayFieldStart("items");
        for (byte[] item : hits.items()) JsonBody.raw(json, item);
        json.writeEndArray();
        json.writeObjectFieldStart("facets");
        json.writeObjectFieldStart("category");
        for (Category c : Category.values()) json.writeNumberField(c.wireName(), hits.categories().getOrDefault(c, 0L));
        json.writeEndObject();
        json.writeObjectFieldStart("severity");
        Map<Severity, Long> severities = hits.severities();
        for (Severity s : Severity.values()) json.writeNumberField(s.wireName(), severities.get(s));
        json.writeEndObject();
        json.writeEndObject();
        if (hits.next().isPresent()) json.writeStringField("next", hits.next().get().encode());
        json.writeEndObject();
    }

    /** One full profile with its evidence, the tool's title and description, and its definition. */
    void tool(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        String name = ctx.pathParam("tool");
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            IndexedTool tool = find(lease.searcher(), server, name);
            JsonBody.send(ctx, json -> {
                json.writeStartObject();
                var fields = tool.item().properties().iterator();
                while (fields.hasNext()) {
                    var field = fields.next();
                    json.writeFieldName(field.getKey());
                    Json.MAPPER.writeTree(json, field.getValue());
                }
                json.writeFieldName("definition");
                ToolJson.write(json, tool.tool());
                json.writeStringField("hash", tool.hash());
                json.writeEndObject();
            });
        }
    }

    static IndexedTool find(Optional<ToolSearcher> searcher, String server, String tool) throws IOException {
        if (searcher.isEmpty()) throw new NotFoundResponse("no server '%s' in the catalogue (the catalogue is empty)".formatted(server));
        Optional<IndexedTool> found = searcher.get().findTool(server, tool);
        if (found.isPresent()) return found.get();
        if (searcher.get().findServer(server).isEmpty())
            throw new NotFoundResponse("no server '%s' in the catalogue".formatted(server));
        throw new NotFoundResponse("server '%s' has no tool '%s'".formatted(server, tool));
    }
}
