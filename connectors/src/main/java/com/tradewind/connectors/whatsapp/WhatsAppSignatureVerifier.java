package com.tradewind.connectors.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the request body under the
 * app secret. It must be computed over the bytes exactly as received: Meta signs a body in which
 * non-ASCII characters are escaped ({@code \u00e4}), so a re-serialized body never matches.
 */
public final class WhatsAppSignatureVerifier {

  /** The header Meta puts the signature in. */
  public static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;

  public WhatsAppSignatureVerifier(String appSecret) {
    if (appSecret == null || appSecret.isEmpty()) {
      throw new IllegalArgumentException("the app secret is empty");
    }
    this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /**
   * Passes silently when {@code header} is the signature of {@code rawBody}.
   *
   * @throws WhatsAppSignatureException with the reason otherwise
   */
  public void verify(byte[] rawBody, String header) throws WhatsAppSignatureException {
    if (header == null || header.isBlank()) {
      throw new WhatsAppSignatureException(WhatsAppSignatureException.Reason.MISSING, "no " + HEADER + " header");
    }
    String value = header.strip();
    if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || value.length() != PREFIX.length() + 64) {
      throw new WhatsAppSignatureException(WhatsAppSignatureException.Reason.MALFORMED,
          HEADER + " must be sha256= followed by 64 hex digits");
    }
    byte[] claimed;
    try {
      claimed = HEX.parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new WhatsAppSignatureException(WhatsAppSignatureException.Reason.MALFORMED,
          HEADER + " must be sha256= followed by 64 hex digits");
    }
    if (!MessageDigest.isEqual(claimed, hmac(rawBody))) {
      throw new WhatsAppSignatureException(WhatsAppSignatureException.Reason.MISMATCH,
          HEADER + " does not match the request body");
    }
  }

  /** The header value Meta would send for {@code rawBody}; used by tests and local fakes. */
  public String sign(byte[] rawBody) {
    return PREFIX + HEX.formatHex(hmac(rawBody));
  }

  private byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
