package io.toolrisk.cli;

import io.toolrisk.refresh.InputFileException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns what goes wrong in a command into one line on stderr, {@code toolrisk <command>: <what>}, and the exit code of
 * its kind ({@link ExitCode}): never a stack trace, never a page of usage. A mistake on the command line names the bad
 * value and what is accepted; a failure says what to fix. Set {@code TOOLRISK_DEBUG=1} for the trace.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** How far a mistyped option may be from a real one to be suggested: "--formt" is 1 from "--format". */
    private static final int MAX_TYPO = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (System.getenv("TOOLRISK_DEBUG") != null) e.printStackTrace(cmd.getErr());
        cmd.getErr().println(prefix(cmd) + ": " + message(e));
        cmd.getErr().flush();
        return exitCode(e).code;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        if (System.getenv("TOOLRISK_DEBUG") != null) e.printStackTrace(cmd.getErr());
        cmd.getErr().println("%s: %s; see '%s --help'".formatted(prefix(cmd), usageMistake(e), prefix(cmd)));
        cmd.getErr().flush();
        return ExitCode.USAGE.code;
    }

    /** The kind of a failure that escaped a command. */
    static ExitCode exitCode(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return switch (cause) {
            case CommandFailure failure -> failure.exitCode();
            case IllegalArgumentException usage -> ExitCode.USAGE;
            case FileSystemException file -> ExitCode.INPUT;
            case InputFileException input -> ExitCode.INPUT;
            default -> ExitCode.FAILED;
        };
    }

    /** What went wrong, in one line. */
    static String message(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException missing) return "no such file: " + missing.getFile();
        if (cause instanceof AccessDeniedException denied) return "cannot read %s: permission denied".formatted(denied.getFile());
        if (cause instanceof FileSystemException other && other.getReason() != null)
            return "cannot read %s: %s".formatted(other.getFile(), other.getReason());
        if (cause instanceof IOException io && io.getMessage() != null) return io.getMessage();
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** {@code toolrisk} and the command's name: {@code toolrisk scan}. */
    static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    /** A command-line mistake, naming the bad value and what is accepted. */
    static String usageMistake(ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) return unmatched(cmd, unmatched);
        if (e instanceof CommandLine.MissingParameterException missing) {
            return "missing " + missing.getMissing().stream().map(OneLineErrors::name).collect(Collectors.joining(", "));
        }
        Throwable cause = e.getCause();
        if (e.getArgSpec() != null && cause != null && cause.getMessage() != null
                && (cause instanceof CommandLine.TypeConversionException || cause instanceof IllegalArgumentException)) {
            return "%s: %s".formatted(name(e.getArgSpec()), cause.getMessage());
        }
        return lowerFirst(e.getMessage().replaceFirst("^Error: ", "").replaceFirst("\\.$", ""));
    }

    private static String unmatched(CommandLine cmd, CommandLine.UnmatchedArgumentException e) {
        String first = e.getUnmatched().getFirst();
        if (first.startsWith("-") && first.length() > 1) {
            String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> suggestions = closest(option, cmd.getCommandSpec().optionsMap().keySet());
            return "unknown option '%s'%s".formatted(option,
                    suggestions.isEmpty() ? "" : " (did you mean %s?)".formatted(String.join(" or ", suggestions)));
        }
        if (!cmd.getSubcommands().isEmpty()) {
            return "unknown command '%s' (the commands are %s)".formatted(first, String.join(", ", cmd.getSubcommands().keySet()));
        }
        List<PositionalParamSpec> positionals = cmd.getCommandSpec().positionalParameters();
        return "unexpected argument '%s' (%s takes %s)".formatted(first, cmd.getCommandName(), positionals.isEmpty()
                ? "no arguments" : positionals.stream().map(PositionalParamSpec::paramLabel).collect(Collectors.joining(" ")));
    }

    /** The names at the smallest edit distance from {@code typed}, when it is at most {@value #MAX_TYPO}. */
    static List<String> closest(String typed, Collection<String> names) {
        int best = MAX_TYPO + 1;
        List<String> closest = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith("--")) continue;
            int distance = editDistance(typed, name);
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            if (distance == best) closest.add(name);
        }
        return closest;
    }

    /** Insertions, deletions and substitutions that turn {@code a} into {@code b} (Levenshtein). */
    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) row[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    private static String lowerFirst(String text) {
        if (text.isEmpty() || Character.isUpperCase(text.codePointAt(1 < text.length() ? 1 : 0))) return text;
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
