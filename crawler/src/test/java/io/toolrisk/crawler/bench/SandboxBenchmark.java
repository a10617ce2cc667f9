package io.toolrisk.crawler.bench;

import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.CrawlResult;
import io.toolrisk.crawler.Crawler;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.stdio.Sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sandbox costs per crawl: the same small node server crawled one at a time, again and again, without a
 * sandbox, in bubblewrap's and in unshare's, the three interleaved so that a change in the machine's load falls on
 * all alike. Not a test: {@code bench/crawler.sh sandbox} runs it. Arguments: SERVER_SCRIPT ROUNDS.
 */
public final class SandboxBenchmark {
    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String script = args[0];
        int rounds = Integer.parseInt(args[1]);
        Map<String, Sandbox> modes = new LinkedHashMap<>();
        modes.put("--no-sandbox", new Sandbox.Off());
        modes.put("bwrap", new Sandbox.On(Sandbox.Backend.BWRAP, Sandbox.Network.HOST, List.of(), List.of()));
        modes.put("unshare", new Sandbox.On(Sandbox.Backend.UNSHARE, Sandbox.Network.HOST, List.of(), List.of()));
        ServerEntry entry = ServerEntry.Stdio.of("bench", "node", List.of(script, "good"), Map.of());
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (var mode : modes.entrySet()) {
            var crawler = new Crawler(CrawlLimits.DEFAULT, mode.getValue());
            for (int i = 0; i < 3; i++) crawl(crawler, entry); // the probe, the JIT, the page cache
            millis.put(mode.getKey(), new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (var mode : modes.entrySet()) {
                var crawler = new Crawler(CrawlLimits.DEFAULT, mode.getValue());
                long start = System.nanoTime();
                crawl(crawler, entry);
                millis.get(mode.getKey()).add((System.nanoTime() - start) / 1e6);
            }
        }
        double base = median(millis.get("--no-sandbox"));
        System.out.printf("%d crawls each of `node misbehaving-server.js good`, one at a time, interleaved%n", rounds);
        System.out.printf("%-13s %8s %8s %8s %10s%n", "mode", "p10 ms", "median", "p90 ms", "cost ms");
        millis.forEach((mode, times) -> System.out.printf("%-13s %8.1f %8.1f %8.1f %10.1f%n", mode,
                percentile(times, 10), median(times), percentile(times, 90), median(times) - base));
        System.exit(0);
    }

    private static void crawl(Crawler crawler, ServerEntry entry) throws InterruptedException {
        CrawlResult result = crawler.crawl(entry);
        if (!(result instanceof CrawlResult.Crawled)) throw new IllegalStateException("crawl failed: " + result);
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
