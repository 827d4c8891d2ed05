package com.tradewind.connectors.slack;

import com.tradewind.connectors.slack.SlackSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack request signing, version {@code v0}: {@code HMAC-SHA256(secret, "v0:" + ts + ":" + rawBody)}
 * compared in constant time, with timestamps more than the window away from now (in either
 * direction) rejected so a captured request cannot be replayed later or pre-dated.
 */
public final class SlackSignatureVerifier {

  /** Slack's documented replay window. */
  public static final Duration WINDOW = Duration.ofMinutes(5);
  private static final String VERSION = "v0";

  private final SecretKeySpec key;
  private final Clock clock;
  /** A keyed Mac per thread: looking up the provider and keying it on every request costs more than the HMAC. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /** @param signingSecret used as is (UTF-8 bytes), never hex- or base64-decoded */
  public SlackSignatureVerifier(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret is empty");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /**
   * Checks one request.
   *
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, or null
   * @param signature the {@code X-Slack-Signature} header, or null
   * @param rawBody the request bytes exactly as received, before any parsing
   * @throws SlackSignatureException when the request must be rejected
   */
  public void verify(String timestamp, String signature, byte[] rawBody) throws SlackSignatureException {
    if (timestamp == null || signature == null || rawBody == null) {
      throw new SlackSignatureException(Reason.MISSING_HEADERS, "missing Slack signature headers");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw new SlackSignatureException(Reason.MALFORMED, "timestamp is not a number");
    }
    long age = clock.instant().getEpochSecond() - seconds;
    if (age > WINDOW.toSeconds()) {
      throw new SlackSignatureException(Reason.STALE_TIMESTAMP, "timestamp is " + age + " s old");
    }
    if (-age > WINDOW.toSeconds()) {
      throw new SlackSignatureException(Reason.FUTURE_TIMESTAMP, "timestamp is " + -age + " s in the future");
    }
    String presented = signature.strip();
    if (!presented.startsWith(VERSION + "=") || presented.length() != 3 + 64) {
      throw new SlackSignatureException(Reason.MALFORMED, "signature is not v0=<64 hex digits>");
    }
    byte[] expected = sign(timestamp.strip(), rawBody).getBytes(StandardCharsets.US_ASCII);
    byte[] given = presented.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new SlackSignatureException(Reason.BAD_SIGNATURE, "signature does not match the body");
    }
  }

  /** The {@code X-Slack-Signature} value for a body: tests and the benchmark sign with it. */
  public String sign(String timestamp, byte[] rawBody) {
    Mac mac = macs.get();
    mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
    return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(rawBody)); // doFinal also resets it
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e); // every JDK has it
    }
  }
}
