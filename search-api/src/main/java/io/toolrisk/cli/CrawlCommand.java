package io.toolrisk.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code toolrisk crawl}: not built yet (see the open issues). */
@Command(name = "crawl", mixinStandardHelpOptions = true, description = "Connect to one MCP server and print its tools.")
final class CrawlCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("toolrisk crawl: not built yet");
        return 2;
    }
}
