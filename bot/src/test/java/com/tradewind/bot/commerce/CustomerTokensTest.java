package com.tradewind.bot.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CustomerTokensTest {

  private static final String SECRET = "shop-secret-0123456789";
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final CustomerTokens tokens = new CustomerTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  /** Builds a token exactly as docs/commerce.md tells a shop to, independently of the class. */
  private static String documented(String customerId, long expiry, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String sig = HexFormat.of().formatHex(mac.doFinal((customerId + "." + expiry).getBytes(StandardCharsets.UTF_8)));
    return "v1." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(customerId.getBytes(StandardCharsets.UTF_8)) + "." + expiry + "." + sig;
  }

  @Test
  void documentedFormatVerifies() throws Exception {
    long expiry = NOW.plus(Duration.ofHours(1)).getEpochSecond();
    assertEquals(Optional.of("customer-77"), tokens.verify(documented("customer-77", expiry, SECRET)));
    assertEquals(documented("customer-77", expiry, SECRET), tokens.issue("customer-77", Duration.ofHours(1)));
  }

  @Test
  void expiredFutureForgedAndMalformedTokensAreRefused() throws Exception {
    assertTrue(tokens.verify(documented("customer-77", NOW.minusSeconds(1).getEpochSecond(), SECRET)).isEmpty());
    assertTrue(tokens.verify(documented("customer-77", NOW.plus(Duration.ofDays(400)).getEpochSecond(), SECRET))
        .isEmpty());
    long expiry = NOW.plus(Duration.ofHours(1)).getEpochSecond();
    assertTrue(tokens.verify(documented("customer-77", expiry, "another-secret-0123456")).isEmpty());
    String valid = documented("customer-77", expiry, SECRET);
    String otherCustomer = valid.replace(valid.split("\\.")[1],
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("customer-78".getBytes(StandardCharsets.UTF_8)));
    assertTrue(tokens.verify(otherCustomer).isEmpty(), "the signature covers the customer id");
    for (String bad : new String[] {"", "v1", "v1.a.b.c", "v2" + valid.substring(2), valid + ".x", "v1.!!!.1.00"}) {
      assertTrue(tokens.verify(bad).isEmpty(), bad);
    }
  }

  @Test
  void shortSecretsAreRejectedAtStartUp() {
    var e = assertThrows(IllegalArgumentException.class, () -> new CustomerTokens("short", Clock.systemUTC()));
    assertTrue(e.getMessage().contains("TRADEWIND_WEB_CUSTOMER_SECRET"));
  }
}
