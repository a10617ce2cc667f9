package io.toolrisk.bench;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many clients asking one cold query at the same moment, with the answer cache on (64 MB, as {@code serve} runs):
 * for each of a set of broad queries (the most costly to answer), {@code CLIENTS} threads wait at a barrier, then
 * search it at once; their latencies are pooled over all queries and reported as p50/p99/max. Each query is asked
 * cold (a new searcher, so a new cache). Usage: {@code ColdBurst INDEX_DIR [CLIENTS] [ROUNDS]}.
 */
public final class ColdBurst {
    private ColdBurst() {
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<ToolQuery> queries = List.of(
                ToolQuery.text("get"),
                ToolQuery.text("list"),
                ToolQuery.text("").withCategories(Set.of(Category.READ)),
                ToolQuery.text("").withCategories(Set.of(Category.WRITE, Category.EXECUTE)),
                ToolQuery.text("get").withFlags(Set.of(FlagKind.CREDENTIAL_ACCESS)),
                ToolQuery.text("create").withPage(3, 20));
        // Warm the JIT and the page cache on another searcher, so that what is cold below is the answer cache alone.
        try (ToolSearcher warm = ToolSearcher.open(index, 0)) {
            for (int i = 0; i < 3; i++) {
                for (ToolQuery q : queries) warm.search(q);
            }
        }
        List<Long> nanos = new ArrayList<>();
        long searched = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int round = 0; round < rounds; round++) {
                for (ToolQuery q : queries) {
                    try (ToolSearcher searcher = ToolSearcher.open(index, 64L << 20)) {
                        var barrier = new CyclicBarrier(clients);
                        List<Future<Long>> each = new ArrayList<>();
                        for (int c = 0; c < clients; c++) {
                            each.add(pool.submit(() -> {
                                barrier.await();
                                long start = System.nanoTime();
                                searcher.search(q);
                                return System.nanoTime() - start;
                            }));
                        }
                        for (Future<Long> f : each) nanos.add(f.get());
                        searched += searcher.cacheUse().misses();
                    }
                }
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long single;
        try (ToolSearcher one = ToolSearcher.open(index, 0)) {
            long[] alone = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                one.search(queries.get(i));
                alone[i] = System.nanoTime() - start;
            }
            single = Arrays.stream(alone).max().orElseThrow();
        }
        int bursts = rounds * queries.size();
        System.out.printf("%d clients x %d cold queries x %d rounds: p50 %.1f ms  p99 %.1f ms  max %.1f ms "
                        + "(the costliest query alone: %.1f ms); the index searched %.1f times per burst of %d%n",
                clients, queries.size(), rounds, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, single / 1e6, (double) searched / bursts, clients);
    }
}
