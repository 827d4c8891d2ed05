package com.tradewind.bot.admin;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may see the dashboard: a request with {@code Authorization: Bearer <token>}, or a browser
 * holding the session cookie the login form sets. The cookie holds an HMAC of a fixed label keyed
 * with the token, never the token itself, so changing the token logs every browser out. All
 * comparisons are constant-time.
 */
final class AdminAuth {

  static final String COOKIE = "tradewind_admin";
  private final byte[] token;
  private final byte[] session;

  AdminAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.session = HexFormat.of().formatHex(hmac(this.token, "tradewind admin session v1"))
        .getBytes(StandardCharsets.UTF_8);
  }

  boolean allowed(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return matches(header.substring(7).strip());
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie != null && MessageDigest.isEqual(session, cookie.getValue().getBytes(StandardCharsets.UTF_8));
  }

  /** Compares digests, so neither the content nor the length of the token leaks through timing. */
  boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(sha256(token), sha256(candidate.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  Cookie sessionCookie(boolean secure) {
    return Cookie.cookie(COOKIE, new String(session, StandardCharsets.UTF_8)).setPath("/admin").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(secure).setMaxAge(12 * 3600);
  }

  static Cookie expiredCookie() {
    return Cookie.cookie(COOKIE, "").setPath("/admin").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setMaxAge(0);
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
