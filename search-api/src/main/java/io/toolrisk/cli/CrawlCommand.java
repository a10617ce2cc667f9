package io.toolrisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ServerInfoJson;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.CrawlResult;
import io.toolrisk.crawler.Crawler;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.mcp.Durations;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code toolrisk crawl --stdio "CMD ARGS" | --url URL}: connects to one MCP server and prints
 * {@code {"server":{...},"tools":[...]}} (DESIGN.md), tools as the server sent them. A failure is one line on
 * stderr naming the stage and the reason, and exit code 1.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connect to one MCP server and print its server info and tools as JSON.",
                "Warnings (skipped tools) and failures go to stderr; exit 1 when the crawl failed."})
final class CrawlCommand implements Callable<Integer> {
    static final String ID = "cli";

    @ArgGroup(exclusive = true, multiplicity = "1")
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

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Limit for each request and for the whole crawl: 30s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Duration limit = Durations.parse(timeout);
        CrawlResult result = new Crawler(CrawlLimits.DEFAULT.withTimeout(limit)).crawl(entry());
        PrintWriter err = spec.commandLine().getErr();
        return switch (result) {
            case CrawlResult.Crawled crawled -> {
                write(crawled, spec.commandLine().getOut());
                crawled.warnings().forEach(w -> err.println("toolrisk crawl: warning: " + w));
                yield 0;
            }
            case CrawlResult.Failed failed -> {
                err.println("toolrisk crawl: %s failed: %s%s".formatted(failed.stage().name().toLowerCase(Locale.ROOT),
                        failed.reason(), stderrHint(failed.stderrTail())));
                yield OneLineErrors.EXIT_FAILURE;
            }
            case CrawlResult.NeedsCredentials needs -> {
                err.println("toolrisk crawl: needs %s, which is not set in the environment"
                        .formatted(String.join(", ", needs.missingVariables())));
                yield OneLineErrors.EXIT_FAILURE;
            }
        };
    }

    private ServerEntry entry() {
        if (target.stdio != null) {
            if (!headers.isEmpty()) throw new IllegalArgumentException("--header applies to --url only");
            List<String> words = CommandWords.split(target.stdio);
            return ServerEntry.Stdio.of(ID, words.getFirst(), words.subList(1, words.size()), pairs(env, '=', "--env", "K=V"));
        }
        if (!env.isEmpty()) throw new IllegalArgumentException("--env applies to --stdio only");
        return new ServerEntry.Http(ID, target.url, pairs(headers, ':', "--header", "K:V"), Optional.empty());
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

    /** The last line the server wrote on stderr, which usually says why it exited. */
    private static String stderrHint(String tail) {
        String[] lines = tail.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        if (last.isEmpty()) return "";
        return " (stderr: %s)".formatted(last.length() <= 200 ? last : last.substring(0, 200) + "…");
    }

    private static void write(CrawlResult.Crawled crawled, PrintWriter out) throws IOException {
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName("server");
            ServerInfoJson.write(json, crawled.info());
            json.writeArrayFieldStart("tools");
            for (Tool tool : crawled.tools()) ToolJson.write(json, tool);
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
        out.flush();
    }
}
