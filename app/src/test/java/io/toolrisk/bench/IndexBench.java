package io.toolrisk.bench;

import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.index.CatalogueIndexer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Builds a benchmark catalogue of N tools from the corpus and indexes it, printing the time and size of each
 * step. Run by {@code bench/index.sh}: {@code IndexBench DIR [TOOLS]} (default 1,000,000). Reuses a snapshot
 * already in DIR; delete DIR to regenerate.
 */
public final class IndexBench {
    private IndexBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-catalogue");
        long tools = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        var store = new CatalogueStore(dir);
        String id;
        if (store.currentId().isPresent()) {
            id = store.currentId().get();
            System.err.printf("bench: reusing snapshot %s in %s%n", id, store.dir());
        } else {
            long started = System.nanoTime();
            id = CorpusCatalogue.write(store, tools, Instant.now());
            System.out.printf("snapshot: %,d tools written in %.1f s, %,d MB%n", tools, (System.nanoTime() - started) / 1e9,
                    Files.size(store.snapshotFile(id)) / 1_000_000);
        }
        var result = new CatalogueIndexer().build(store, id);
        System.out.printf("index: %,d tools of %,d servers in %.1f s, %,d MB on disk (%s)%n", result.tools(), result.servers(),
                result.took().toMillis() / 1000.0, result.bytes() / 1_000_000, result.dir());
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("heap in use at the end: %,d MB%n", heap / 1_000_000);
    }
}
