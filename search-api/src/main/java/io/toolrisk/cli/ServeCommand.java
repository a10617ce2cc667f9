package io.toolrisk.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code toolrisk serve}: not built yet (see the open issues). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the API and pages.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("toolrisk serve: not built yet");
        return 2;
    }
}
