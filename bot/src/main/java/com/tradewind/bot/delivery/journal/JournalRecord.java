package com.tradewind.bot.delivery.journal;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One journal entry. On disk: a 4-byte big-endian length of what follows the checksum, a 4-byte
 * CRC32C of those bytes, one type byte and a UTF-8 JSON body. The checksum is what lets replay
 * tell a record torn by a crash (or rotted on disk) from a good one.
 */
public record JournalRecord(Type type, JsonObject body) {

  /** Bytes before the type byte: length and checksum. */
  static final int HEADER = 8;
  /** Larger lengths can only come from corruption: no webhook body is near this size. */
  public static final int MAX_LENGTH = 8 * 1024 * 1024;

  /** What a record says. */
  public enum Type {
    /** A message was recorded (and acknowledged): body is the message and its key expiry. */
    OFFER('O'),
    /** The message with this id was answered. */
    DONE('D'),
    /** The message with this id failed for good after its retries. */
    FAILED('F'),
    /** Dedupe keys of answered messages, carried over by compaction. */
    KEYS('K');

    final byte code;

    Type(char code) {
      this.code = (byte) code;
    }

    static Type of(byte code) {
      for (Type t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      return null;
    }
  }

  /** The bytes of this record, header included. */
  public byte[] encode() {
    byte[] json = com.tradewind.bot.delivery.InboundMessageJson.encode(body).getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(HEADER + 1 + json.length);
    out.putInt(1 + json.length);
    CRC32C crc = new CRC32C();
    crc.update(type.code);
    crc.update(json);
    out.putInt((int) crc.getValue());
    out.put(type.code).put(json);
    return out.array();
  }

  /**
   * Reads the record at the buffer's position and advances past it.
   *
   * @return the record, or null when the buffer ends inside it (a torn tail: the position is left
   *     where the record starts)
   * @throws JournalCorruptException when the bytes cannot be a record written by {@link #encode}
   */
  public static JournalRecord decode(ByteBuffer in) {
    int start = in.position();
    if (in.remaining() < HEADER) {
      return null;
    }
    int length = in.getInt();
    int checksum = in.getInt();
    if (length < 1 || length > MAX_LENGTH) {
      in.position(start);
      throw new JournalCorruptException("bad record length " + length + " at offset " + start);
    }
    if (in.remaining() < length) {
      in.position(start);
      return null;
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    if ((int) crc.getValue() != checksum) {
      in.position(start);
      throw new JournalCorruptException("checksum mismatch at offset " + start);
    }
    Type type = Type.of(bytes[0]);
    if (type == null) {
      in.position(start);
      throw new JournalCorruptException("unknown record type " + bytes[0] + " at offset " + start);
    }
    try {
      Object json = io.vertx.core.json.Json.decodeValue(new String(bytes, 1, length - 1, StandardCharsets.UTF_8));
      if (!(json instanceof JsonObject body)) {
        in.position(start);
        throw new JournalCorruptException("record body is not a JSON object at offset " + start);
      }
      return new JournalRecord(type, body);
    } catch (DecodeException e) {
      in.position(start);
      throw new JournalCorruptException("record body is not JSON at offset " + start);
    }
  }
}
