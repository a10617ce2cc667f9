package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scratch benchmark for A/B comparisons in one JVM (the machine is shared, so separate runs are too noisy):
 * CPU time of a full scan and of a full classification over the corpus, and of classification over the
 * corpus with descriptions cut to 2,000 chars, in interleaved rounds.
 */
public final class PhaseTiming {
    public static void main(String[] args) throws Exception {
        List<Tool> tools = new ArrayList<>();
        List<Tool> capped = new ArrayList<>();
        for (JsonNode r : CorpusMeasurement.read(Path.of(args[0]).resolve("corpus/corpus-tools.jsonl"))) {
            Tool t = CorpusMeasurement.toolOf(r);
            tools.add(t);
            String d = t.description();
            capped.add(new Tool(t.name(), t.title(), d.length() > 2000 ? d.substring(0, 2000) : d, t.inputSchema(),
                    t.annotations(), t.server(), t.unknownFields()));
        }
        Classifier c = Classifier.bundled();
        CompiledRules rules = new CompiledRules(c.ruleSet());
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long sink = 0;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++) for (Tool t : tools) sink += new ToolScan(rules, t).run().texts.size();
            long t1 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++) for (Tool t : tools) sink += c.classify(t).evidence().size();
            long t2 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++) for (Tool t : capped) sink += c.classify(t).evidence().size();
            long t3 = mx.getCurrentThreadCpuTime();
            double n = 5.0 * tools.size();
            System.out.printf("scan %,.0f/s   classify %,.0f/s   classify (descriptions cut at 2,000) %,.0f/s  (%d)%n",
                    n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9), n / ((t3 - t2) / 1e9), sink);
        }
    }
}
