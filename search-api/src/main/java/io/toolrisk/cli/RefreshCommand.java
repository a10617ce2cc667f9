package io.toolrisk.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code toolrisk refresh}: not built yet (see the open issues). */
@Command(name = "refresh", mixinStandardHelpOptions = true, description = "The batch job: crawl all servers, classify, write a snapshot, print what changed, rebuild the index.")
final class RefreshCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("toolrisk refresh: not built yet");
        return 2;
    }
}
