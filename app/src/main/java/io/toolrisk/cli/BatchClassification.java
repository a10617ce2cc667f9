package io.toolrisk.cli;

import io.toolrisk.catalogue.json.LineReader;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolLineParser;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.classifier.ServerContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Classifies tool inputs in batches on a pool of threads and writes the results in input order. For JSON Lines
 * a batch is raw lines, so that parsing runs in parallel too; for a document it is the entries the
 * {@link ToolReader} produced. The calling thread reads and writes; at most {@code 2 × threads + 2} batches
 * are in flight, so memory stays bounded whatever the input size. One instance per run.
 */
final class BatchClassification implements AutoCloseable {
    static final int BATCH_LINES = 512;
    static final int BATCH_BYTES = 1 << 20;

    private final Classifier classifier;
    private final ProfileFormat format;
    private final int maxLineBytes;
    private final OutputStream out;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<Output>> inFlight = new ArrayDeque<>();
    private boolean rejected;
    private boolean anyEntry;

    /** What one batch produced. */
    private record Output(byte[] bytes, int entries, boolean rejected) {
    }

    BatchClassification(Classifier classifier, ProfileFormat format, int threads, int maxLineBytes, OutputStream out)
            throws IOException {
        this.classifier = classifier;
        this.format = format;
        this.maxLineBytes = maxLineBytes;
        this.out = out;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "classify");
            t.setDaemon(true);
            return t;
        });
        this.maxInFlight = 2 * threads + 2;
        switch (format) {
            case JSON -> out.write("[\n".getBytes(StandardCharsets.US_ASCII));
            case TABLE -> out.write(ProfileWriter.tableHeader());
            case JSONL -> { }
        }
    }

    /**
     * Reads JSON Lines from {@code in} to the end, a batch of raw lines at a time. When the input has nothing
     * more to give right now (a pipe from a crawler, a person typing), what has been read is classified and
     * written before waiting, so that profiles stream out as tools stream in.
     */
    void classifyLines(InputStream in) throws IOException {
        LineBatch[] batch = {new LineBatch()};
        var idleAware = new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (batch[0].size() > 0 && super.available() == 0) {
                    submit(batch[0]);
                    batch[0] = new LineBatch();
                    drain();
                }
                return super.read(b, off, len);
            }
        };
        var lines = new LineReader(idleAware, maxLineBytes);
        var line = new LineReader.Line();
        while (lines.next(line)) {
            if (line.oversized()) {
                batch[0].addOversized(line.number(), line.oversizeLength());
            } else if (!line.isBlank()) {
                batch[0].add(line.bytes(), line.length(), line.number());
            }
            if (batch[0].isFull()) {
                submit(batch[0]);
                batch[0] = new LineBatch();
            }
        }
        if (batch[0].size() > 0) submit(batch[0]);
    }

    /** Writes every batch in flight and flushes the output. */
    private void drain() throws IOException {
        while (!inFlight.isEmpty()) write(inFlight.poll());
        out.flush();
    }

    /** Queues one entry a {@link ToolReader} produced; entries are batched. */
    void classifyEntry(ToolInput entry) {
        pendingEntries.add(entry);
        if (pendingEntries.size() == BATCH_LINES) flushEntries();
    }

    private List<ToolInput> pendingEntries = new ArrayList<>();
    /** The siblings of the tools being classified, by server: set for a {@code tools/list} result, empty otherwise. */
    private Map<Optional<String>, ServerContext> contexts = Map.of();

    /**
     * Queues the entries of a {@code tools/list} result: one server's tools, each judged with the others (of its
     * server, when they name one) as its siblings.
     */
    void classifyToolsList(List<ToolInput> entries) {
        List<Tool> tools = new ArrayList<>();
        for (ToolInput e : entries) if (e instanceof ToolInput.Parsed p) tools.add(p.tool());
        if (!pendingEntries.isEmpty()) flushEntries();
        contexts = ServerContext.byServer(tools);
        entries.forEach(this::classifyEntry);
    }

    private void flushEntries() {
        List<ToolInput> entries = pendingEntries;
        Map<Optional<String>, ServerContext> siblings = contexts;
        pendingEntries = new ArrayList<>();
        try {
            enqueue(pool.submit(() -> classify(entries, siblings)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for every batch, writes the rest and the closing bracket; true when any entry was rejected. */
    boolean finish() throws IOException {
        if (!pendingEntries.isEmpty()) flushEntries();
        drain();
        if (format == ProfileFormat.JSON) out.write((anyEntry ? "\n]\n" : "]\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return rejected;
    }

    private void submit(LineBatch batch) throws IOException {
        enqueue(pool.submit(() -> classify(batch)));
    }

    private void enqueue(Future<Output> future) throws IOException {
        inFlight.add(future);
        while (inFlight.size() > maxInFlight) write(inFlight.poll());
    }

    private void write(Future<Output> future) throws IOException {
        Output output;
        try {
            output = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while classifying");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
        rejected |= output.rejected();
        if (output.entries() == 0) return;
        if (format == ProfileFormat.JSON && anyEntry) out.write(",\n".getBytes(StandardCharsets.US_ASCII));
        out.write(output.bytes());
        anyEntry = true;
    }

    private Output classify(LineBatch batch) throws IOException {
        var writer = new ProfileWriter(format);
        boolean bad = false;
        for (int i = 0; i < batch.size(); i++) {
            ToolInput entry = batch.oversize[i] >= 0
                    ? new ToolInput.Rejected(batch.lineNumbers[i], "line is %,d bytes, over the %,d-byte limit for one tool"
                            .formatted(batch.oversize[i], maxLineBytes))
                    : ToolLineParser.parseLine(batch.data, batch.offsets[i], batch.lengths[i], batch.lineNumbers[i]);
            bad |= write(writer, entry);
        }
        return new Output(writer.toByteArray(), writer.entries(), bad);
    }

    private Output classify(List<ToolInput> entries, Map<Optional<String>, ServerContext> siblings) throws IOException {
        var writer = new ProfileWriter(format);
        boolean bad = false;
        for (ToolInput entry : entries) bad |= write(writer, entry, siblings);
        return new Output(writer.toByteArray(), writer.entries(), bad);
    }

    /** Writes one entry; true when it was a rejected one. */
    private boolean write(ProfileWriter writer, ToolInput entry) throws IOException {
        return write(writer, entry, Map.of());
    }

    /** Writes one entry, judged with its siblings when {@code siblings} knows its server; true when it was rejected. */
    private boolean write(ProfileWriter writer, ToolInput entry, Map<Optional<String>, ServerContext> siblings) throws IOException {
        switch (entry) {
            case ToolInput.Parsed p -> {
                writer.profile(classifier.classify(p.tool(), siblings.getOrDefault(p.tool().server(), ServerContext.ALONE)));
                return false;
            }
            case ToolInput.Rejected r -> {
                writer.error(r.error(), r.line());
                return true;
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Raw lines, copied into one array. */
    private static final class LineBatch {
        byte[] data = new byte[64 * 1024];
        int used;
        int[] offsets = new int[BATCH_LINES];
        int[] lengths = new int[BATCH_LINES];
        long[] lineNumbers = new long[BATCH_LINES];
        long[] oversize = new long[BATCH_LINES];
        private int size;

        void add(byte[] bytes, int length, long number) {
            if (used + length > data.length) data = Arrays.copyOf(data, Math.max(used + length, data.length * 2));
            System.arraycopy(bytes, 0, data, used, length);
            offsets[size] = used;
            lengths[size] = length;
            lineNumbers[size] = number;
            oversize[size] = -1;
            used += length;
            size++;
        }

        void addOversized(long number, long length) {
            lineNumbers[size] = number;
            oversize[size] = length;
            size++;
        }

        int size() {
            return size;
        }

        boolean isFull() {
            return size == BATCH_LINES || used >= BATCH_BYTES;
        }
    }
}
