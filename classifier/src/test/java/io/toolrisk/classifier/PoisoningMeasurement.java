package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ToolJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The measurement of BENCHMARKS.md, "Tool poisoning": recall per attack class and false flags on the look-alikes
 * of the attack set ({@link PoisoningSet}), then the tools of {@code corpus/corpus-tools.jsonl} and
 * {@code corpus/policylayer-dev.jsonl} that carry one of the three injection flags (hidden-instructions,
 * tool-shadowing, preference-manipulation), each judged with its server's other tools as siblings and, apart,
 * alone. Run with {@code bench/poisoning-measure.sh [SHARED_DIR] [--list]}.
 */
public final class PoisoningMeasurement {
    static final Set<FlagKind> INJECTION = Set.of(FlagKind.HIDDEN_INSTRUCTIONS, FlagKind.TOOL_SHADOWING,
            FlagKind.PREFERENCE_MANIPULATION);

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared");
        boolean list = List.of(args).contains("--list");
        PrintStream out = System.out;
        Classifier classifier = Classifier.bundled();
        out.printf("ruleset %s%n%n", classifier.rulesetVersion());
        PoisoningSet.measure(classifier, PoisoningSet.FIRST).print(out, list);
        out.println();
        out.println("fresh set (a second author's, never seen by the rules' authors):");
        PoisoningSet.measure(classifier, PoisoningSet.FRESH).print(out, list);
        out.println();
        out.println("second fresh set (a third author's; sealed for round 2, open since round 3):");
        PoisoningSet.measure(classifier, PoisoningSet.FRESH2).print(out, list);
        out.println();
        out.println("third fresh set (a fourth author's; sealed for round 3, open since round 4):");
        PoisoningSet.measure(classifier, PoisoningSet.FRESH3).print(out, list);
        out.println();
        out.println("fourth fresh set (a fifth author's; sealed for rounds 4 and 5, open since):");
        if (PoisoningSet.present(PoisoningSet.FRESH4)) PoisoningSet.measure(classifier, PoisoningSet.FRESH4).print(out, list);
        else out.println("(not in this checkout)");
        if (PoisoningSet.present(PoisoningSet.FRESH5)) {
            out.println();
            out.println("fifth fresh set (a sixth author's; sealed: counted, never listed):");
            PoisoningSet.measure(classifier, PoisoningSet.FRESH5).print(out, list);
        }
        corpus(classifier, shared.resolve("corpus/corpus-tools.jsonl"), "corpus-tools.jsonl", out);
        corpus(classifier, shared.resolve("corpus/policylayer-dev.jsonl"), "policylayer-dev.jsonl", out);
    }

    private static void corpus(Classifier classifier, Path file, String name, PrintStream out) throws IOException {
        List<Tool> tools = new ArrayList<>();
        for (JsonNode r : CorpusMeasurement.read(file)) tools.add(toolOf(r));
        Map<String, List<String>> byServer = new LinkedHashMap<>();
        for (Tool t : tools) byServer.computeIfAbsent(t.server().orElse(""), k -> new ArrayList<>()).add(t.name());
        Map<String, ServerContext> contexts = new LinkedHashMap<>();
        byServer.forEach((server, names) -> contexts.put(server, ServerContext.of(names, Optional.empty())));
        int withServer = 0, alone = 0;
        List<String> lines = new ArrayList<>();
        for (Tool t : tools) {
            RiskProfile inServer = classifier.classify(t, contexts.get(t.server().orElse("")));
            RiskProfile byItself = classifier.classify(t);
            boolean flaggedInServer = flagged(inServer);
            if (flaggedInServer) withServer++;
            if (flagged(byItself)) alone++;
            if (flaggedInServer || flagged(byItself)) {
                RiskProfile shown = flaggedInServer ? inServer : byItself;
                for (Flag f : shown.flags()) {
                    if (!INJECTION.contains(f.flag())) continue;
                    lines.add("  %s%s / %s: %s in %s: \"%s\"%s".formatted(flaggedInServer ? "" : "(alone only) ",
                            t.server().orElse("?"), t.name(), f.flag().wireName(), f.field(), oneLine(f.quote()),
                            pattern(f.detail())));
                }
            }
        }
        out.printf("%n%s: %d tools; with an injection flag: %d (%.2f %%) judged with their server's tools, %d (%.2f %%) judged alone%n",
                name, tools.size(), withServer, 100.0 * withServer / tools.size(), alone, 100.0 * alone / tools.size());
        lines.forEach(out::println);
    }

    /** " [pattern x]" for a finding's detail that names its pattern, else "". */
    static String pattern(String detail) {
        int at = detail.lastIndexOf("(pattern ");
        return at < 0 ? "" : " [" + detail.substring(at + 9, detail.length() - 1) + "]";
    }

    static boolean flagged(RiskProfile p) {
        return p.flags().stream().anyMatch(f -> INJECTION.contains(f.flag()));
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "..." : one;
    }

    /**
     * A corpus record as a tool: name, description, inputSchema (or, for the Docker registry's records, their
     * {@code x_docker_arguments} as parameters, since a model reads those descriptions too) and annotations.
     */
    static Tool toolOf(JsonNode r) throws IOException {
        ObjectNode tool = Json.MAPPER.createObjectNode();
        tool.put("name", r.path("tool").asText());
        if (r.path("description").isTextual()) tool.put("description", r.get("description").textValue());
        if (r.path("inputSchema").isObject()) {
            tool.set("inputSchema", r.get("inputSchema"));
        } else if (r.path("x_docker_arguments").isArray()) {
            ObjectNode properties = tool.putObject("inputSchema").putObject("properties");
            for (JsonNode a : r.get("x_docker_arguments")) {
                if (!a.path("name").isTextual()) continue;
                ObjectNode p = properties.putObject(a.get("name").textValue());
                if (a.path("desc").isTextual()) p.put("description", a.get("desc").textValue());
            }
        }
        if (r.path("annotations").isObject()) tool.set("annotations", r.get("annotations"));
        return ToolJson.read(tool).withServer(r.path("server").asText());
    }
}
