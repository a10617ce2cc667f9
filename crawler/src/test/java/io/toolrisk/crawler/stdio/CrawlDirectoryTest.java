package io.toolrisk.crawler.stdio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrawlDirectoryTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    Path tmp;

    private Path directory(String name, boolean withLock) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(CrawlDirectory.PREFIX + name));
        Files.createDirectories(dir.resolve("home/.npm"));
        Files.writeString(dir.resolve("home/.npm/cache"), "what a server left");
        if (withLock) Files.createFile(dir.resolve(".lock"));
        return dir;
    }

    @Test
    void foldersOfDeadProcessesAreRemovedAndThoseOfLiveOnesKept() throws Exception {
        directory("dead", true);
        Path live = directory("live", true);
        Path making = directory("being-made", false); // its process has not locked it yet
        Path old = directory("from-an-old-build", false);
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofHours(1))));
        Files.writeString(tmp.resolve("toolrisk-mcp-a-file"), "not a folder");

        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                live.resolve(".lock").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertEquals("locked", out.readLine());
            assertEquals(2, CrawlDirectory.removeAbandoned(tmp, NOW));
            assertEquals(List.of("toolrisk-mcp-a-file", "toolrisk-mcp-being-made", "toolrisk-mcp-live"), names());
        } finally {
            holder.getOutputStream().close();
        }
        assertTrue(holder.waitFor(2, TimeUnit.MINUTES), "the holder ends when its input does");
        assertEquals(1, CrawlDirectory.removeAbandoned(tmp, NOW), "once its process let go");
        assertEquals(List.of("toolrisk-mcp-a-file", "toolrisk-mcp-being-made"), names());
        assertTrue(Files.isDirectory(making));
    }

    @Test
    void thisProcessesOwnFoldersAreKeptAndTheirLockStaysHeld() throws Exception {
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try (CrawlDirectory ours = CrawlDirectory.create()) {
            assertEquals(0, CrawlDirectory.removeAbandoned(tmp, NOW));
            assertEquals(0, CrawlDirectory.removeAbandoned(tmp, NOW.plus(Duration.ofDays(1))));
            assertTrue(Files.isDirectory(ours.home()));
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
        assertEquals(List.of(), names(), "deleted when closed");
    }

    @Test
    void treeAServerMadeUnreadableIsDeletedAndItsLinksAreNotFollowed() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside"), "must stay");
        Path dir = directory("hostile", true);
        Path locked = Files.createDirectories(dir.resolve("home/locked/inner"));
        Files.writeString(locked.resolve("file"), "x");
        Files.createSymbolicLink(dir.resolve("home/link"), outside);
        Files.createSymbolicLink(dir.resolve("home/dirlink"), tmp);
        Files.setPosixFilePermissions(locked.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        CrawlDirectory.deleteTree(dir);
        assertEquals(List.of("outside"), names(tmp));
        assertEquals("must stay", Files.readString(outside));
    }

    private List<String> names() throws IOException {
        return names(tmp).stream().filter(n -> n.startsWith(CrawlDirectory.PREFIX)).toList();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
