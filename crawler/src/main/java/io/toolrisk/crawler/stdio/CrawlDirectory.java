package io.toolrisk.crawler.stdio;

import io.toolrisk.catalogue.store.CatalogueStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary directory of one stdio server, {@code toolrisk-mcp-*} in the temp folder: its {@code home/},
 * {@code tmp/} and working directory, and what its sandbox needs beside them. The process that made it holds a
 * lock on {@code .lock} until it deletes it; one that was killed holds none, so the first crawl of the next run
 * removes what it left ({@link #removeAbandoned}).
 */
final class CrawlDirectory implements AutoCloseable {
    static final String PREFIX = "toolrisk-mcp-";
    private static final String LOCK = ".lock";
    /** A directory without a lock file is being made by another process, or was left by a build before locks. */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(10);
    /**
     * This process's directories, never probed: closing any descriptor of a file releases every lock the process
     * holds on it, so opening our own lock file to test it would free it.
     */
    private static final Set<Path> OURS = ConcurrentHashMap.newKeySet();
    private static boolean swept;

    private final Path path;
    private final FileChannel channel;

    private CrawlDirectory(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A fresh directory in the temp folder; the first call of a process first removes those of dead ones. */
    static CrawlDirectory create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        synchronized (OURS) {
            if (!swept) removeAbandoned(tmp, Instant.now());
            swept = true;
        }
        Path path = Files.createTempDirectory(tmp, PREFIX);
        OURS.add(path);
        FileChannel channel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) throw new IOException("cannot lock " + path.resolve(LOCK));
        Files.createDirectory(path.resolve("home"));
        Files.createDirectory(path.resolve("tmp"));
        return new CrawlDirectory(path, channel);
    }

    Path path() {
        return path;
    }

    Path home() {
        return path.resolve("home");
    }

    Path tmp() {
        return path.resolve("tmp");
    }

    /**
     * Readies the directory for a sandbox made by {@code namespaces}: a root to assemble for unshare, and a home
     * and temp folder that the server, nobody when the crawler is root, may write.
     */
    void prepareFor(Namespaces namespaces) throws IOException {
        if (namespaces.backend() == Sandbox.Backend.UNSHARE) Files.createDirectory(path.resolve("root"));
        if (namespaces.root()) {
            for (Path writable : new Path[] {home(), tmp()}) {
                Files.setAttribute(writable, "unix:uid", Namespaces.SERVER_ID);
                Files.setAttribute(writable, "unix:gid", Namespaces.SERVER_ID);
            }
        }
    }

    /**
     * Deletes the {@code toolrisk-mcp-*} directories in {@code tmp} whose process is gone: their lock is free, or
     * they have none and were last changed before {@code now} minus a grace period.
     *
     * @return how many it deleted
     */
    static int removeAbandoned(Path tmp, Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && abandoned(dir, now)) {
                    deleteTree(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            // The temp folder cannot be listed: nothing to clean that this process could clean.
        }
        return removed;
    }

    private static boolean abandoned(Path dir, Instant now) {
        if (OURS.contains(dir)) return false;
        Path lock = dir.resolve(LOCK);
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) return false; // another process holds it
            held.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this process holds it (made by another class loader, say)
        } catch (NoSuchFileException e) {
            try {
                FileTime changed = Files.getLastModifiedTime(dir);
                return changed.toInstant().isBefore(now.minus(UNLOCKED_GRACE));
            } catch (IOException gone) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the lock and deletes the directory with everything a server left in it. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the lock whatever it says.
        }
        deleteTree(path);
        OURS.remove(path);
    }

    /** Deletes a tree a hostile server may have written; best effort: what cannot be deleted is left to the next run. */
    static void deleteTree(Path root) {
        try {
            CatalogueStore.deleteTree(root);
        } catch (IOException e) {
            // Best effort, as documented.
        }
    }
}
