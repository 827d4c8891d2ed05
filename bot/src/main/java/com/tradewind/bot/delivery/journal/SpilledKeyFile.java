package com.tradewind.bot.delivery.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One immutable file of dedupe keys moved out of the heap: 128-bit fingerprints sorted as
 * unsigned numbers, each with its expiry. Looked up in place through a read-only memory mapping,
 * so the keys cost page cache, not heap.
 *
 * <p>Layout: a 48-byte header (magic, entry count, earliest and latest expiry, CRC32C of the
 * entries, format version, CRC32C of the header bytes before it, 4 reserved), then 24 bytes an entry
 * (fingerprint high and low half, expiry in epoch milliseconds), big-endian. The name says which
 * spills it holds: {@code dedupe-<first>-<last>.keys}, so a merged file names the range it
 * replaced.
 *
 * <p>Opening checks the header and that the size matches the count, which catches a truncated
 * file without reading the entries; the entries' checksum is verified by {@link #verify} (merges
 * read every entry anyway).
 */
final class SpilledKeyFile {

  static final int HEADER = 48;
  static final int ENTRY = 24;
  private static final long MAGIC = 0x5457444b45595331L; // "TWDKEYS1"
  private static final int VERSION = 1;
  /** Entries a mapping window holds: a MappedByteBuffer cannot exceed 2 GB. */
  private static final int WINDOW_ENTRIES = 1 << 26;

  private final Path path;
  private final long first;
  private final long last;
  private final long count;
  private final long minExpiry;
  private final long maxExpiry;
  private final int dataCrc;
  private final MappedByteBuffer[] windows;

  private SpilledKeyFile(Path path, long first, long last, long count, long minExpiry, long maxExpiry, int dataCrc,
      MappedByteBuffer[] windows) {
    this.path = path;
    this.first = first;
    this.last = last;
    this.count = count;
    this.minExpiry = minExpiry;
    this.maxExpiry = maxExpiry;
    this.dataCrc = dataCrc;
    this.windows = windows;
  }

  static String name(long first, long last) {
    return String.format("dedupe-%010d-%010d.keys", first, last);
  }

  /** The spill range of a file name, or null when the name is not one of ours. */
  static long[] range(String fileName) {
    if (!fileName.startsWith("dedupe-") || !fileName.endsWith(".keys")) {
      return null;
    }
    String[] parts = fileName.substring(7, fileName.length() - 5).split("-");
    if (parts.length != 2) {
      return null;
    }
    try {
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Maps a file and checks its header and size.
   *
   * @throws JournalCorruptException naming the file when it is truncated, padded or not ours
   */
  static SpilledKeyFile open(Path path) throws IOException {
    long[] range = range(path.getFileName().toString());
    if (range == null) {
      throw new JournalCorruptException(path.getFileName() + " is not named like a dedupe key file");
    }
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = in.size();
      if (size < HEADER) {
        throw new JournalCorruptException(path.getFileName() + " is truncated: " + size + " bytes, shorter than its header");
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      while (header.hasRemaining() && in.read(header, header.position()) > 0) {
        // read the header fully
      }
      header.flip();
      CRC32C crc = new CRC32C();
      crc.update(header.array(), 0, 40);
      long magic = header.getLong(0);
      long count = header.getLong(8);
      int version = header.getInt(36);
      if (magic != MAGIC || header.getInt(40) != (int) crc.getValue()) {
        throw new JournalCorruptException(path.getFileName() + " has a damaged header (not a dedupe key file, or overwritten)");
      }
      if (version != VERSION) {
        throw new JournalCorruptException(path.getFileName() + " has format version " + version + ", this version reads " + VERSION);
      }
      if (count < 0 || size != HEADER + count * ENTRY) {
        throw new JournalCorruptException(path.getFileName() + " is truncated or padded: " + size + " bytes for " + count
            + " keys (" + (HEADER + count * ENTRY) + " expected)");
      }
      int windowCount = (int) ((count + WINDOW_ENTRIES - 1) / WINDOW_ENTRIES);
      MappedByteBuffer[] windows = new MappedByteBuffer[windowCount];
      for (int w = 0; w < windowCount; w++) {
        long start = (long) w * WINDOW_ENTRIES;
        long entries = Math.min(WINDOW_ENTRIES, count - start);
        windows[w] = in.map(FileChannel.MapMode.READ_ONLY, HEADER + start * ENTRY, entries * ENTRY);
      }
      return new SpilledKeyFile(path, range[0], range[1], count, header.getLong(16), header.getLong(24),
          header.getInt(32), windows);
    }
  }

  /**
   * Writes sorted, distinct entries to {@code tmp} and fsyncs it; the caller renames it. Nothing
   * else reads a temporary file, and start-up deletes one left by a crash.
   */
  static void write(Path tmp, SortedKeys keys) throws IOException {
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      Writer writer = new Writer(out);
      for (int i = 0; i < keys.size(); i++) {
        writer.add(keys.hi(i), keys.lo(i), keys.expiry(i));
      }
      writer.finish();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Streams entries, in order, after a header written last (the count is known only at the end). */
  static final class Writer {
    private final FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocate(ENTRY * 4096);
    private final CRC32C crc = new CRC32C();
    private long count;
    private long minExpiry = Long.MAX_VALUE;
    private long maxExpiry;
    private long lastHi;
    private long lastLo;

    Writer(FileChannel out) throws IOException {
      this.out = out;
      out.position(HEADER);
    }

    void add(long hi, long lo, long expiry) throws IOException {
      if (count > 0 && compare(hi, lo, lastHi, lastLo) <= 0) {
        throw new IllegalStateException("entries must be sorted and distinct");
      }
      lastHi = hi;
      lastLo = lo;
      if (buffer.remaining() < ENTRY) {
        flush();
      }
      buffer.putLong(hi).putLong(lo).putLong(expiry);
      count++;
      minExpiry = Math.min(minExpiry, expiry);
      maxExpiry = Math.max(maxExpiry, expiry);
    }

    long count() {
      return count;
    }

    private void flush() throws IOException {
      buffer.flip();
      crc.update(buffer.array(), 0, buffer.limit());
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      buffer.clear();
    }

    void finish() throws IOException {
      flush();
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      header.putLong(MAGIC).putLong(count).putLong(count == 0 ? 0 : minExpiry).putLong(maxExpiry)
          .putInt((int) crc.getValue()).putInt(VERSION);
      CRC32C headerCrc = new CRC32C();
      headerCrc.update(header.array(), 0, 40);
      header.putInt((int) headerCrc.getValue()).putInt(0); // 4 bytes reserved
      header.flip();
      int at = 0;
      while (header.hasRemaining()) {
        at += out.write(header, at);
      }
      out.force(true);
    }
  }

  /**
   * The expiry of the fingerprint, or 0 when the file does not hold it. The fingerprints are
   * uniformly spread, so an interpolation search finds the place in a few probes (each narrows
   * the range to where the high half should be); a binary search finishes a short range, and
   * takes over if interpolation does not converge (keys that are not fingerprints).
   */
  long expiry(long hi, long lo) {
    long from = 0;
    long to = count - 1;
    for (int probes = 0; to - from > 32 && probes < 8; probes++) {
      long fromHi = hiAt(from);
      long toHi = hiAt(to);
      if (Long.compareUnsigned(hi, fromHi) < 0 || Long.compareUnsigned(hi, toHi) > 0) {
        return 0;
      }
      double span = unsignedToDouble(toHi - fromHi);
      long at = span <= 0 ? from : from + (long) ((to - from) * (unsignedToDouble(hi - fromHi) / span));
      at = Math.max(from, Math.min(to, at));
      int c = compare(hi, lo, hiAt(at), loAt(at));
      if (c == 0) {
        return expiryAt(at);
      }
      if (c < 0) {
        to = at - 1;
      } else {
        from = at + 1;
      }
    }
    while (from <= to) {
      long mid = (from + to) >>> 1;
      int c = compare(hi, lo, hiAt(mid), loAt(mid));
      if (c == 0) {
        return expiryAt(mid);
      }
      if (c < 0) {
        to = mid - 1;
      } else {
        from = mid + 1;
      }
    }
    return 0;
  }

  private static double unsignedToDouble(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0;
  }

  long hiAt(long i) {
    return windows[(int) (i / WINDOW_ENTRIES)].getLong((int) (i % WINDOW_ENTRIES) * ENTRY);
  }

  long loAt(long i) {
    return windows[(int) (i / WINDOW_ENTRIES)].getLong((int) (i % WINDOW_ENTRIES) * ENTRY + 8);
  }

  long expiryAt(long i) {
    return windows[(int) (i / WINDOW_ENTRIES)].getLong((int) (i % WINDOW_ENTRIES) * ENTRY + 16);
  }

  /**
   * Reads every entry and compares its checksum with the header's.
   *
   * @throws JournalCorruptException naming the file when the entries were damaged
   */
  void verify() {
    CRC32C crc = new CRC32C();
    for (MappedByteBuffer window : windows) {
      crc.update(window.duplicate().clear());
    }
    if ((int) crc.getValue() != dataCrc) {
      throw new JournalCorruptException(path.getFileName() + ": the keys do not match their checksum (damaged on disk)");
    }
  }

  static int compare(long hi, long lo, long otherHi, long otherLo) {
    int c = Long.compareUnsigned(hi, otherHi);
    return c != 0 ? c : Long.compareUnsigned(lo, otherLo);
  }

  Path path() {
    return path;
  }

  /** Number of the first spill this file holds. */
  long first() {
    return first;
  }

  /** Number of the last spill this file holds. */
  long last() {
    return last;
  }

  long count() {
    return count;
  }

  long minExpiry() {
    return minExpiry;
  }

  /** Once this has passed, every key of the file has expired and the file can go. */
  long maxExpiry() {
    return maxExpiry;
  }

  @Override
  public String toString() {
    return path.getFileName() + " (" + count + " keys)";
  }
}
