package com.tradewind.bot.commerce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Customer tokens a shop signs for its logged-in customers so the web chat may show them their
 * orders: {@code v1.<base64url(customer id)>.<expiry, epoch seconds>.<hex HMAC-SHA256 of
 * "customerId.expiry" with TRADEWIND_WEB_CUSTOMER_SECRET>}. Expired tokens are refused, and so
 * are tokens valid further ahead than {@link #MAX_LIFETIME} (a shop never issues those; a
 * leaked secret or a clock error does).
 */
public final class CustomerTokens {

  public static final Duration MAX_LIFETIME = Duration.ofDays(30);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] secret;
  private final Clock clock;

  public CustomerTokens(String secret, Clock clock) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("TRADEWIND_WEB_CUSTOMER_SECRET must be at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Issues a token, as a shop's backend would (used by tests and documented as the reference). */
  public String issue(String customerId, Duration lifetime) {
    long expiry = clock.instant().plus(lifetime).getEpochSecond();
    return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(customerId.getBytes(StandardCharsets.UTF_8))
        + "." + expiry + "." + HEX.formatHex(mac(customerId + "." + expiry));
  }

  /** The customer id of a valid token; empty when it is malformed, forged, expired or too far ahead. */
  public Optional<String> verify(String token) {
    if (token == null || token.length() > 1000) {
      return Optional.empty();
    }
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 4 || !"v1".equals(parts[0]) || !parts[2].matches("[0-9]{1,12}")
        || !parts[3].matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    String customerId;
    try {
      customerId = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    long expiry = Long.parseLong(parts[2]);
    long now = clock.instant().getEpochSecond();
    boolean signed = MessageDigest.isEqual(mac(customerId + "." + expiry), HEX.parseHex(parts[3]));
    boolean current = expiry > now && expiry <= now + MAX_LIFETIME.toSeconds();
    return signed && current && !customerId.isBlank() ? Optional.of(customerId) : Optional.empty();
  }

  private byte[] mac(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
