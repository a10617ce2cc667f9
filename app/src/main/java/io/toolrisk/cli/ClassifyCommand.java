package io.toolrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.classifier.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code toolrisk classify [FILE|-]}: a risk profile per tool definition, in input order. JSON Lines are read,
 * parsed and classified in parallel batches; the output is the same bytes whatever the number of threads.
 * Exits 1 when any entry could not be read (its error stands in its place), 2 on a bad option or rules file.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Risk profiles for MCP tool definitions (a tools/list result, a JSON array or JSON Lines), in input order.",
                "An entry that cannot be read becomes {\"error\": \"...\", \"line\": N} in its place, and the exit code is 1."})
final class ClassifyCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
            description = "Tool definitions to classify; '-' or nothing reads stdin.")
    String input;

    @Option(names = "--format", paramLabel = "jsonl|json|table",
            description = "Output: jsonl (the default for JSON Lines input), json (an array; the default otherwise) "
                    + "or table (for people: tool, category, severity, strongest evidence).")
    ProfileFormat format;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Extra rules (JSON or YAML) added to the bundled ruleset; a rule with an existing id replaces it.")
    Path rules;

    @Option(names = "--overrides", paramLabel = "FILE",
            description = "Pinned categories: {\"overrides\":[{\"server\"?, \"tool\", \"category\", \"reason\"}]}.")
    Path overrides;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that parse and classify (default: the number of CPUs).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** Where the output goes; tests set it. */
    OutputStream stdout = System.out;
    InputStream stdin = System.in;

    /** How far the input is read ahead to tell its shape: one tool's line, and a little more. */
    private static final int LOOK_AHEAD = ToolReader.DEFAULT_MAX_LINE_BYTES + (1 << 16);

    @Override
    public Integer call() throws IOException {
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if (!"-".equals(input) && Files.isDirectory(Path.of(input)))
            throw new IOException("%s is a folder; give a file of tools (tools/list result, JSON array or JSON Lines), or - for standard input"
                    .formatted(input));
        Classifier classifier = Classifier.load(Optional.ofNullable(rules), Optional.ofNullable(overrides));
        try (InputStream raw = "-".equals(input) ? stdin : Files.newInputStream(Path.of(input));
             var in = new BufferedInputStream(raw, 1 << 16)) {
            boolean jsonLines = looksLikeJsonLines(in);
            ProfileFormat chosen = format != null ? format : jsonLines ? ProfileFormat.JSONL : ProfileFormat.JSON;
            OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
            boolean rejected;
            try (var batches = new BatchClassification(classifier, chosen, threads, ToolReader.DEFAULT_MAX_LINE_BYTES, out)) {
                if (jsonLines) {
                    batches.classifyLines(in);
                } else if (startsWithArray(in)) {
                    new ToolReader().read(in, batches::classifyEntry);
                } else {
                    // A document: a tools/list result (one server's tools, judged with each other as siblings) or
                    // one pretty-printed tool. Either is in memory whole once read.
                    List<ToolInput> entries = new ArrayList<>();
                    ToolReader.Shape shape = new ToolReader().read(in, entries::add);
                    if (shape == ToolReader.Shape.TOOLS_LIST) batches.classifyToolsList(entries);
                    else entries.forEach(batches::classifyEntry);
                }
                rejected = batches.finish();
            }
            out.flush();
            if (stdout instanceof PrintStream ps && ps.checkError()) throw new IOException("cannot write the output");
            return rejected ? 1 : 0;
        }
    }

    /**
     * Whether the input is JSON Lines, decided as {@link ToolReader} decides: not when it starts with '[', nor
     * when its first line is not a complete object (a pretty-printed document) or is a {@code tools/list}
     * result; a first line longer than one tool may be is JSON Lines (its error stands in its place). Reads at
     * most {@link #LOOK_AHEAD} bytes ahead and resets, so the input is untouched.
     */
    static boolean looksLikeJsonLines(BufferedInputStream in) throws IOException {
        in.mark(LOOK_AHEAD);
        try {
            byte[] ahead = readFirstLine(in);
            int i = 0;
            if (ahead.length >= 3 && (ahead[0] & 0xFF) == 0xEF && (ahead[1] & 0xFF) == 0xBB && (ahead[2] & 0xFF) == 0xBF) i = 3;
            while (i < ahead.length && (ahead[i] == ' ' || ahead[i] == '\t' || ahead[i] == '\r' || ahead[i] == '\n')) i++;
            if (i == ahead.length) return true;
            if (ahead[i] == '[') return false;
            if (ahead[i] != '{') return true;
            int end = i;
            while (end < ahead.length && ahead[end] != '\n') end++;
            if (end == ahead.length && ahead.length >= LOOK_AHEAD - 1) return true; // an oversized first line
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(ahead, i, end - i);
            } catch (IOException e) {
                return false;
            }
            return node != null && node.isObject() && !node.path("tools").isArray()
                    && !node.path("result").path("tools").isArray();
        } finally {
            in.reset();
        }
    }

    /** Whether the input's first character (after white space and a byte order mark) is '['. Resets the input. */
    private static boolean startsWithArray(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        try {
            for (int k = 0, b; k < (1 << 16) - 1 && (b = in.read()) >= 0; k++) {
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) continue;
                return b == '[';
            }
            return false;
        } finally {
            in.reset();
        }
    }

    /**
     * The input up to the end of its first non-blank line, or up to {@link #LOOK_AHEAD} bytes: read as it
     * arrives, so that a stream of tools is classified while it is still being written.
     */
    private static byte[] readFirstLine(InputStream in) throws IOException {
        var ahead = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        boolean content = false;
        while (ahead.size() < LOOK_AHEAD - 1) {
            int n = in.read(chunk, 0, Math.min(chunk.length, LOOK_AHEAD - 1 - ahead.size()));
            if (n < 0) break;
            ahead.write(chunk, 0, n);
            for (int k = 0; k < n; k++) {
                byte b = chunk[k];
                if (content && b == '\n') return ahead.toByteArray();
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') content = true;
            }
        }
        return ahead.toByteArray();
    }
}
