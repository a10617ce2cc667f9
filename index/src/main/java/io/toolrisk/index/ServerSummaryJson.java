package io.toolrisk.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ServerInfoJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * The summary of one server that the index stores and the API serves: {@code id, source, sourceVersion,
 * crawledAt, status} (with {@code stage, reason} when failed, {@code missing} when it needs credentials,
 * {@code server} — its serverInfo — when crawled), {@code tools} (count), and counts per {@code categories},
 * {@code severities} and {@code flags} (tools carrying each flag).
 */
final class ServerSummaryJson {
    private ServerSummaryJson() {
    }

    static byte[] summary(ServerRecord server) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", server.id());
        node.put("source", server.source());
        node.put("sourceVersion", server.sourceVersion());
        node.put("crawledAt", server.crawledAt().toString());
        node.put("status", server.status().wireName());
        switch (server.status()) {
            case CrawlStatus.Crawled c -> node.set("server", serverInfo(c));
            case CrawlStatus.Failed f -> {
                node.put("stage", f.stage());
                node.put("reason", f.reason());
            }
            case CrawlStatus.NeedsCredentials n -> {
                var missing = node.putArray("missing");
                n.missing().forEach(missing::add);
            }
        }
        Map<Category, Integer> categories = new EnumMap<>(Category.class);
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        Map<FlagKind, Integer> flags = new EnumMap<>(FlagKind.class);
        for (CataloguedTool tool : server.tools()) {
            categories.merge(tool.profile().category(), 1, Integer::sum);
            severities.merge(tool.profile().severity(), 1, Integer::sum);
            EnumSet<FlagKind> kinds = EnumSet.noneOf(FlagKind.class);
            for (Flag flag : tool.profile().flags()) kinds.add(flag.flag());
            kinds.forEach(k -> flags.merge(k, 1, Integer::sum));
        }
        node.put("tools", server.tools().size());
        ObjectNode categoryCounts = node.putObject("categories");
        for (Category c : Category.values()) categoryCounts.put(c.wireName(), categories.getOrDefault(c, 0));
        ObjectNode severityCounts = node.putObject("severities");
        for (Severity s : Severity.values()) severityCounts.put(s.wireName(), severities.getOrDefault(s, 0));
        ObjectNode flagCounts = node.putObject("flags");
        for (FlagKind k : FlagKind.values()) flagCounts.put(k.wireName(), flags.getOrDefault(k, 0));
        return ToolItemJson.bytes(node);
    }

    private static ObjectNode serverInfo(CrawlStatus.Crawled crawled) {
        try (var buffer = new TokenBuffer(Json.MAPPER, false)) {
            ServerInfoJson.write(buffer, crawled.info());
            return (ObjectNode) Json.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }
}
