package com.tradewind.knowledge.index;

import com.tradewind.knowledge.passage.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A passage as search results show it, kept in one binary doc value per document
 * ({@link PassageFields#RECORD}) rather than in stored fields: stored fields are compressed in
 * blocks of many documents, so showing ten hits decompressed ten blocks, a fifth of a search's
 * CPU; a doc value is read in place.
 */
public final class PassageRecords {

  private PassageRecords() {}

  /** The record of a passage: id, path, language, title, section, text and ordinal. */
  static BytesRef encode(Passage passage) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput(64 + passage.text().length() * 3L);
    try {
      out.writeString(passage.id());
      out.writeString(passage.path());
      out.writeString(passage.language());
      out.writeString(passage.title());
      out.writeString(passage.section());
      out.writeString(passage.text());
      out.writeVInt(passage.ordinal());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  private static Passage decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    String id = in.readString();
    String path = in.readString();
    String language = in.readString();
    String title = in.readString();
    String section = in.readString();
    String text = in.readString();
    return new Passage(id, path, title, section, text, in.readVInt(), language);
  }

  /**
   * The passages of {@code docs} (top-level document numbers), in the given order. Passages
   * written before records existed are read from their stored fields.
   */
  public static Passage[] read(IndexReader reader, int[] docs) {
    Passage[] passages = new Passage[docs.length];
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, i -> i);
    // doc values are read forwards only: visit the documents in index order
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    List<LeafReaderContext> leaves = reader.leaves();
    try {
      int leafIndex = -1;
      BinaryDocValues values = null;
      LeafReaderContext leaf = null;
      for (int i : order) {
        int leafOf = ReaderUtil.subIndex(docs[i], leaves);
        if (leafOf != leafIndex) {
          leafIndex = leafOf;
          leaf = leaves.get(leafOf);
          values = leaf.reader().getBinaryDocValues(PassageFields.RECORD);
        }
        int doc = docs[i] - leaf.docBase;
        passages[i] = values != null && values.advanceExact(doc) ? decode(values.binaryValue())
            : fromStoredFields(leaf.reader().storedFields().document(doc));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return passages;
  }

  private static Passage fromStoredFields(Document doc) {
    String ordinal = doc.get(PassageFields.ORDINAL);
    return new Passage(doc.get(PassageFields.ID), doc.get(PassageFields.PATH), doc.get(PassageFields.TITLE),
        doc.get(PassageFields.SECTION), doc.get(PassageFields.TEXT), ordinal == null ? 0 : Integer.parseInt(ordinal),
        doc.get(PassageFields.LANGUAGE));
  }
}
