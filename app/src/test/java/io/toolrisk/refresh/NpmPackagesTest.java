package io.toolrisk.refresh;

import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotReader;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.crawler.CrawlLimits;
import io.toolrisk.crawler.stdio.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The npm packages a servers file pins, installed for real with {@code npm ci}: a tiny MCP server without
 * dependencies, packed by npm into a local tarball that the lockfile names, so no registry is asked.
 */
class NpmPackagesTest {
    private static final String TARBALL = "tiny-server-1.0.0.tgz";
    private static final Pattern FAILED = Pattern.compile("npm ci failed \\(exit \\d+\\): .*; full log (\\S+)");

    @TempDir
    Path dir;
    private final List<String> progress = new ArrayList<>();

    /** tiny-server packed into a tarball, and the directory that pins it with a lockfile, as {@code "npm": "peers"} names one. */
    private Path peers() throws Exception {
        Path source = Path.of(NpmPackagesTest.class.getResource("/npm/tiny-server").toURI());
        Path tiny = Files.createDirectories(dir.resolve("tiny-server"));
        for (String file : List.of("package.json", "index.js")) Files.copy(source.resolve(file), tiny.resolve(file));
        npm(tiny, "pack", "--pack-destination", dir.toString());
        Path peers = Files.createDirectories(dir.resolve("peers"));
        Files.writeString(peers.resolve("package.json"), "{\"private\": true, \"dependencies\": {\"tiny-server\": \"file:%s\"}}"
                .formatted(dir.resolve(TARBALL)));
        npm(peers, "install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund");
        return peers;
    }

    private static void npm(Path directory, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("npm", "--loglevel=error"));
        command.addAll(List.of(args));
        Process npm = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(npm.waitFor(5, TimeUnit.MINUTES), "npm " + String.join(" ", args) + " finishes");
        assertEquals(0, npm.exitValue(), "npm " + String.join(" ", args) + ": " + output);
    }

    private String installing(Path peers, Path target) {
        return "installing 1 npm packages from %s into %s (first run only; about a minute)".formatted(peers.resolve("package-lock.json"), target);
    }

    @Test
    void firstUseInstallsTheLockfileIntoTheCacheOnceAndNamesTheLockedVersionAnArgumentRuns() throws Exception {
        Path peers = peers();
        Path cache = dir.resolve("cache");

        NpmPackages npm = NpmPackages.install(peers, cache, progress::add);
        Path target = npm.prefix();
        assertEquals(cache.resolve("npm"), target.getParent());
        assertTrue(target.getFileName().toString().matches("[0-9a-f]{16}"), "named for the lockfile: " + target);
        assertEquals(List.of(installing(peers, target)), progress);
        Path server = target.resolve("node_modules/tiny-server/index.js");
        assertTrue(Files.isRegularFile(server), "npm ci unpacked the package");
        assertFalse(Files.isSymbolicLink(server.getParent()), "a copy, not a link to where it was packed");
        assertTrue(Files.getPosixFilePermissions(target).containsAll(Set.of(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_EXECUTE)), "the sandbox's user may enter it");
        try (Stream<Path> installs = Files.list(cache.resolve("npm"))) {
            assertEquals(List.of(target), installs.toList(), "nothing left of the staging");
        }
        assertEquals(Optional.of("tiny-server@1.0.0"), npm.packageOf("${TOOLRISK_NPM_PREFIX}/node_modules/tiny-server/index.js"));
        assertEquals(Optional.empty(), npm.packageOf("${TOOLRISK_NPM_PREFIX}/node_modules/not-locked/index.js"));
        assertEquals(Optional.empty(), npm.packageOf("server.js"));

        // Once installed, the same lockfile is not installed again (npm ci could not: the tarball is gone).
        FileTime installed = Files.getLastModifiedTime(server);
        Files.delete(dir.resolve(TARBALL));
        NpmPackages again = NpmPackages.install(peers, cache, progress::add);
        assertEquals(target, again.prefix());
        assertEquals(1, progress.size(), "nothing said the second time: " + progress);
        assertEquals(installed, Files.getLastModifiedTime(server));
    }

    @Test
    void failedInstallSaysWhereNpmsLogIsAndInstallsNothingSoTheNextRunTriesAgain() throws Exception {
        Path peers = peers();
        Path cache = dir.resolve("cache");
        Path moved = Files.move(dir.resolve(TARBALL), dir.resolve("moved.tgz"));

        var e = assertThrows(IOException.class, () -> NpmPackages.install(peers, cache, progress::add));
        Matcher failed = FAILED.matcher(e.getMessage());
        assertTrue(failed.matches(), e.getMessage());
        assertTrue(Files.readString(Path.of(failed.group(1))).contains(TARBALL), "npm's log names what it could not find");
        try (Stream<Path> installs = Files.list(cache.resolve("npm"))) {
            assertEquals(List.of(), installs.filter(p -> !p.getFileName().toString().contains(".installing-")).toList(),
                    "no install in place");
        }

        Files.move(moved, dir.resolve(TARBALL));
        NpmPackages npm = NpmPackages.install(peers, cache, progress::add);
        assertEquals(2, progress.size(), "tried again: " + progress);
        assertTrue(Files.isRegularFile(npm.prefix().resolve("node_modules/tiny-server/index.js")));
    }

    @Test
    void directoryWithoutALockfileIsRefusedBeforeAnythingRuns() throws IOException {
        Path peers = Files.createDirectories(dir.resolve("peers"));
        Files.writeString(peers.resolve("package.json"), "{\"dependencies\": {}}");

        var e = assertThrows(IOException.class, () -> NpmPackages.install(peers, dir.resolve("cache"), progress::add));
        assertEquals("npm directory %s needs package.json and package-lock.json".formatted(peers), e.getMessage());
        assertEquals(List.of(), progress);
        assertFalse(Files.exists(dir.resolve("cache")));
    }

    @Test
    void firstRefreshOfAServersFileThatPinsPackagesInstallsThemAndCrawlsTheInstalledServerInTheSandbox() throws Exception {
        peers();
        Files.writeString(dir.resolve("servers.json"), """
                {"npm": "peers", "servers": [{"id": "tiny", "stdio": {"command": "node",
                  "args": ["${TOOLRISK_NPM_PREFIX}/node_modules/tiny-server/index.js"], "env": {}}}]}""");
        var log = new ByteArrayOutputStream();
        // Timeouts only a hung server meets: node may take seconds to start on a busy machine.
        var options = new RefreshOptions(Optional.of(dir.resolve("servers.json")), List.of(), dir.resolve("catalogue"), 1,
                Set.of(), false, Duration.ofHours(24), 5, CrawlLimits.DEFAULT.withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(120)),
                dir.resolve("cache"), Sandbox.DEFAULT);

        RefreshOutcome outcome = new RefreshJob(options, Classifier.bundled(), Clock.systemUTC(),
                new PrintStream(log, true, StandardCharsets.UTF_8), System.getenv()).run();

        var written = assertInstanceOf(RefreshOutcome.Written.class, outcome, log::toString);
        assertEquals(List.of(), written.failed(), log::toString);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("refresh: installing 1 npm packages from "), log::toString);
        var store = new CatalogueStore(dir.resolve("catalogue"));
        try (SnapshotReader snapshot = store.openSnapshot(written.snapshotId())) {
            ServerRecord tiny = snapshot.iterator().next();
            assertInstanceOf(CrawlStatus.Crawled.class, tiny.status());
            assertEquals("npm:tiny-server@1.0.0", tiny.sourceVersion(), "the version its lockfile pins");
            assertEquals(List.of("delete_every_file"), tiny.tools().stream().map(CataloguedTool::tool).map(Tool::name).toList());
        }
    }
}
