package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.text.Words;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scratch: CPU time of tokenizing only, of a full scan, and of a full classification, over the corpus. */
public final class PhaseTiming {
    public static void main(String[] args) throws Exception {
        List<Tool> tools = new ArrayList<>();
        for (JsonNode r : CorpusMeasurement.read(Path.of(args[0]).resolve("corpus/corpus-tools.jsonl"))) tools.add(CorpusMeasurement.toolOf(r));
        Classifier c = Classifier.bundled();
        CompiledRules rules = new CompiledRules(c.ruleSet());
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            long sink = 0;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++) for (Tool t : tools) {
                sink += Words.ofText(t.description(), rules.vocabulary).size();
                sink += Words.ofIdentifier(t.name(), rules.vocabulary).size();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++) for (Tool t : tools) sink += new ToolScan(rules, t).run().texts.size();
            long t2 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 5; k++) for (Tool t : tools) sink += c.classify(t).evidence().size();
            long t3 = mx.getCurrentThreadCpuTime();
            double n = 5.0 * tools.size();
            System.out.printf("tokenize name+desc %,.0f/s   scan %,.0f/s   classify %,.0f/s  (%d)%n",
                    n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9), n / ((t3 - t2) / 1e9), sink);
        }
    }
}
