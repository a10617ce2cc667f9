package io.toolrisk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code toolrisk} command line: one subcommand per job (DESIGN.md, CLI). */
@Command(name = "toolrisk",
        mixinStandardHelpOptions = true,
        versionProvider = ToolRiskCli.Version.class,
        description = "A catalogue of MCP tools with a risk profile for each.",
        subcommands = {
                ClassifyCommand.class,
                CrawlCommand.class,
                RefreshCommand.class,
                ServeCommand.class,
                PolicyCommand.class,
                ScanCommand.class,
                McpCommand.class,
                CommandLine.HelpCommand.class})
public final class ToolRiskCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Lucene says once per process that the incubating Vector API is not enabled; people need not read that. Held in
     * a field because java.util.logging keeps loggers weakly: a level set on a collected logger is forgotten.
     */
    private static final Logger LUCENE_VECTORIZATION =
            Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTORIZATION.setLevel(Level.OFF);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        var errors = new OneLineErrors();
        return OptionConverters.register(new CommandLine(new ToolRiskCli()))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(ToolRiskCli::execute)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * Runs the command the arguments name, refusing arguments that match nothing even when help is asked for:
     * picocli lets {@code toolrisk frob --help} print the top-level usage and exit 0, which hides the typo.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty())
                throw new CommandLine.UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ToolRiskCli.class.getPackage().getImplementationVersion();
            return new String[] {"toolrisk " + (version == null ? "dev" : version)};
        }
    }
}
