package io.toolrisk.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.index.IndexedTool;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.index.ToolHits;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;
import io.toolrisk.pages.ToolSegment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/v1/tools} and {@code GET /api/v1/servers/{server}/tools/{tool}}. */
final class ToolsApi {
    private final LiveIndex view;

    ToolsApi(LiveIndex view) {
        this.view = view;
    }

    /** {@code {"total", "items":[profile+description], "facets":{"category":{...},"severity":{...}}, "next"?}}. */
    void search(Context ctx) throws IOException {
        ToolQuery query = ToolRequests.query(ctx);
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            ToolHits hits = hits(lease.searcher(), query);
            // One write of the whole body: no copy into Javalin's result stream, and its gzip (when the client
            // asks for it) still sees the full length when it decides.
            ctx.contentType(JsonBody.JSON).outputStream().write(body(hits));
        }
    }

    /**
     * The answer, written by hand around the stored item bytes: every byte outside the items is a fixed key, a
     * number or a base64url cursor, so nothing needs escaping, and the items are not decoded and re-encoded.
     */
    static byte[] body(ToolHits hits) {
        byte[] head = ascii("{\"total\":" + hits.total() + ",\"items\":[");
        var facets = new StringBuilder("],\"facets\":{\"category\":{");
        for (Category c : Category.values())
            facets.append(c.ordinal() == 0 ? "" : ",").append('"').append(c.wireName()).append("\":").append(hits.categories().getOrDefault(c, 0L));
        facets.append("},\"severity\":{");
        Map<Severity, Long> severities = hits.severities();
        for (Severity s : Severity.values())
            facets.append(s.ordinal() == 0 ? "" : ",").append('"').append(s.wireName()).append("\":").append(severities.get(s));
        facets.append("}}");
        hits.next().ifPresent(next -> facets.append(",\"next\":\"").append(next.encode()).append('"'));
        facets.append('}');
        byte[] tail = ascii(facets.toString());
        int size = head.length + tail.length + Math.max(0, hits.items().size() - 1);
        for (byte[] item : hits.items()) size += item.length;
        byte[] body = new byte[size];
        System.arraycopy(head, 0, body, 0, head.length);
        int at = head.length;
        for (int i = 0; i < hits.items().size(); i++) {
            if (i > 0) body[at++] = ',';
            byte[] item = hits.items().get(i);
            System.arraycopy(item, 0, body, at, item.length);
            at += item.length;
        }
        System.arraycopy(tail, 0, body, at, tail.length);
        return body;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The hits of {@code query}, none without a catalogue; a query too large to run is a 400. */
    static ToolHits hits(Optional<ToolSearcher> searcher, ToolQuery query) throws IOException {
        if (searcher.isEmpty()) return emptyHits();
        try {
            return searcher.get().search(query);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    static ToolHits emptyHits() {
        return ToolHits.none();
    }

    /** One full profile with its evidence, the tool's title and description, and its definition. */
    void tool(Context ctx) throws IOException {
        String server = ctx.pathParam("server");
        String segment = ctx.pathParam("tool");
        if (Etags.notModified(ctx, view)) return;
        try (var lease = view.lease()) {
            IndexedTool tool = find(lease.searcher(), server, segment);
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

    /** The tool whose URL segment ({@link ToolSegment}) is {@code segment}. */
    static IndexedTool find(Optional<ToolSearcher> searcher, String server, String segment) throws IOException {
        if (searcher.isEmpty()) throw new NotFoundResponse("no server '%s' in the catalogue (the catalogue is empty)".formatted(server));
        Optional<String> name = ToolSegment.decode(segment);
        Optional<IndexedTool> found = name.isPresent() ? searcher.get().findTool(server, name.get()) : Optional.empty();
        if (found.isPresent()) return found.get();
        if (searcher.get().findServer(server).isEmpty())
            throw new NotFoundResponse("no server '%s' in the catalogue".formatted(server));
        throw new NotFoundResponse("server '%s' has no tool '%s'".formatted(server, name.orElse(segment)));
    }
}
