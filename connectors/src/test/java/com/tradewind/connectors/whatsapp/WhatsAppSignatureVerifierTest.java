package com.tradewind.connectors.whatsapp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The published and recomputed {@code X-Hub-Signature-256} vectors, and every way to fail them. */
class WhatsAppSignatureVerifierTest {

  private static final WhatsAppSignatureVerifier TEST_SECRET = new WhatsAppSignatureVerifier("test_app_secret");

  @Test
  void libraryPublishedVector() throws Exception {
    WhatsAppSignatureVerifier verifier = new WhatsAppSignatureVerifier("secret");
    String expected = "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914";
    assertEquals(expected, verifier.sign("test".getBytes(StandardCharsets.UTF_8)));
    verifier.verify("test".getBytes(StandardCharsets.UTF_8), expected);
  }

  @Test
  void oneLineTextNotificationVector() throws Exception {
    TEST_SECRET.verify(Payloads.bytes("text-message.json"),
        "sha256=4e4dcd5fa012219985a10075eb980535c64e383605fe1d7e6d7077dd3c1a9cd6");
  }

  @Test
  void escapedUnicodeIsVerifiedOverTheBytesAsSent() throws Exception {
    byte[] raw = Payloads.bytes("unicode-escaped.json");
    assertEquals("{\"text\":{\"body\":\"\\u00e4\\u00f6\\u00e5\"}}", new String(raw, StandardCharsets.US_ASCII));
    TEST_SECRET.verify(raw, "sha256=28a132fcd07b4a4dcf3ee8e776ab92654a5b421c9f49fc3fe1ee61e838ff55ff");
  }

  @Test
  void reEncodedBodyWithLiteralUtf8FailsTheSignatureMetaSent() throws Exception {
    String header = "sha256=28a132fcd07b4a4dcf3ee8e776ab92654a5b421c9f49fc3fe1ee61e838ff55ff";
    // what a handler gets by parsing the body and serializing it again
    byte[] reEncoded = new ObjectMapper().writeValueAsBytes(new ObjectMapper().readTree(Payloads.bytes("unicode-escaped.json")));
    assertEquals("{\"text\":{\"body\":\"äöå\"}}", new String(reEncoded, StandardCharsets.UTF_8));
    assertEquals("sha256=318293057b46b324e8d6179f67441b6ad18c3d5f4b7d06ca2304a52a7fad5ac3", TEST_SECRET.sign(reEncoded));
    WhatsAppSignatureException e = assertThrows(WhatsAppSignatureException.class, () -> TEST_SECRET.verify(reEncoded, header));
    assertEquals(WhatsAppSignatureException.Reason.MISMATCH, e.reason());
  }

  @Test
  void missingHeader() {
    for (String header : new String[] {null, "", "  "}) {
      WhatsAppSignatureException e = assertThrows(WhatsAppSignatureException.class,
          () -> TEST_SECRET.verify(Payloads.bytes("text-message.json"), header));
      assertEquals(WhatsAppSignatureException.Reason.MISSING, e.reason());
    }
  }

  @Test
  void malformedHeaders() {
    String hex = "4e4dcd5fa012219985a10075eb980535c64e383605fe1d7e6d7077dd3c1a9cd6";
    for (String header : new String[] {hex, "sha1=" + hex, "sha256=" + hex.substring(1), "sha256=" + hex + "00",
        "sha256=" + hex.substring(0, 63) + "g", "sha256=" + hex.substring(0, 62) + "\u00e4\u00e4"}) {
      WhatsAppSignatureException e = assertThrows(WhatsAppSignatureException.class,
          () -> TEST_SECRET.verify(Payloads.bytes("text-message.json"), header), header);
      assertEquals(WhatsAppSignatureException.Reason.MALFORMED, e.reason(), header);
    }
  }

  @Test
  void wrongSecretOrTamperedBodyIsAMismatch() throws Exception {
    byte[] body = Payloads.bytes("text-message.json");
    String good = TEST_SECRET.sign(body);
    WhatsAppSignatureException wrongKey = assertThrows(WhatsAppSignatureException.class,
        () -> new WhatsAppSignatureVerifier("another_secret").verify(body, good));
    assertEquals(WhatsAppSignatureException.Reason.MISMATCH, wrongKey.reason());
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Hello", "Hellp").getBytes(StandardCharsets.UTF_8);
    assertEquals(WhatsAppSignatureException.Reason.MISMATCH,
        assertThrows(WhatsAppSignatureException.class, () -> TEST_SECRET.verify(tampered, good)).reason());
  }

  @Test
  void upperCaseHexAndSurroundingSpacesAreAccepted() {
    byte[] body = Payloads.bytes("text-message.json");
    assertDoesNotThrow(() -> TEST_SECRET.verify(body,
        " sha256=4E4DCD5FA012219985A10075EB980535C64E383605FE1D7E6D7077DD3C1A9CD6 "));
  }
}
