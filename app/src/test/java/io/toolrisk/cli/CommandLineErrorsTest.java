package io.toolrisk.cli;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person sees when a command cannot do what was asked: one line that names the bad value and what is accepted,
 * and the same exit code for the same kind of mistake in every command (README, "Exit codes").
 */
class CommandLineErrorsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = ToolRiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
    }

    private static void assertOneLine(Run run, int exit, String line) {
        assertEquals(line + "\n", run.err());
        assertEquals(exit, run.exit(), run.err());
    }

    private Path catalogue() throws Exception {
        var store = new CatalogueStore(dir.resolve("catalogue"));
        new TestCatalogue().crawled("memory", tool("memory", "delete_entities", "Deletes entities.", Category.DESTRUCTIVE))
                .writeAndIndex(store, Instant.parse("2026-12-04T10:00:00Z"));
        return dir.resolve("catalogue");
    }

    @Test
    void aBadOptionValueNamesTheOptionTheValueAndTheAcceptedOnes() throws Exception {
        String catalogue = catalogue().toString();
        assertOneLine(run("policy", "memory", "--catalogue", catalogue, "--format", "yaml"), 2,
                "toolrisk policy: --format: unknown policy format 'yaml' (expected policylayer, intercept, claude-code, "
                        + "docker-gateway, cedar or agentgateway); see 'toolrisk policy --help'");
        assertOneLine(run("scan", "x.json", "--format", "yml"), 2,
                "toolrisk scan: --format: unknown format 'yml' (expected text, json or sarif); see 'toolrisk scan --help'");
        assertOneLine(run("scan", "x.json", "--fail-on", "crit"), 2,
                "toolrisk scan: --fail-on: unknown threshold 'crit' (expected critical, conflict or flag); see 'toolrisk scan --help'");
        assertOneLine(run("classify", "--format", "csv"), 2,
                "toolrisk classify: --format: unknown format 'csv' (expected jsonl, json or table); see 'toolrisk classify --help'");
        assertOneLine(run("scan", "--stdio", "node nope.js", "--format", "sarif", "--sarif-location", "src/a.ts:0"), 2,
                "toolrisk scan: --sarif-location must be PATH or PATH:LINE with a line from 1, got 'src/a.ts:0'");
        assertOneLine(run("scan", "--stdio", "node nope.js", "--sarif-location", "src/a.ts"), 2,
                "toolrisk scan: --sarif-location applies to --format sarif, not to --format text");
        assertOneLine(run("serve", "--port", "abc"), 2, "toolrisk serve: --port: 'abc' is not an int; see 'toolrisk serve --help'");
        assertOneLine(run("refresh", "--max-age", "1d"), 2, "toolrisk refresh: --max-age: invalid duration '1d': expected a number "
                + "with ms, s, m or h, like 30s; see 'toolrisk refresh --help'");
        // Read in any case: past the option, the command fails on the unknown server, not on the format.
        assertEquals(4, run("policy", "nope", "--catalogue", catalogue, "--format", "CEDAR").exit());
    }

    @Test
    void aMistypedOptionIsNamedAloneNotTheArgumentsAfterIt() {
        assertOneLine(run("classify", "--formt", "table", "mine.json"), 2,
                "toolrisk classify: unknown option '--formt' (did you mean --format?); see 'toolrisk classify --help'");
        assertOneLine(run("scan", "--fial-on=critical", "x.json"), 2,
                "toolrisk scan: unknown option '--fial-on' (did you mean --fail-on?); see 'toolrisk scan --help'");
    }

    @Test
    void anUnknownCommandIsNamedEvenWithHelpAndExitsTwo() {
        String line = "toolrisk: unknown command 'frob' (the commands are classify, crawl, refresh, serve, policy, scan, mcp, help); "
                + "see 'toolrisk --help'";
        Run help = run("frob", "--help");
        assertOneLine(help, 2, line);
        assertEquals("", help.out(), "no usage page");
        assertOneLine(run("frob"), 2, line);
        assertOneLine(run("help", "frob"), 2, "toolrisk: unknown subcommand 'frob'; see 'toolrisk --help'");
    }

    @Test
    void aMissingOrExtraArgumentSaysWhatTheCommandTakes() {
        assertOneLine(run("policy"), 2, "toolrisk policy: missing SERVER; see 'toolrisk policy --help'");
        assertOneLine(run("classify", "a.json", "b.json"), 2,
                "toolrisk classify: unexpected argument 'b.json' (classify takes FILE|-); see 'toolrisk classify --help'");
    }

    @Test
    void theSameKindOfMistakeExitsWithTheSameCodeInEveryCommand() throws Exception {
        String missing = dir.resolve("nope.json").toString();
        // A file that is not there: a bad input, 4, whatever the command.
        assertOneLine(run("classify", missing), 4, "toolrisk classify: no such file: " + missing);
        assertOneLine(run("scan", missing), 4, "toolrisk scan: no such file: " + missing);
        assertOneLine(run("refresh", "--servers", missing, "--catalogue", dir.resolve("c").toString()), 4,
                "toolrisk refresh: no such file: " + missing);
        assertOneLine(run("policy", "memory", "--catalogue", dir.resolve("none").toString()), 4,
                "toolrisk policy: no catalogue at " + dir.resolve("none") + " yet; run './toolrisk refresh' first (or pass --catalogue DIR)");
        // A file in no shape it promises: a bad input too.
        Path servers = Files.writeString(dir.resolve("servers.json"), "{\"servers\": {}}");
        assertOneLine(run("refresh", "--servers", servers.toString(), "--catalogue", dir.resolve("c").toString()), 4,
                "toolrisk refresh: servers.json: expected {\"servers\": [...]}");
        // A server that is not in the catalogue.
        Run unknown = run("policy", "nope", "--catalogue", catalogue().toString());
        assertEquals(4, unknown.exit());
        assertTrue(unknown.err().startsWith("toolrisk policy: no server 'nope' in snapshot "), unknown.err());
    }

    @Test
    void theReadmeDocumentsEveryExitCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (ExitCode code : ExitCode.values()) {
            assertTrue(readme.contains("| %d | %s |".formatted(code.code, code.meaning)),
                    "README's exit code table lacks | %d | %s |".formatted(code.code, code.meaning));
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), java.util.Arrays.stream(ExitCode.values()).map(c -> c.code).toList());
    }
}
