package io.toolrisk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.index.ToolHits;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The search's relevance on a fixed set of queries people type: for each, the number of hits and the top five
 * ({@code server/tool [category]}), as Markdown table rows for BENCHMARKS.md. Usage:
 * {@code SearchRelevance CATALOGUE_DIR}, the catalogue a default refresh builds.
 */
public final class SearchRelevance {
    /** What a person looking for a tool of the default catalogue types: verbs and objects of MCP's vocabulary. */
    static final List<String> QUERIES = List.of(
            "send email", "send sms", "text message", "delete repo", "remove file", "create issue",
            "merge pull request", "run sql query", "execute command", "take screenshot", "read file", "list branches",
            "pay", "buy domain", "search documentation", "click button", "git commit", "create repository",
            "dns record", "cancel subscription");
    private static final int TOP = 5;

    private SearchRelevance() {
    }

    public static void main(String[] args) throws Exception {
        Path catalogue = Path.of(args[0]);
        Path index = catalogue.resolve("index").resolve(Files.readString(catalogue.resolve("current")).strip());
        try (ToolSearcher searcher = ToolSearcher.open(index, 0)) {
            System.out.println("| query | hits | top " + TOP + " |");
            System.out.println("|---|---|---|");
            for (String query : QUERIES) {
                ToolHits hits = searcher.search(ToolQuery.text(query).withPage(1, TOP));
                List<String> top = new ArrayList<>();
                for (byte[] item : hits.items()) {
                    JsonNode node = Json.MAPPER.readTree(item);
                    top.add("%s/%s [%s]".formatted(node.path("server").asText(), node.path("tool").asText(),
                            node.path("category").asText()));
                }
                System.out.printf("| %s | %d | %s |%n", query, hits.total(), top.isEmpty() ? "—" : String.join("<br>", top));
            }
        }
    }
}
