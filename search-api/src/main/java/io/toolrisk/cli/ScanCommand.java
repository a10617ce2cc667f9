package io.toolrisk.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code toolrisk scan}: not built yet (see the open issues). */
@Command(name = "scan", mixinStandardHelpOptions = true, description = "Check one server's tools for MCP server authors' CI.")
final class ScanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("toolrisk scan: not built yet");
        return 2;
    }
}
