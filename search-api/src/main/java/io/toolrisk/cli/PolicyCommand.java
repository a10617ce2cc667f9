package io.toolrisk.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code toolrisk policy}: not built yet (see the open issues). */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Print the recommended default policy for one server.")
final class PolicyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("toolrisk policy: not built yet");
        return 2;
    }
}
