package io.toolrisk.catalogue.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.json.Json;

import java.time.Instant;

/**
 * A line of a snapshot's server list ({@code snapshots/<id>.servers.jsonl}): enough to decide, without reading the
 * whole snapshot, whether a server can be carried over to the next refresh.
 */
public record ServerSummary(String id, String source, String sourceVersion, Instant crawledAt, String status, int tools) {
    ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", id).put("source", source).put("sourceVersion", sourceVersion)
                .put("crawledAt", crawledAt.toString()).put("status", status).put("tools", tools);
        return node;
    }

    static ServerSummary fromJson(JsonNode node) {
        return new ServerSummary(node.path("id").asText(), node.path("source").asText(), node.path("sourceVersion").asText(),
                Instant.parse(node.path("crawledAt").asText()), node.path("status").asText(), node.path("tools").asInt());
    }

    public static ServerSummary of(ServerRecord server) {
        return new ServerSummary(server.id(), server.source(), server.sourceVersion(), server.crawledAt(),
                server.status().wireName(), server.tools().size());
    }
}
