package io.toolrisk.crawler;

import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.crawler.mcp.Durations;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server's tools read from a recorded {@code tools/list} result, tool array or JSON Lines file. Only a regular
 * file is read (a device such as {@code /dev/zero} never ends, a FIFO blocks until someone writes to it), at most
 * {@link CrawlLimits#maxFileBytes()} of it, within {@link CrawlLimits#serverTimeout()}. A tool that cannot be read
 * costs that tool (a warning); a file from which no tool can be read is a failure that says why.
 */
final class RecordedTools {
    private RecordedTools() {
    }

    static CrawlResult read(ServerRef ref, Path path, CrawlLimits limits) throws InterruptedException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return failed(ref, "no such file: " + path);
        } catch (IOException e) {
            return failed(ref, "cannot read %s: %s".formatted(path, e.getMessage()));
        }
        if (!attributes.isRegularFile())
            return failed(ref, "%s is not a regular file (%s); only a recorded file is read"
                    .formatted(path, attributes.isDirectory() ? "a directory" : "a device, FIFO or socket"));
        if (attributes.size() > limits.maxFileBytes())
            return failed(ref, "%s is %,d bytes, over the limit of %,d for a recorded file".formatted(path, attributes.size(), limits.maxFileBytes()));
        // Read on a thread of its own, so that a file that stops giving bytes (a FIFO put in its place after the
        // check, a hung network mount) costs the server timeout and not the refresh.
        var reading = new CompletableFuture<CrawlResult>();
        long deadline = System.nanoTime() + limits.serverTimeout().toNanos();
        Thread reader = Thread.ofVirtual().name("read " + path).start(() -> {
            try {
                reading.complete(readTools(ref, path, limits, deadline));
            } catch (RuntimeException | Error e) {
                reading.completeExceptionally(e);
            }
        });
        try {
            return reading.get(limits.serverTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reader.interrupt();
            return failed(ref, "reading %s took longer than the server timeout of %s".formatted(path, Durations.format(limits.serverTimeout())));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw (Error) e.getCause();
        } catch (InterruptedException e) {
            reader.interrupt();
            throw e;
        }
    }

    private static CrawlResult readTools(ServerRef ref, Path path, CrawlLimits limits, long deadline) {
        List<Tool> tools = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (InputStream in = new Bounded(Files.newInputStream(path), path, limits, deadline)) {
            new ToolReader(limits.maxMessageBytes()).read(in, entry -> {
                switch (entry) {
                    case ToolInput.Parsed parsed -> {
                        if (names.add(parsed.tool().name())) tools.add(parsed.tool());
                        else warnings.add("skipped the tool on line %d: duplicate name '%s'"
                                .formatted(parsed.line(), parsed.tool().name()));
                    }
                    case ToolInput.Rejected rejected ->
                            warnings.add("skipped the tool on line %d: %s".formatted(rejected.line(), rejected.error()));
                }
            });
        } catch (NoSuchFileException e) {
            return failed(ref, "no such file: " + path);
        } catch (IOException e) {
            return failed(ref, "cannot read %s: %s".formatted(path, e.getMessage()));
        }
        if (tools.size() > limits.maxTools())
            return failed(ref, "%s lists more than %,d tools".formatted(path, limits.maxTools()));
        if (tools.isEmpty())
            return failed(ref, warnings.isEmpty() ? ToolReader.noTools(path.toString())
                    : "no tool could be read from %s: %s%s".formatted(path, warnings.getFirst().replaceFirst("^skipped the tool ", ""),
                            warnings.size() > 1 ? " (and %,d more)".formatted(warnings.size() - 1) : ""));
        var info = new ServerInfo(ref.id(), Optional.empty(), "", "", null, Optional.empty());
        return new CrawlResult.Crawled(ref, info, tools, warnings);
    }

    private static CrawlResult failed(ServerRef ref, String reason) {
        return new CrawlResult.Failed(ref, CrawlResult.Stage.READ, reason, "");
    }

    /** A file read to at most the limit, and only until the deadline: a file may grow or slow down after the check. */
    private static final class Bounded extends FilterInputStream {
        private final Path path;
        private final CrawlLimits limits;
        private final long deadline;
        private long read;

        Bounded(InputStream in, Path path, CrawlLimits limits, long deadline) {
            super(in);
            this.path = path;
            this.limits = limits;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted())
                throw new IOException("reading took longer than the server timeout of " + Durations.format(limits.serverTimeout()));
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > limits.maxFileBytes())
                throw new IOException("the file grew past the limit of %,d bytes for a recorded file".formatted(limits.maxFileBytes()));
            return n;
        }
    }
}
