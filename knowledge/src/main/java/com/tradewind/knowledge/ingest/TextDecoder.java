package com.tradewind.knowledge.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text files whose encoding is not declared: UTF-8 (with or without BOM), UTF-16 with
 * BOM, and legacy Chinese encodings (GB18030/GBK, Big5) detected by ICU's statistical detector.
 */
public final class TextDecoder {

  private TextDecoder() {}

  public static String decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    String utf8 = strictly(bytes, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return utf8;
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    // ICU reports GB18030 for any GB-family text; Big5 likewise covers Big5-HKSCS input.
    for (CharsetMatch match : detector.detectAll()) {
      String name = match.getName();
      if (Charset.isSupported(name)) {
        String decoded = strictly(bytes, Charset.forName(name));
        if (decoded != null) {
          return decoded;
        }
      }
    }
    return new String(bytes, Charset.forName("GB18030"));
  }

  /** True when the bytes look like a binary file rather than text in any encoding we read. */
  public static boolean looksBinary(byte[] bytes) {
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      return false;
    }
    int limit = Math.min(bytes.length, 8192);
    int controls = 0;
    for (int i = 0; i < limit; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
        controls++;
      }
    }
    return limit > 0 && controls * 20 > limit;
  }

  private static String strictly(byte[] bytes, Charset charset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
