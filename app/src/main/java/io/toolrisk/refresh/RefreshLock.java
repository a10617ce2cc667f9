package io.toolrisk.refresh;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One refresh per catalogue at a time, across processes. The lock is the operating system's, so a refresh killed
 * with {@code kill -9} releases it by dying: there is no stale lock file to clean up.
 */
final class RefreshLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RefreshLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code catalogueDir}, or fails at once when another refresh holds it. */
    static RefreshLock acquire(Path catalogueDir) throws IOException {
        Files.createDirectories(catalogueDir);
        Path file = catalogueDir.resolve(".refresh.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(("another refresh of %s is running; wait for it to finish "
                    + "(or stop it: its catalogue stays as it was)").formatted(catalogueDir));
        }
        return new RefreshLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
