package io.toolrisk.cli;

/**
 * The exit codes of every command, one per kind of outcome, so that a script or a CI job tells them apart the same
 * way whatever the command (README, "Exit codes").
 */
enum ExitCode {
    /** The command did what was asked. */
    OK(0, "done"),
    /** {@code scan --fail-on}: a tool trips a threshold. Nothing else exits 1, so a CI reads it as "the check failed". */
    FINDINGS(1, "scan --fail-on: a tool trips the threshold"),
    /** The command line is wrong: an unknown command or option, a bad option value, a missing or extra argument. */
    USAGE(2, "usage: an unknown command or option, a bad option value, a missing or extra argument"),
    /** The server named by {@code --stdio}/{@code --url} could not be crawled (it failed, or needs credentials). */
    NOT_CRAWLED(3, "the server could not be crawled (crawl, scan --stdio/--url)"),
    /**
     * An input named on the command line cannot be used: a file or folder that does not exist or cannot be read, a
     * file that is not what it should be or holds no tools, tools that cannot be read (their errors are reported in
     * their place), a catalogue or server that is not there.
     */
    INPUT(4, "input: a file, catalogue or server named that is missing, unreadable, not in its format or without tools"),
    /** The job could not be done: the port is taken, another refresh runs, a refresh wrote nothing, output failed. */
    FAILED(5, "the job could not be done: port in use, another refresh running, nothing written, output failed");

    final int code;
    final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }
}
