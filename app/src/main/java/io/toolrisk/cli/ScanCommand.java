package io.toolrisk.cli;

import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.crawler.CrawlResult;
import io.toolrisk.scan.AnnotationReport;
import io.toolrisk.scan.ArtifactLocation;
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
import java.nio.file.FileSystemException;
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
                "Exit codes: 0 passed; 1 a --fail-on threshold was hit; 2 bad usage; 3 the server could not be crawled; "
                        + "4 the input is missing, unreadable, holds no tool or has tools that cannot be read."},
        exitCodeListHeading = "%n")
final class ScanCommand implements Callable<Integer> {

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

    @Option(names = "--sarif-location", paramLabel = "PATH[:LINE]",
            description = "Where SARIF results point (code scanning shows an alert only at a file): a path relative to the "
                    + "repository root, and a line. Default: FILE and each tool's line; for --stdio and --url, the first of "
                    + "package.json, pyproject.toml, setup.py, Cargo.toml, go.mod, pom.xml, build.gradle(.kts) in the "
                    + "current directory, at line 1.")
    String sarifLocation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The directory SARIF paths are relative to: the current one, the root of a CI checkout. Tests set it. */
    Path workingDir = Path.of("");

    @Override
    public Integer call() throws Exception {
        if ((file == null) == !server.present())
            throw new CommandLine.ParameterException(spec.commandLine(), "Give exactly one of FILE, --stdio or --url");
        if (suggestAnnotations && spec.commandLine().getParseResult().hasMatchedOption("--format"))
            throw new CommandLine.ParameterException(spec.commandLine(), "--suggest-annotations prints JSON; leave out --format");
        Optional<ArtifactLocation> named = namedLocation();
        Classifier classifier = Classifier.bundled();
        ScanReport report;
        if (file != null) {
            List<ToolInput> entries = readEntries();
            String label = name != null ? name : "-".equals(file) ? "stdin" : Path.of(file).getFileName().toString();
            report = Scan.ofEntries(label, "-".equals(file) ? Optional.empty()
                    : Optional.of(ArtifactLocation.ofFile(Path.of(file), workingDir)), entries, classifier);
        } else {
            CrawlResult result = server.crawler().crawl(server.entry());
            if (!(result instanceof CrawlResult.Crawled crawled))
                throw new CommandFailure(ExitCode.NOT_CRAWLED, ServerTarget.failure(result));
            String label = name != null ? name : crawled.info().name().isBlank() ? "server" : crawled.info().name();
            report = Scan.ofTools(label, crawled.tools(), crawled.info().instructions(), classifier);
        }
        if (suggestAnnotations) {
            AnnotationReport.write(report, classifier, spec.commandLine().getOut());
        } else {
            if (format == Scan.Format.SARIF) report = located(report, named);
            Scan.write(report, format, spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return exitCode(report);
    }

    /** The entries of FILE ('-': stdin); a file that cannot be read or holds no tool is a bad input. */
    private List<ToolInput> readEntries() throws IOException {
        List<ToolInput> entries = new ArrayList<>();
        try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
            new ToolReader().read(in, entries::add);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw CommandFailure.input("cannot read %s: %s".formatted(file, e.getMessage()));
        }
        if (entries.isEmpty()) throw CommandFailure.input(ToolReader.noTools("-".equals(file) ? "standard input" : file));
        return entries;
    }

    /** {@code --sarif-location}, checked before anything runs: it takes SARIF output and a line from 1. */
    private Optional<ArtifactLocation> namedLocation() {
        if (sarifLocation == null) return Optional.empty();
        if (format != Scan.Format.SARIF)
            throw new IllegalArgumentException("--sarif-location applies to --format sarif, not to --format " + format.name().toLowerCase(Locale.ROOT));
        return Optional.of(ArtifactLocation.parse(sarifLocation, workingDir));
    }

    /**
     * The report with its SARIF results located: at {@code --sarif-location} when given, else where the report already
     * points (FILE), else at the project's manifest in the working directory; with none of them, results carry only
     * their logical location, and a warning says code scanning will not show them.
     */
    private ScanReport located(ScanReport report, Optional<ArtifactLocation> named) {
        if (named.isPresent()) return report.locatedAt(named.get());
        if (report.location().isPresent()) return report;
        Optional<ArtifactLocation> project = ArtifactLocation.projectFile(workingDir);
        if (project.isPresent()) return report.locatedAt(project.get());
        spec.commandLine().getErr().println("toolrisk scan: warning: the SARIF results point at no file, so code scanning "
                + "will not show them; pass --sarif-location PATH[:LINE] (where the server defines its tools)");
        return report;
    }

    private int exitCode(ScanReport report) {
        if (!report.rejected().isEmpty()) return ExitCode.INPUT.code;
        for (FailOn threshold : failOn) {
            List<ScannedTool> offenders = threshold.offenders(report.tools());
            if (!offenders.isEmpty()) {
                spec.commandLine().getErr().printf("toolrisk scan: --fail-on %s: %d tools (%s)%n",
                        threshold.name().toLowerCase(Locale.ROOT), offenders.size(),
                        String.join(", ", offenders.stream().limit(10).map(t -> t.tool().name()).toList())
                                + (offenders.size() > 10 ? ", …" : ""));
                return ExitCode.FINDINGS.code;
            }
        }
        return 0;
    }
}
