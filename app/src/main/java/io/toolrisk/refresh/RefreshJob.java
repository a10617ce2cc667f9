package io.toolrisk.refresh;

import io.toolrisk.catalogue.CatalogueDiff;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.ChangeSetJson;
import io.toolrisk.catalogue.store.ServerSummary;
import io.toolrisk.catalogue.store.SnapshotHeader;
import io.toolrisk.catalogue.store.SnapshotReader;
import io.toolrisk.catalogue.store.SnapshotWriter;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.crawler.Crawler;
import io.toolrisk.crawler.discovery.RegistryClient;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.http.HttpClients;
import io.toolrisk.crawler.stdio.Sandbox;
import io.toolrisk.crawler.stdio.StdioTransport;
import io.toolrisk.index.CatalogueIndexer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The batch job: crawl the servers, classify their tools, write a snapshot, work out what changed, build its
 * index and policies, and only then make it live. Until that last step nothing a reader sees has changed, so a
 * refresh that crashes or is killed at any point leaves the last good catalogue serving; the next one starts
 * clean. One refresh per catalogue at a time.
 */
public final class RefreshJob {
    /** Crawled servers wait here for the snapshot to be assembled; what a killed refresh left is cleared on start. */
    private static final String SPOOL_DIR = "spool";
    private final RefreshOptions options;
    private final Classifier classifier;
    private final Clock clock;
    private final PrintStream log;
    private final Map<String, String> environment;

    /**
     * @param log         progress and warnings, for people (stderr)
     * @param environment where {@code ${VAR}}s in server entries come from
     */
    public RefreshJob(RefreshOptions options, Classifier classifier, Clock clock, PrintStream log, Map<String, String> environment) {
        this.options = options;
        this.classifier = classifier;
        this.clock = clock;
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    public RefreshOutcome run() throws IOException, InterruptedException {
        Instant started = clock.instant();
        var store = new CatalogueStore(options.catalogueDir());
        try (RefreshLock lock = RefreshLock.acquire(store.dir())) {
            store.removeIncomplete();
            CatalogueStore.deleteTree(store.dir().resolve(SPOOL_DIR));
            int abandoned = StdioTransport.removeAbandonedDirectories();
            if (abandoned > 0) log.printf("refresh: removed %d temporary folders of stdio servers that a killed run left%n", abandoned);
            var http = HttpClients.create(options.limits().connectTimeout(), options.limits().requestTimeout());
            ServerSources sources = ServerSources.gather(options.serversFile(), options.clientConfigs(),
                    new RegistryClient(http), options.cacheDir(), environment, message -> log.println("refresh: " + message));
            sources.problems().forEach(problem -> log.println("refresh: warning: " + problem));
            requireKnown(options.only(), sources.servers());
            if (sources.servers().isEmpty())
                return new RefreshOutcome.NothingWritten("no servers to crawl", sources.problems());

            Optional<String> previousId = store.currentId();
            Plan plan = plan(store, previousId, sources.servers(), started);
            log.printf("refresh: %d servers: crawling %d, carrying over %d unchanged%n",
                    sources.servers().size(), plan.toCrawl().size(), plan.carried().size());

            var records = new ServerRecords(classifier);
            var crawler = new Crawler(options.limits(), http, sources.environment(), sandbox(store, sources));
            // Where stdio servers cannot be sandboxed, the refresh stops before crawling: recording every one of them
            // as failed would replace their good records.
            if (plan.toCrawl().stream().anyMatch(ServerEntry.Stdio.class::isInstance)) crawler.requireSandbox();
            var progress = new RefreshProgress(log, clock, Duration.ofSeconds(2), plan.toCrawl().size());
            try (var spool = new ServerSpool(store.dir().resolve(SPOOL_DIR), true)) {
                crawler.crawlEach(plan.toCrawl(), options.concurrency(), (index, result) -> {
                    ServerRecord server = records.of(result, clock.instant());
                    spool.put(server);
                    RefreshStage.CRAWLING.reached();
                    progress.serverDone(server.status() instanceof CrawlStatus.Crawled, server.tools().size());
                }, (result, done, total) -> { });
                if (!plan.toCrawl().isEmpty()) progress.finish();
                return publish(store, previousId, spool, plan, records, sources.problems(), started);
            }
        }
    }

    /** The options' sandbox, hiding the catalogue and the cache too, and showing the servers file's npm install. */
    private Sandbox sandbox(CatalogueStore store, ServerSources sources) {
        return switch (options.sandbox()) {
            case Sandbox.Off off -> off;
            case Sandbox.On on -> {
                String npm = sources.environment().get(NpmPackages.PREFIX_VARIABLE);
                yield on.withHidden(List.of(store.dir(), options.cacheDir()))
                        .withReadable(npm == null ? List.of() : List.of(Path.of(npm)));
            }
        };
    }

    private RefreshOutcome publish(CatalogueStore store, Optional<String> previousId, ServerSpool spool, Plan plan,
                                   ServerRecords records, List<String> problems, Instant started) throws IOException {
        Instant now = clock.instant();
        String id = store.newSnapshotId(now);
        var diff = new CatalogueDiff(id, previousId, now);
        var policies = new PolicyFiles(store, classifier.rulesetVersion());
        List<ServerSummary> summaries = new ArrayList<>();
        List<ServerRecord> failed = new ArrayList<>();
        Set<String> reindex = new TreeSet<>(spool.ids());
        boolean sameRuleset = plan.previousRuleset().filter(classifier.rulesetVersion()::equals).isPresent();
        // Carried servers are copied as they are, unless a new ruleset must classify them anew, or policy files of
        // an older build must be made anew (they are then read and written through, unchanged).
        Optional<UnaryOperator<ServerRecord>> carryOver = Optional.empty();
        if (!sameRuleset) {
            carryOver = Optional.of(server -> {
                reindex.add(server.id());
                return records.reclassified(server);
            });
        } else if (!policies.liveAreCurrent()) {
            carryOver = Optional.of(UnaryOperator.identity());
        }
        try (SnapshotWriter writer = store.newSnapshot(new SnapshotHeader(id, now, classifier.rulesetVersion(), previousId));
             PreviousServers previous = PreviousServers.open(store, previousId)) {
            new SnapshotAssembler(spool, plan.carried(), carryOver).assemble(previous.cursor(), writer, diff,
                    new SnapshotAssembler.Sink() {
                        @Override
                        public void written(ServerRecord server) throws IOException {
                            summaries.add(ServerSummary.of(server));
                            if (!(server.status() instanceof CrawlStatus.Crawled)) failed.add(withoutTools(server));
                            policies.write(server);
                        }

                        @Override
                        public void copied(String server) throws IOException {
                            summaries.add(plan.previous().get(server));
                            policies.keep(server);
                        }
                    });
            writer.commit();
        }
        long tools = summaries.stream().mapToLong(ServerSummary::tools).sum();
        ChangeSet changes = diff.result();
        store.writeServerList(id, summaries);
        ChangeSetJson.writeFile(store.changesFile(id), changes);
        RefreshStage.SNAPSHOT_WRITTEN.reached();
        index(store, previousId, id, reindex, summaries.size());
        RefreshStage.INDEXED.reached();
        store.switchCurrent(id);
        RefreshStage.LIVE.reached();
        policies.publish();
        RefreshStage.PUBLISHED.reached();
        store.prune(options.keep());
        return new RefreshOutcome.Written(id, summaries.size(), tools, plan.toCrawl().size(),
                plan.carried().size(), failed, changes, problems, Duration.between(started, clock.instant()));
    }

    /**
     * Builds the snapshot's index: from the previous snapshot's index, reindexing only the servers this refresh
     * crawled or classified anew, when that is less than half of them (the indexer builds whole when the previous
     * index cannot be updated); else whole, which then beats deleting and re-adding nearly every document.
     */
    private void index(CatalogueStore store, Optional<String> previousId, String id, Set<String> reindex, long servers)
            throws IOException {
        var indexer = new CatalogueIndexer();
        if (previousId.isEmpty() || reindex.size() * 2L > servers) {
            log.println("refresh: snapshot " + id + " written; building its index");
            CatalogueIndexer.Result built = indexer.build(store, id);
            log.printf("refresh: index built: %,d tools in %s%n", built.tools(), RefreshProgress.clockTime(built.took()));
            return;
        }
        log.printf("refresh: snapshot %s written; updating the index of %s (%,d servers to reindex)%n", id, previousId.get(), reindex.size());
        CatalogueIndexer.Result result = indexer.update(store, previousId.get(), id, reindex);
        log.printf("refresh: index %s: %,d tools in %s%n", result.updated() ? "updated" : "built whole (the previous one could not be updated)",
                result.tools(), RefreshProgress.clockTime(result.took()));
    }

    private static ServerRecord withoutTools(ServerRecord server) {
        return new ServerRecord(server.id(), server.source(), server.sourceVersion(), server.crawledAt(), server.status(), List.of());
    }

    /**
     * Which servers to crawl, and which to carry over from the previous snapshot as they are; what the previous
     * snapshot's server list said, and its ruleset.
     */
    record Plan(List<ServerEntry> toCrawl, Set<String> carried, Map<String, ServerSummary> previous,
                Optional<String> previousRuleset) {
    }

    private Plan plan(CatalogueStore store, Optional<String> previousId, List<ServerEntry> servers, Instant now)
            throws IOException {
        Map<String, ServerSummary> previous = previousId.isEmpty() ? Map.of() : previousSummaries(store, previousId.get());
        Optional<String> previousRuleset = Optional.empty();
        if (previousId.isPresent()) {
            try (SnapshotReader reader = store.openSnapshot(previousId.get())) {
                previousRuleset = Optional.of(reader.header().ruleset());
            }
        }
        List<ServerEntry> toCrawl = new ArrayList<>();
        Set<String> carried = new TreeSet<>();
        for (ServerEntry entry : servers) {
            ServerSummary before = previous.get(entry.id());
            if (before != null && carryOver(entry, before, now)) carried.add(entry.id());
            else if (options.only().isEmpty() || options.only().contains(entry.id())) toCrawl.add(entry);
        }
        return new Plan(toCrawl, carried, previous, previousRuleset);
    }

    private boolean carryOver(ServerEntry entry, ServerSummary before, Instant now) {
        if (!options.only().isEmpty()) return !options.only().contains(entry.id());
        if (options.full()) return false;
        boolean sameSource = entry.sourceVersion().isPresent() && entry.sourceVersion().get().equals(before.sourceVersion());
        boolean recent = Duration.between(before.crawledAt(), now).compareTo(options.maxAge()) <= 0;
        return sameSource && recent && before.status().equals("crawled");
    }

    private static Map<String, ServerSummary> previousSummaries(CatalogueStore store, String id) throws IOException {
        Optional<List<ServerSummary>> list = store.readServerList(id);
        var byId = new HashMap<String, ServerSummary>();
        if (list.isPresent()) {
            list.get().forEach(s -> byId.put(s.id(), s));
        } else {
            try (SnapshotReader reader = store.openSnapshot(id)) {
                for (ServerRecord server : reader) byId.put(server.id(), ServerSummary.of(server));
            }
        }
        return byId;
    }

    private static void requireKnown(Set<String> only, List<ServerEntry> servers) {
        Set<String> unknown = new TreeSet<>(only);
        servers.forEach(s -> unknown.remove(s.id()));
        if (!unknown.isEmpty())
            throw new IllegalArgumentException("--only names servers the servers file does not list: " + String.join(", ", unknown));
    }

    /** The previous snapshot's servers, or none. */
    private record PreviousServers(Optional<SnapshotReader> reader) implements AutoCloseable {
        static PreviousServers open(CatalogueStore store, Optional<String> id) throws IOException {
            return new PreviousServers(id.isPresent() ? Optional.of(store.openSnapshot(id.get())) : Optional.empty());
        }

        Optional<SnapshotReader.Cursor> cursor() {
            return reader.map(SnapshotReader::cursor);
        }

        @Override
        public void close() throws IOException {
            if (reader.isPresent()) reader.get().close();
        }
    }
}
