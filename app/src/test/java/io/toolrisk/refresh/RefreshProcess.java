package io.toolrisk.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code toolrisk refresh} as a process of its own on this test's class path, as a user runs it: to be killed with
 * {@code kill -9} at a {@link RefreshStage} it is stopped at, or to hold the catalogue's lock there.
 */
final class RefreshProcess {
    /** Far beyond what a refresh of the tests takes on a loaded 2-core machine; only a hung run meets it. */
    static final long PATIENCE_MINUTES = 5;

    private final Process process;
    private final Path log;

    private RefreshProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code refresh ARGS} to its end, its output appended to {@code log}. */
    static RefreshProcess start(Path log, String... args) throws IOException {
        return start(log, List.of(), args);
    }

    /** Runs {@code refresh ARGS}, which stops for good on reaching {@code stage}; see {@link #awaitStage}. */
    static RefreshProcess stoppedAt(RefreshStage stage, Path marker, Path log, String... args) throws IOException {
        return start(log, List.of("-D" + RefreshStage.STOP_AT + "=" + stage.name() + ":" + marker), args);
    }

    private static RefreshProcess start(Path log, List<String> jvmOptions, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.toolrisk.cli.ToolRiskCli", "refresh"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new RefreshProcess(process, log);
    }

    /** Waits until the refresh has created {@code marker}, that is, reached its stage; fails if it ends first. */
    void awaitStage(Path marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PATIENCE_MINUTES);
        while (!Files.exists(marker)) {
            if (!process.isAlive()) fail("the refresh ended (exit %d) before it reached its stage: %s".formatted(process.exitValue(), log()));
            if (System.nanoTime() > deadline) fail("the refresh did not reach its stage within %d minutes: %s".formatted(PATIENCE_MINUTES, log()));
            Thread.sleep(20);
        }
    }

    /** {@code kill -9}: no shutdown hook, no cleanup; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Waits for the refresh to end and asserts that it succeeded. */
    void assertSucceeds() throws IOException, InterruptedException {
        assertTrue(process.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES), "the refresh finishes: " + log());
        assertEquals(0, process.exitValue(), log());
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }
}
