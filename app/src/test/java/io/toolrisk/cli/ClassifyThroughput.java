package io.toolrisk.cli;

import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.classifier.Classifier;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The steady-state throughput of the {@code classify} pipeline (read lines, parse, classify, write JSONL in
 * order), without JVM start and with the JIT warm: the same JSONL file, in memory, through
 * {@link BatchClassification} several times, alternately on one thread and on all CPUs. Prints wall and
 * process CPU time per round. Run with {@code bench/classify-throughput.sh FILE}.
 */
public final class ClassifyThroughput {
    public static void main(String[] args) throws Exception {
        byte[] input = Files.readAllBytes(Path.of(args[0]));
        long lines = 0;
        for (byte b : input) lines += b == '\n' ? 1 : 0;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int cpus = Runtime.getRuntime().availableProcessors();
        for (int round = 0; round < 6; round++) {
            int threads = round % 2 == 0 ? 1 : cpus;
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (var batches = new BatchClassification(Classifier.bundled(), ProfileFormat.JSONL, threads,
                    ToolReader.DEFAULT_MAX_LINE_BYTES, OutputStream.nullOutputStream())) {
                batches.classifyLines(new ByteArrayInputStream(input));
                batches.finish();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf("round %d, %d thread(s): %,d lines in %.2f s wall (%,.0f lines/s), %.2f s CPU (%.1f us/line)%s%n",
                    round + 1, threads, lines, wall, lines / wall, cpu, cpu * 1e6 / lines, round < 2 ? "  [JIT warming up]" : "");
        }
    }
}
