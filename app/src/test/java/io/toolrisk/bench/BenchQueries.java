package io.toolrisk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.pages.Html;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes the request paths of the load benchmark, one per line, drawn with a fixed seed from the corpus's
 * words so that runs are comparable and no two consecutive requests are alike:
 * {@code free.txt} (one or two words), {@code filtered.txt} (words plus category/severity/flag/server filters),
 * {@code faceted.txt} (broad result sets: no words or a very common one, with one filter; the facet count
 * then runs over hundreds of thousands of hits). These are few enough to repeat within a run: with the answer cache,
 * a cache-friendly workload. {@code free-distinct.txt} and {@code filtered-distinct.txt} hold {@value #DISTINCT}
 * paths each, no two alike (and no page of one query twice), drawn the same way: more than a run asks, so the
 * cache answers none of them. Usage: {@code BenchQueries OUT_DIR [SERVER_REPETITIONS]}.
 */
public final class BenchQueries {
    private static final int PER_FILE = 2_000;
    private static final int DISTINCT = 200_000;
    private static final String[] CATEGORIES = {"read", "write", "execute", "destructive", "financial"};
    private static final String[] SEVERITIES = {"low", "medium", "high", "critical"};
    private static final String[] FLAGS = {"hidden-instructions", "credential-access"};
    private static final String[] COMMON = {"get", "list", "create", "file", "data", "search", "user", "project"};

    private BenchQueries() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Files.createDirectories(out);
        List<String> nameWords = new ArrayList<>();
        List<String> proseWords = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        words(nameWords, proseWords, servers);
        var random = new Random(42);
        List<String> free = new ArrayList<>(), filtered = new ArrayList<>(), faceted = new ArrayList<>();
        for (int i = 0; i < PER_FILE; i++) {
            free.add(freeText(random, nameWords, proseWords));
            filtered.add(filtered(random, nameWords, proseWords, servers, repetitions));
            String b = switch (random.nextInt(4)) {
                case 0 -> "/api/v1/tools?category=" + pick(random, CATEGORIES);
                case 1 -> "/api/v1/tools?q=" + pick(random, COMMON);
                case 2 -> "/api/v1/tools?severity=" + pick(random, SEVERITIES) + "&sort=severity";
                default -> "/api/v1/tools?flag=" + pick(random, FLAGS) + "&q=" + pick(random, COMMON);
            };
            faceted.add(b + "&page=" + (1 + random.nextInt(5)));
        }
        Files.write(out.resolve("free.txt"), free);
        Files.write(out.resolve("filtered.txt"), filtered);
        Files.write(out.resolve("faceted.txt"), faceted);
        Set<String> freeDistinct = new LinkedHashSet<>(), filteredDistinct = new LinkedHashSet<>();
        while (freeDistinct.size() < DISTINCT) freeDistinct.add(freeText(random, nameWords, proseWords));
        while (filteredDistinct.size() < DISTINCT) filteredDistinct.add(filtered(random, nameWords, proseWords, servers, repetitions));
        Files.write(out.resolve("free-distinct.txt"), freeDistinct);
        Files.write(out.resolve("filtered-distinct.txt"), filteredDistinct);
        System.err.printf("bench: %,d paths each in %s (from %,d name words, %,d prose words)%n", PER_FILE, out,
                nameWords.size(), proseWords.size());
    }

    private static String freeText(Random random, List<String> nameWords, List<String> proseWords) {
        return "/api/v1/tools?q=" + Html.urlPart(text(random, nameWords, proseWords));
    }

    private static String filtered(Random random, List<String> nameWords, List<String> proseWords, List<String> servers,
                                   int repetitions) {
        String f = "/api/v1/tools?q=" + Html.urlPart(text(random, nameWords, proseWords)) + "&category=" + pick(random, CATEGORIES);
        return switch (random.nextInt(4)) {
            case 0 -> f + "&category=" + pick(random, CATEGORIES);
            case 1 -> f + "&severity=" + pick(random, SEVERITIES);
            case 2 -> f + "&server=" + servers.get(random.nextInt(servers.size())) + "-r" + random.nextInt(repetitions);
            default -> f + "&sort=severity";
        };
    }

    private static String text(Random random, List<String> names, List<String> prose) {
        String first = random.nextInt(10) < 7 ? names.get(random.nextInt(names.size())) : prose.get(random.nextInt(prose.size()));
        return random.nextInt(10) < 6 ? first : first + " " + prose.get(random.nextInt(prose.size()));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void words(List<String> nameWords, List<String> proseWords, List<String> servers) throws IOException {
        Set<String> names = new LinkedHashSet<>(), prose = new LinkedHashSet<>(), serverIds = new LinkedHashSet<>();
        try (BufferedReader lines = Files.newBufferedReader(CorpusCatalogue.corpusFile(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode r = Json.MAPPER.readTree(line);
                for (String w : r.path("tool").asText().split("[_\\-.]|(?<=[a-z])(?=[A-Z])"))
                    if (w.length() >= 3) names.add(w.toLowerCase(java.util.Locale.ROOT));
                for (String w : r.path("description").asText("").split("[^A-Za-z]+"))
                    if (w.length() >= 5) prose.add(w.toLowerCase(java.util.Locale.ROOT));
                String id = r.path("server").asText().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                        .replaceAll("^-+|-+$", "");
                if (!id.isEmpty() && id.length() <= 100) serverIds.add(id);
            }
        }
        nameWords.addAll(names);
        proseWords.addAll(prose);
        servers.addAll(serverIds);
    }
}
