package io.toolrisk.crawler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.CrawlResult;
import io.toolrisk.crawler.Crawler;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.stdio.Sandbox;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: crawls many servers with {@link Crawler#crawlAll} and reports servers per second and
 * memory. Run by {@code bench/crawler.sh}.
 * <ul>
 * <li>{@code http BASE_URL COUNT CONCURRENCY}: servers {@code BASE_URL/s/0/mcp} .. (see {@link SimulatedMcpServers})</li>
 * <li>{@code peers PEERS_DIR MANIFEST CONCURRENCY [ROUNDS]}: the real npm servers of the peers manifest, over stdio</li>
 * </ul>
 */
public final class CrawlBenchmark {
    private CrawlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<ServerEntry> entries = switch (args[0]) {
            case "http" -> httpEntries(args[1], Integer.parseInt(args[2]));
            case "peers" -> peerEntries(Path.of(args[1]), Path.of(args[2]), args.length > 4 ? Integer.parseInt(args[4]) : 1);
            default -> throw new IllegalArgumentException("mode must be http or peers, got '%s'".formatted(args[0]));
        };
        int concurrency = Integer.parseInt(args[0].equals("http") ? args[3] : args[3]);
        // The peers and the folder the filesystem servers are given lie where the sandbox hides things: shown read-only.
        Sandbox sandbox = args[0].equals("peers")
                ? Sandbox.DEFAULT.withReadable(List.of(Path.of(args[1]), FS_ROOT)) : Sandbox.DEFAULT;
        var crawler = new Crawler(CrawlLimits.DEFAULT, sandbox);

        var peakHeap = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        List<CrawlResult> results = crawler.crawlAll(entries, concurrency, (result, done, total) -> {
            if (done % Math.max(1, total / 10) == 0) System.err.printf("  %,d/%,d%n", done, total);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();

        Map<String, Integer> outcomes = new TreeMap<>();
        long tools = 0;
        for (CrawlResult result : results) {
            String outcome = switch (result) {
                case CrawlResult.Crawled c -> "crawled";
                case CrawlResult.Failed f -> "failed " + f.stage() + ": " + f.reason().replaceAll("\\d+", "N");
                case CrawlResult.NeedsCredentials n -> "needs-credentials";
            };
            outcomes.merge(outcome, 1, Integer::sum);
            if (result instanceof CrawlResult.Crawled c) tools += c.tools().size();
        }
        System.out.printf("servers=%d concurrency=%d seconds=%.2f servers/s=%.1f tools=%d%n",
                results.size(), concurrency, seconds, results.size() / seconds, tools);
        System.out.printf("peak heap used=%.0f MB, max RSS (VmHWM)=%s, JVM max heap=%.0f MB%n",
                peakHeap.get() / 1e6, vmHwm(), Runtime.getRuntime().maxMemory() / 1e6);
        outcomes.forEach((k, v) -> System.out.printf("  %6d  %s%n", v, k));
        System.exit(0);
    }

    private static List<ServerEntry> httpEntries(String base, int count) {
        List<ServerEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
            entries.add(new ServerEntry.Http("sim-" + i, base + "/s/" + i + "/mcp", Map.of(), Optional.empty()));
        return entries;
    }

    /** Every server of the peers manifest ($DIR = the install prefix, $FSROOT = a temporary folder), ROUNDS times. */
    private static final Path FS_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "toolrisk-bench-root");

    private static List<ServerEntry> peerEntries(Path peers, Path manifest, int rounds) throws Exception {
        Path fsRoot = Files.createDirectories(FS_ROOT);
        List<ServerEntry> entries = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (JsonNode server : Json.MAPPER.readTree(manifest.toFile())) {
                List<String> words = new ArrayList<>();
                server.get("command").forEach(w -> words.add(w.textValue()
                        .replace("$DIR", peers.toString()).replace("$FSROOT", fsRoot.toString())));
                Map<String, String> env = new LinkedHashMap<>();
                server.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().textValue()));
                entries.add(ServerEntry.Stdio.of(server.get("id").textValue() + "-" + round, words.getFirst(),
                        words.subList(1, words.size()), env));
            }
        }
        return entries;
    }

    private static String vmHwm() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }
}
