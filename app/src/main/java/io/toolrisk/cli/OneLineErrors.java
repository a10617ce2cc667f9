package io.toolrisk.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Turns an exception that escapes a command into one line on stderr, never a stack trace: bad input and
 * I/O problems are the user's to fix, and the message says what went wrong. Set {@code TOOLRISK_DEBUG=1}
 * for the trace.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (System.getenv("TOOLRISK_DEBUG") != null) e.printStackTrace(cmd.getErr());
        cmd.getErr().println("toolrisk " + cmd.getCommandName() + ": " + message(e));
        return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILURE;
    }

    static String message(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException missing) return "no such file: " + missing.getFile();
        if (cause instanceof IOException io && io.getMessage() != null) return io.getMessage();
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
