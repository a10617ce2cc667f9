package io.toolrisk.refresh;

import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.DefinitionHash;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.classifier.ServerContext;
import io.toolrisk.crawler.CrawlResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/** Turns what a crawl returned into the server record a snapshot keeps, classifying every tool on the way. */
final class ServerRecords {
    /** A stderr tail this long says why a process died; longer would bury the catalogue page in log lines. */
    private static final int STDERR_IN_REASON = 400;

    private final Classifier classifier;

    ServerRecords(Classifier classifier) {
        this.classifier = classifier;
    }

    ServerRecord of(CrawlResult result, Instant crawledAt) {
        var ref = result.server();
        String version = ref.sourceVersion().orElse("");
        return switch (result) {
            case CrawlResult.Crawled c -> new ServerRecord(ref.id(), ref.target(), version, crawledAt,
                    new CrawlStatus.Crawled(c.info()), classify(ref.id(), c.tools(), c.info().instructions()));
            case CrawlResult.Failed f -> new ServerRecord(ref.id(), ref.target(), version, crawledAt,
                    new CrawlStatus.Failed(f.stage().name().toLowerCase(Locale.ROOT), reason(f)), List.of());
            case CrawlResult.NeedsCredentials n -> new ServerRecord(ref.id(), ref.target(), version, crawledAt,
                    new CrawlStatus.NeedsCredentials(n.missingVariables()), List.of());
        };
    }

    /** The server with its tools classified by this refresh's ruleset, when another ruleset classified them. */
    ServerRecord reclassified(ServerRecord server) {
        boolean current = server.tools().stream().allMatch(t -> t.profile().ruleset().equals(classifier.rulesetVersion()));
        if (current) return server;
        List<Tool> tools = server.tools().stream().map(CataloguedTool::tool).toList();
        Optional<String> instructions = server.status() instanceof CrawlStatus.Crawled c ? c.info().instructions() : Optional.empty();
        return new ServerRecord(server.id(), server.source(), server.sourceVersion(), server.crawledAt(), server.status(),
                classify(server.id(), tools, instructions));
    }

    /**
     * The tools of one server, each judged with the others as its siblings (naming one is guidance, not tool
     * shadowing) and with the instructions the server sent with {@code initialize}.
     */
    private List<CataloguedTool> classify(String serverId, List<Tool> tools, Optional<String> instructions) {
        ServerContext context = ServerContext.of(tools.stream().map(Tool::name).toList(), instructions);
        List<CataloguedTool> catalogued = new ArrayList<>(tools.size());
        for (Tool tool : tools) catalogued.add(DefinitionHash.catalogued(tool, classifier.classify(tool.withServer(serverId), context)));
        return catalogued;
    }

    private static String reason(CrawlResult.Failed failed) {
        String tail = failed.stderrTail().strip();
        if (tail.isEmpty()) return failed.reason();
        if (tail.length() > STDERR_IN_REASON) tail = "…" + tail.substring(tail.length() - STDERR_IN_REASON);
        return failed.reason() + " (stderr: " + tail.replaceAll("\\s*\\n\\s*", " | ") + ")";
    }
}
