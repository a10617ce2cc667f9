package io.toolrisk.cli;

import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.crawler.CrawlResult;
import io.toolrisk.scan.AnnotationReport;
import io.toolrisk.scan.FailOn;
import io.toolrisk.scan.Scan;
import io.toolrisk.scan.ScanReport;
import io.toolrisk.scan.ScannedTool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code toolrisk scan}: a CI gate for MCP server authors. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Check one server's tools before you publish it: crawl it (--stdio, --url) or read its tools from FILE "
                        + "(a tools/list result, a JSON array or JSON Lines), classify every tool, and report its category, "
                        + "severity and flags, annotation conflicts first (they are yours to fix).",
                "Exit codes: 0 passed; 1 a --fail-on threshold was hit; 2 bad usage or unreadable input; 3 the server could not be crawled."},
        exitCodeListHeading = "%n")
final class ScanCommand implements Callable<Integer> {
    static final int EXIT_THRESHOLD = 1;
    static final int EXIT_UNREADABLE = 2;
    static final int EXIT_NOT_CRAWLED = 3;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Tool definitions to scan ('-' for stdin).")
    String file;

    @Mixin
    ServerTarget server = new ServerTarget();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (SARIF 2.1.0, for code-scanning dashboards); default ${DEFAULT-VALUE}.")
    Scan.Format format;

    @Option(names = "--fail-on", paramLabel = "WHAT",
            description = "Exit 1 when any tool is critical (destructive or financial), has an annotation conflict, "
                    + "or has any flag: critical, conflict or flag. Repeatable.")
    List<FailOn> failOn = new ArrayList<>();

    @Option(names = "--suggest-annotations",
            description = "Instead of the report, print the MCP annotations each tool should declare (title, readOnlyHint, "
                    + "destructiveHint, idempotentHint, openWorldHint) with the evidence, as JSON to paste into the tool "
                    + "definitions; tools whose declared annotations contradict them first. --fail-on still applies.")
    boolean suggestAnnotations;

    @Option(names = "--name", paramLabel = "NAME", description = "What to call the server in the report (default: the file name, or the server's own name).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((file == null) == !server.present())
            throw new CommandLine.ParameterException(spec.commandLine(), "Give exactly one of FILE, --stdio or --url");
        if (suggestAnnotations && spec.commandLine().getParseResult().hasMatchedOption("--format"))
            throw new CommandLine.ParameterException(spec.commandLine(), "--suggest-annotations prints JSON; leave out --format");
        Classifier classifier = Classifier.bundled();
        ScanReport report;
        if (file != null) {
            List<ToolInput> entries = new ArrayList<>();
            try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
                new ToolReader().read(in, entries::add);
            } catch (IOException e) {
                // Exit 1 would read as "a threshold was hit" to the CI that runs this.
                spec.commandLine().getErr().println("toolrisk scan: " + (e instanceof NoSuchFileException
                        ? OneLineErrors.message(e) : "cannot read %s: %s".formatted(file, e.getMessage())));
                return EXIT_UNREADABLE;
            }
            String label = name != null ? name : "-".equals(file) ? "stdin" : Path.of(file).getFileName().toString();
            report = Scan.ofEntries(label, "-".equals(file) ? Optional.empty() : Optional.of(file), entries, classifier);
        } else {
            CrawlResult result = server.crawler().crawl(server.entry());
            if (!(result instanceof CrawlResult.Crawled crawled)) {
                spec.commandLine().getErr().println("toolrisk scan: " + ServerTarget.failure(result));
                return EXIT_NOT_CRAWLED;
            }
            String label = name != null ? name : crawled.info().name().isBlank() ? "server" : crawled.info().name();
            report = Scan.ofTools(label, crawled.tools(), crawled.info().instructions(), classifier);
        }
        if (suggestAnnotations) AnnotationReport.write(report, classifier, spec.commandLine().getOut());
        else Scan.write(report, format, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return exitCode(report);
    }

    private int exitCode(ScanReport report) {
        if (!report.rejected().isEmpty()) return EXIT_UNREADABLE;
        for (FailOn threshold : failOn) {
            List<ScannedTool> offenders = threshold.offenders(report.tools());
            if (!offenders.isEmpty()) {
                spec.commandLine().getErr().printf("toolrisk scan: --fail-on %s: %d tools (%s)%n",
                        threshold.name().toLowerCase(Locale.ROOT), offenders.size(),
                        String.join(", ", offenders.stream().limit(10).map(t -> t.tool().name()).toList())
                                + (offenders.size() > 10 ? ", …" : ""));
                return EXIT_THRESHOLD;
            }
        }
        return 0;
    }
}
