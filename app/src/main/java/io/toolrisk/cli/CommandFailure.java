package io.toolrisk.cli;

/**
 * A command that cannot do what was asked, for a reason a person fixes: reported as one line on stderr
 * ({@code toolrisk <command>: <message>}) with the exit code of its kind.
 */
final class CommandFailure extends RuntimeException {
    private final ExitCode exitCode;

    CommandFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** An input that cannot be used: {@link ExitCode#INPUT}. */
    static CommandFailure input(String message) {
        return new CommandFailure(ExitCode.INPUT, message);
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
