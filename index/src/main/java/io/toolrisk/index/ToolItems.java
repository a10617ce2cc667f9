package io.toolrisk.index;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the listing JSON ({@link ToolFields#ITEM}) of tool documents. Indexes of {@link CatalogueIndexer#FORMAT}
 * keep it in binary doc values: uncompressed, so a page of hits is twenty slices of a mapped file. As a stored
 * field (indexes of {@link CatalogueIndexer#FORMAT_STORED_ITEMS}, still readable) each item cost a block
 * decompression and a fresh buffer of the block's size: a third of a search's time, most of its garbage.
 * Thread-safe.
 */
final class ToolItems {
    private final IndexReader reader;

    ToolItems(IndexReader reader) {
        this.reader = reader;
    }

    /** The item of each document (top-level numbers), in the order given. */
    byte[][] items(int[] docs) throws IOException {
        byte[][] items = new byte[docs.length][];
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) byDoc[i] = i;
        // Doc values are read forwards: visit the hits in document order, answer in the order asked.
        Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        StoredFields stored = null;
        for (int i : byDoc) {
            if (leaf == null || docs[i] >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                values = leaf.reader().getBinaryDocValues(ToolFields.ITEM);
                stored = values == null ? leaf.reader().storedFields() : null;
            }
            int doc = docs[i] - leaf.docBase;
            if (values != null) {
                if (!values.advanceExact(doc)) throw new IOException("tool document %d of %s has no item".formatted(doc, leaf.reader()));
                var bytes = values.binaryValue();
                items[i] = Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
            } else {
                items[i] = storedItem(stored, doc);
            }
        }
        return items;
    }

    /** The item of one document (a top-level number). */
    byte[] item(int doc) throws IOException {
        return items(new int[] {doc})[0];
    }

    private static byte[] storedItem(StoredFields stored, int doc) throws IOException {
        var visitor = new StoredItemVisitor();
        stored.document(doc, visitor);
        if (visitor.item == null) throw new IOException("document %d has no stored %s".formatted(doc, ToolFields.ITEM));
        return visitor.item;
    }

    /** Takes the item and stops: the definition and hash stored after it are not decoded. */
    private static final class StoredItemVisitor extends StoredFieldVisitor {
        byte[] item;

        @Override
        public Status needsField(FieldInfo field) {
            if (item != null) return Status.STOP;
            return field.name.equals(ToolFields.ITEM) ? Status.YES : Status.NO;
        }

        @Override
        public void binaryField(FieldInfo field, byte[] value) {
            item = value;
        }
    }
}
