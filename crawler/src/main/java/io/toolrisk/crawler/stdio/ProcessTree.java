package io.toolrisk.crawler.stdio;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Ends a server process together with everything it started. */
final class ProcessTree {
    private ProcessTree() {
    }

    /**
     * Gives the process {@code graceMillis} to exit by itself (it was told to by closing its stdin), then kills
     * it and every descendant. Descendants are collected first: once the parent is gone they are re-parented
     * and can no longer be found from it.
     */
    static void end(Process process, Set<ProcessHandle> seenBefore, long graceMillis) throws InterruptedException {
        Set<ProcessHandle> tree = new HashSet<>(seenBefore);
        process.descendants().forEach(tree::add);
        if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(tree::add);
            process.destroyForcibly();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(2, TimeUnit.SECONDS);
    }
}
