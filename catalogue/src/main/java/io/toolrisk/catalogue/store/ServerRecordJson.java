package io.toolrisk.catalogue.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.json.ProfileJson;
import io.toolrisk.catalogue.json.ServerInfoJson;
import io.toolrisk.catalogue.json.ToolJson;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JSON of one server in a snapshot. */
public final class ServerRecordJson {
    private ServerRecordJson() {
    }

    public static void write(JsonGenerator out, ServerRecord server) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", server.id());
        out.writeStringField("source", server.source());
        out.writeStringField("sourceVersion", server.sourceVersion());
        out.writeStringField("crawledAt", server.crawledAt().toString());
        out.writeStringField("status", server.status().wireName());
        switch (server.status()) {
            case CrawlStatus.Crawled c -> {
                out.writeFieldName("server");
                ServerInfoJson.write(out, c.info());
            }
            case CrawlStatus.Failed f -> {
                out.writeStringField("stage", f.stage());
                out.writeStringField("reason", f.reason());
            }
            case CrawlStatus.NeedsCredentials n -> {
                out.writeArrayFieldStart("missing");
                for (String variable : n.missing()) out.writeString(variable);
                out.writeEndArray();
            }
        }
        out.writeArrayFieldStart("tools");
        for (CataloguedTool tool : server.tools()) {
            out.writeStartObject();
            out.writeFieldName("tool");
            ToolJson.write(out, tool.tool());
            out.writeFieldName("profile");
            ProfileJson.write(out, tool.profile());
            out.writeStringField("hash", tool.definitionHash());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /**
     * Reads a server written by {@link #write}.
     *
     * @throws IllegalArgumentException when the JSON is not a server record
     */
    public static ServerRecord read(JsonNode node) {
        String status = node.path("status").asText();
        CrawlStatus crawlStatus = switch (status) {
            case "crawled" -> new CrawlStatus.Crawled(ServerInfoJson.read(node.path("server")));
            case "failed" -> new CrawlStatus.Failed(node.path("stage").asText(), node.path("reason").asText());
            case "needs-credentials" -> {
                List<String> missing = new ArrayList<>();
                node.path("missing").forEach(v -> missing.add(v.asText()));
                yield new CrawlStatus.NeedsCredentials(missing);
            }
            default -> throw new IllegalArgumentException(
                    "server '%s' has unknown status '%s'".formatted(node.path("id").asText(), status));
        };
        List<CataloguedTool> tools = new ArrayList<>();
        for (JsonNode entry : node.path("tools")) {
            tools.add(new CataloguedTool(ToolJson.read(entry.path("tool")), ProfileJson.read(entry.path("profile")),
                    entry.path("hash").asText()));
        }
        return new ServerRecord(node.path("id").asText(), node.path("source").asText(),
                node.path("sourceVersion").asText(), Instant.parse(node.path("crawledAt").asText()),
                crawlStatus, tools);
    }
}
