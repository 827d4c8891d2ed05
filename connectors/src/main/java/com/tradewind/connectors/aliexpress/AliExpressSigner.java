package com.tradewind.connectors.aliexpress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The IOP gateway signature: every parameter except {@code sign} and empty ones, sorted by name
 * in ASCII order, concatenated as {@code name1value1name2value2} with raw (not URL-encoded)
 * values, prefixed with the API path for {@code /rest} APIs only (never for {@code /sync}
 * {@code method=} calls), HMAC-SHA256 with the app secret, upper-case hex.
 */
public final class AliExpressSigner {

  private AliExpressSigner() {}

  /** The string that is signed; exposed so tests can compare it with the documented examples. */
  public static String stringToSign(String apiPath, Map<String, String> params) {
    StringBuilder out = new StringBuilder(apiPath == null ? "" : apiPath);
    new TreeMap<>(params).forEach((name, value) -> {
      if (!"sign".equals(name) && value != null && !value.isEmpty()) {
        out.append(name).append(value);
      }
    });
    return out.toString();
  }

  /**
   * @param apiPath {@code /auth/token/create} for a {@code /rest} API; empty for {@code /sync}
   * @return the {@code sign} parameter
   */
  public static String sign(String apiPath, Map<String, String> params, String appSecret) {
    return hmac(stringToSign(apiPath, params), appSecret);
  }

  /** HMAC-SHA256 of {@code data} with {@code secret}, upper-case hex. */
  public static String hmac(String data, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().withUpperCase().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
