package com.tradewind.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

  private static final String SIMPLIFIED = "卖家发起纠纷后，平台会在七个工作日内作出裁决。经济型物流适合低价轻小商品，运费较低但时效较长。";
  private static final String TRADITIONAL = "賣家發起糾紛後，平臺會在七個工作日內作出裁決。經濟型物流適合低價輕小商品，運費較低但時效較長。";

  @Test
  void decodesUtf8WithAndWithoutBom() {
    byte[] plain = SIMPLIFIED.getBytes(StandardCharsets.UTF_8);
    assertEquals(SIMPLIFIED, TextDecoder.decode(plain));
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    assertEquals(SIMPLIFIED, TextDecoder.decode(bom));
  }

  @Test
  void decodesGb18030() {
    assertEquals(SIMPLIFIED, TextDecoder.decode(SIMPLIFIED.getBytes(Charset.forName("GB18030"))));
  }

  @Test
  void decodesBig5() {
    assertEquals(TRADITIONAL, TextDecoder.decode(TRADITIONAL.getBytes(Charset.forName("Big5"))));
  }

  @Test
  void decodesUtf16WithBom() {
    assertEquals(SIMPLIFIED, TextDecoder.decode(("\uFEFF" + SIMPLIFIED).getBytes(StandardCharsets.UTF_16BE)));
  }

  @Test
  void recognizesBinaryContent() {
    assertTrue(TextDecoder.looksBinary(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x12}));
    assertFalse(TextDecoder.looksBinary(SIMPLIFIED.getBytes(StandardCharsets.UTF_8)));
    assertFalse(TextDecoder.looksBinary(SIMPLIFIED.getBytes(Charset.forName("GB18030"))));
  }
}
