package io.toolrisk.index;

import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.store.SnapshotReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns a copy of the previous snapshot's index into the index of the new snapshot (see
 * {@link CatalogueIndexer#update}): reindexes the servers that changed, removes the servers that are gone, and
 * commits with the new snapshot's commit data. One use per update.
 */
final class IndexUpdate {
    /** Lucene's lock file: the one file of an index that is not write-once, and not part of the index. */
    private static final String WRITE_LOCK = IndexWriter.WRITE_LOCK_NAME;

    private final IndexWriterConfig config;
    private final Consumer<String> indexed;

    IndexUpdate(IndexWriterConfig config, Consumer<String> indexed) {
        this.config = config;
        this.indexed = indexed;
    }

    /**
     * Whether the index in {@code dir} can be updated into one of a snapshot classified under {@code ruleset}: it
     * exists, is of the current format, and its profiles came from the same ruleset.
     */
    static boolean canUpdate(Path dir, String ruleset) {
        if (!Files.isDirectory(dir)) return false;
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) return false;
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            return CatalogueIndexer.FORMAT.equals(data.get("format")) && ruleset.equals(data.get("ruleset"));
        } catch (IOException e) {
            return false; // unreadable: build anew
        }
    }

    /** Hard-links every file of the index in {@code from} into {@code to} (copies where links are not possible). */
    static void linkFiles(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(WRITE_LOCK) || !Files.isRegularFile(file)) continue;
                try {
                    Files.createLink(to.resolve(name), file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.copy(file, to.resolve(name));
                }
            }
        }
    }

    /**
     * Applies the new snapshot to the index copy in {@code dir}.
     *
     * @return servers and tools in the updated index, and the duplicate tool names skipped among the reindexed
     */
    long[] apply(SnapshotReader snapshot, Path dir, Set<String> reindexServers) throws IOException {
        long duplicates = 0;
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            Set<String> present = new HashSet<>();
            try {
                Iterator<SnapshotReader.SkimmedServer> servers = snapshot.skim(reindexServers::contains);
                while (servers.hasNext()) {
                    SnapshotReader.SkimmedServer skimmed = servers.next();
                    present.add(skimmed.id());
                    if (skimmed.record().isEmpty()) continue;
                    duplicates += reindex(writer, skimmed.record().get());
                    indexed.accept(skimmed.id());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (String gone : indexedServersBut(writer, present)) writer.deleteDocuments(new Term(ToolFields.SERVER, gone));
            long servers, tools;
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                var searcher = new IndexSearcher(reader);
                servers = searcher.count(LuceneQueries.SERVERS);
                tools = searcher.count(LuceneQueries.TOOLS);
            }
            writer.setLiveCommitData(CatalogueIndexer.commitData(snapshot.header(), servers, tools).entrySet());
            writer.commit();
            return new long[] {servers, tools, duplicates};
        }
    }

    /** Replaces every document of the server (its tool documents and its summary); returns duplicates skipped. */
    private static long reindex(IndexWriter writer, ServerRecord server) throws IOException {
        writer.deleteDocuments(new Term(ToolFields.SERVER, server.id()));
        List<CataloguedTool> unique = CatalogueIndexer.unique(server.tools());
        writer.addDocument(ToolFields.serverDocument(server));
        for (CataloguedTool tool : unique) writer.addDocument(ToolFields.toolDocument(server.id(), tool));
        return server.tools().size() - unique.size();
    }

    /** Servers the index has documents of (deleted ones included: deleting again is harmless) not in {@code keep}. */
    private static Set<String> indexedServersBut(IndexWriter writer, Set<String> keep) throws IOException {
        Set<String> gone = new TreeSet<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(ToolFields.SERVER);
                if (terms == null) continue;
                TermsEnum ids = terms.iterator();
                for (BytesRef id = ids.next(); id != null; id = ids.next()) {
                    String server = id.utf8ToString();
                    if (!keep.contains(server)) gone.add(server);
                }
            }
        }
        return gone;
    }
}
