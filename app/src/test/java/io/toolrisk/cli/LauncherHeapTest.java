package io.toolrisk.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher {@code ./toolrisk} gives the JVM a heap cap sized for the catalogue. Run for real, in a copy of the
 * checkout's layout whose jar is a placeholder and whose JDK is a script that prints the arguments it was given.
 */
class LauncherHeapTest {
    @TempDir
    Path dir;
    private Path launcher;

    @BeforeEach
    void layout() throws IOException {
        Path root = Files.createDirectories(dir.resolve("checkout"));
        launcher = Files.copy(Path.of(System.getProperty("user.dir")).getParent().resolve("toolrisk"), root.resolve("toolrisk"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(root.resolve("app/target"));
        Files.writeString(root.resolve("app/target/toolrisk.jar"), "placeholder: nothing is newer, so nothing is built");
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"21.0.5\"\n");
        Path java = Files.writeString(jdk.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, List<String> lines) {
    }

    private Run run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("JAVA_HOME", dir.resolve("jdk").toString(), "TOOLRISK_AOT", "off"));
        builder.environment().remove("TOOLRISK_HEAP");
        builder.environment().remove("TOOLRISK_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out.lines().toList());
    }

    /** A catalogue whose current snapshot is {@code megabytes} long (a sparse file: no disk is used). */
    private Path catalogue(String name, long megabytes) throws IOException {
        Path catalogue = Files.createDirectories(dir.resolve(name).resolve("snapshots"));
        Files.writeString(catalogue.getParent().resolve("current"), "20261204T120000Z\n");
        try (var file = new RandomAccessFile(catalogue.resolve("20261204T120000Z.json").toFile(), "rw")) {
            file.setLength(megabytes * 1024 * 1024);
        }
        return catalogue.getParent();
    }

    private static String heap(Run run) {
        assertEquals(0, run.exit(), String.join("\n", run.lines()));
        return run.lines().stream().filter(line -> line.startsWith("-Xmx")).reduce((first, last) -> last).orElseThrow();
    }

    @Test
    void theHeapIs512MegabytesPlusHalfTheCurrentSnapshot() throws Exception {
        Path big = catalogue("big", 300);
        assertEquals("-Xmx662m", heap(run(Map.of(), "serve", "--catalogue", big.toString())));
        assertEquals("-Xmx662m", heap(run(Map.of(), "refresh", "--catalogue=" + big, "--full")));
        Path none = Files.createDirectories(dir.resolve("empty"));
        assertEquals("-Xmx512m", heap(run(Map.of(), "serve", "--catalogue", none.toString())));
        Run classify = run(Map.of(), "classify", "tools.jsonl");
        assertEquals("-Xmx512m", heap(classify), "the checkout's own catalogue has no snapshot");
        assertTrue(classify.lines().containsAll(List.of("-jar", "classify", "tools.jsonl")), classify.lines().toString());
    }

    @Test
    void toolriskHeapSetsTheHeapAndIsChecked() throws Exception {
        assertEquals("-Xmx700m", heap(run(Map.of("TOOLRISK_HEAP", "700m"), "serve", "--catalogue", catalogue("c", 300).toString())));
        Run wrong = run(Map.of("TOOLRISK_HEAP", "lots"), "serve");
        assertEquals(2, wrong.exit());
        assertEquals(List.of("toolrisk: TOOLRISK_HEAP must be a heap size such as 768m or 2g, got 'lots'."), wrong.lines());
    }

    @Test
    void anXmxInToolriskJavaOptsComesLastAndWins() throws Exception {
        assertEquals("-Xmx3g", heap(run(Map.of("TOOLRISK_JAVA_OPTS", "-Xmx3g"), "serve")));
    }
}
