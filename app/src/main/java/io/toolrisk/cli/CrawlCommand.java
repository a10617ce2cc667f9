package io.toolrisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ServerInfoJson;
import io.toolrisk.catalogue.json.ToolJson;
import io.toolrisk.crawler.CrawlResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code toolrisk crawl --stdio "CMD ARGS" | --url URL}: connects to one MCP server and prints
 * {@code {"server":{...},"tools":[...]}} (DESIGN.md), tools as the server sent them. A failure is one line on
 * stderr naming the stage and the reason, and exit code 3 ({@link ExitCode#NOT_CRAWLED}).
 */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connect to one MCP server and print its server info and tools as JSON.",
                "Warnings (skipped tools) and failures go to stderr; exit 3 when the crawl failed."})
final class CrawlCommand implements Callable<Integer> {
    @Mixin
    ServerTarget server = new ServerTarget();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!server.present()) throw new CommandLine.ParameterException(spec.commandLine(), "Missing required argument: --stdio or --url");
        CrawlResult result = server.crawler().crawl(server.entry());
        PrintWriter err = spec.commandLine().getErr();
        return switch (result) {
            case CrawlResult.Crawled crawled -> {
                write(crawled, spec.commandLine().getOut());
                crawled.warnings().forEach(w -> err.println("toolrisk crawl: warning: " + w));
                yield 0;
            }
            case CrawlResult.Failed failed -> {
                err.println("toolrisk crawl: " + ServerTarget.failure(failed));
                yield ExitCode.NOT_CRAWLED.code;
            }
            case CrawlResult.NeedsCredentials needs -> {
                err.println("toolrisk crawl: " + ServerTarget.failure(needs));
                yield ExitCode.NOT_CRAWLED.code;
            }
        };
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
