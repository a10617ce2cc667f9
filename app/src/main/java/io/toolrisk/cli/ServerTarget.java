package io.toolrisk.cli;

import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.CrawlResult;
import io.toolrisk.crawler.Crawler;
import io.toolrisk.crawler.StderrLine;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.mcp.Durations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The options that name one live MCP server to connect to: {@code --stdio} or {@code --url}, and how. */
final class ServerTarget {
    static final String ID = "cli";

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    static final class Target {
        @Option(names = "--stdio", paramLabel = "\"CMD ARGS\"",
                description = "Start this command and speak MCP on its stdin/stdout (quote it as one argument).")
        String stdio;

        @Option(names = "--url", paramLabel = "URL",
                description = "An MCP endpoint over Streamable HTTP (legacy HTTP+SSE is tried when refused).")
        String url;
    }

    @Option(names = "--header", paramLabel = "K:V", description = "An HTTP header for --url, e.g. 'Authorization: Bearer $${TOKEN}'. Repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--env", paramLabel = "K=V", description = "An environment variable for --stdio (the server gets no other but PATH and a temporary HOME). Repeatable.")
    List<String> env = new ArrayList<>();

    @Mixin
    SandboxOptions sandbox = new SandboxOptions();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Limit for each request and for the whole crawl: 30s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    boolean present() {
        return target != null;
    }

    CrawlLimits limits() {
        if (timeout.isZero() || timeout.isNegative())
            throw new IllegalArgumentException("--timeout must be longer than zero, got '%s'".formatted(Durations.format(timeout)));
        return CrawlLimits.DEFAULT.withTimeout(timeout);
    }

    /** A crawler for the target: its limits, and the sandbox its server runs in when it is a process. */
    Crawler crawler() {
        return new Crawler(limits(), sandbox.sandbox());
    }

    /** What to crawl; the caller checks {@link #present()} first. */
    ServerEntry entry() {
        if (target.stdio != null) {
            if (!headers.isEmpty()) throw new IllegalArgumentException("--header applies to --url only");
            List<String> words = CommandWords.split(target.stdio);
            return ServerEntry.Stdio.of(ID, words.getFirst(), words.subList(1, words.size()), pairs(env, '=', "--env", "K=V"));
        }
        if (!env.isEmpty()) throw new IllegalArgumentException("--env applies to --stdio only");
        return new ServerEntry.Http(ID, target.url, pairs(headers, ':', "--header", "K:V"), Optional.empty());
    }

    /** A one-line account of a crawl that did not list tools: the stage and the reason. */
    static String failure(CrawlResult result) {
        return switch (result) {
            case CrawlResult.Failed failed -> "%s failed: %s%s".formatted(failed.stage().name().toLowerCase(Locale.ROOT),
                    failed.reason(), stderrHint(failed.stderrTail()));
            case CrawlResult.NeedsCredentials needs -> "needs %s, which is not set in the environment"
                    .formatted(String.join(", ", needs.missingVariables()));
            case CrawlResult.Crawled crawled -> "crawled";
        };
    }

    private static Map<String, String> pairs(List<String> values, char separator, String option, String form) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String value : values) {
            int at = value.indexOf(separator);
            if (at <= 0) throw new IllegalArgumentException("invalid %s '%s': expected %s".formatted(option, value, form));
            pairs.put(value.substring(0, at).strip(), value.substring(at + 1).strip());
        }
        return pairs;
    }

    /** The line of the server's stderr that says why it exited ({@link StderrLine}). */
    private static String stderrHint(String tail) {
        return StderrLine.of(tail).map(line -> " (stderr: %s)".formatted(line)).orElse("");
    }
}
