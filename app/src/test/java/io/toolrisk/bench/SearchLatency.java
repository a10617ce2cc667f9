package io.toolrisk.bench;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Service time of a search without HTTP or concurrency: each request path of {@code bench/load.sh}'s files
 * run through {@link ToolSearcher#search} one after another (three rounds, the last one reported), p50/p99/max,
 * with the answer cache off.
 * Usage: {@code SearchLatency INDEX_DIR PATHS_FILE...}.
 */
public final class SearchLatency {
    private SearchLatency() {
    }

    public static void main(String[] args) throws Exception {
        // No answer cache: every round searches, so the numbers are the index's service time.
        try (ToolSearcher searcher = ToolSearcher.open(Path.of(args[0]), 0)) {
            for (String file : Arrays.copyOfRange(args, 1, args.length)) {
                List<ToolQuery> queries = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(file))) queries.add(parse(line));
                long[] nanos = new long[queries.size()];
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < queries.size(); i++) {
                        long start = System.nanoTime();
                        searcher.search(queries.get(i));
                        nanos[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(nanos);
                System.out.printf("%-14s %,6d queries  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", Path.of(file).getFileName(),
                        nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
            }
        }
    }

    /** The ToolQuery a path of the API means (the subset of parameters the benchmark uses). */
    public static ToolQuery parse(String path) {
        String text = "";
        Set<Category> categories = new HashSet<>();
        Set<Severity> severities = new HashSet<>();
        Set<String> servers = new HashSet<>();
        Set<FlagKind> flags = new HashSet<>();
        ToolQuery.Order order = ToolQuery.Order.RELEVANCE;
        int page = 1;
        for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            switch (kv[0]) {
                case "q" -> text = value;
                case "category" -> categories.add(Category.fromWireName(value));
                case "severity" -> severities.add(Severity.fromWireName(value));
                case "server" -> servers.add(value);
                case "flag" -> flags.add(FlagKind.fromWireName(value));
                case "sort" -> order = ToolQuery.Order.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                case "page" -> page = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unexpected parameter in " + path);
            }
        }
        return new ToolQuery(text, categories, severities, servers, flags, order, page, ToolQuery.DEFAULT_SIZE, Optional.empty());
    }
}
