package com.tradewind.bot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The masking rules one by one: what is masked and what is left alone. */
class SecretMaskerTest {

  private final SecretMasker masker = SecretMasker.fromEnvironment(Map.of(
      "TRADEWIND_SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5", "TRADEWIND_HTTP_PORT", "8080",
      "SHORT_TOKEN", "abc"));

  @Test
  void masksTokensSecretsAndPersonalData() {
    List<String[]> cases = List.of(
        new String[] {"secret 8f742231b10e8888abcd99yyyzzz85a5 used", "secret **** used"},
        new String[] {"token xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "token ****"},
        new String[] {"Authorization: Bearer abc.def-ghi_jkl", "Authorization: ****"},
        new String[] {"shopify shpat_0123456789abcdef0123456789abcdef ok", "shopify **** ok"},
        new String[] {"graph EAAGm0PX4ZCpsBAKZAZB7hZCZAZCx7ZAp0ZAZBvPJhJhq3ZC", "graph ****"},
        new String[] {"{\"client_secret\": \"s3cr3t-value\"}", "{\"client_secret\": \"****\"}"},
        new String[] {"mail ana.souza@example.com now", "mail **** now"},
        new String[] {"call +55 11 91234-5678 today", "call **** today"},
        new String[] {"ship to 221B Baker Street, London", "ship to ****, London"},
        new String[] {"envío a Calle Mayor 12, Madrid", "envío a ****, Madrid"},
        new String[] {"Hauptstraße 5 in Berlin", "**** in Berlin"},
        new String[] {"北京市朝阳区建国路88号", "****"});
    for (String[] c : cases) {
      assertEquals(c[1], masker.mask(c[0]), c[0]);
    }
  }

  @Test
  void leavesOrderNumbersParcelsPortsAndShortNumbersAlone() {
    for (String text : List.of("order 8123456789012345", "parcel RR123456785CN", "port 8080 and 3 retries",
        "2026-11-28 20:15:22", "took 1234 ms", "#1001")) {
      assertEquals(text, masker.mask(text));
    }
  }

  /** The bearer rule looks for a 'b' or 'B' before lower-casing: no other character lower-cases to a text with a 'b'. */
  @org.junit.jupiter.api.Test
  void onlyBLowerCasesToB() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp != 'b' && cp != 'B' && !Character.isSurrogate((char) cp)) {
        String lower = new String(Character.toChars(cp)).toLowerCase(java.util.Locale.ROOT);
        org.junit.jupiter.api.Assertions.assertEquals(-1, lower.indexOf('b'), () -> Integer.toHexString(0));
      }
    }
  }

  /** Clean texts are remembered; masked ones are masked again every time, whatever was seen before. */
  @Test
  void repeatedTextsGiveTheSameResult() {
    String clean = "turn channel=web intent=greeting outcome=REPLIED";
    String dirty = "mail ana.souza@example.com now";
    for (int i = 0; i < 3; i++) {
      assertEquals(clean, masker.mask(clean));
      assertEquals("mail **** now", masker.mask(dirty));
      assertEquals("mail **** now", masker.mask(new String(dirty.toCharArray())));
    }
    // thousands of distinct clean texts share the table's slots with texts that need masking
    for (int i = 0; i < 5_000; i++) {
      assertEquals("conversation c-" + i, masker.mask("conversation c-" + i));
      assertEquals("call **** now " + i, masker.mask("call +55 11 91234-5678 now " + i));
    }
    String long1 = "x".repeat(200) + " ana.souza@example.com";
    assertEquals("x".repeat(200) + " ****", masker.mask(long1));
    assertEquals("x".repeat(200) + " ****", masker.mask(long1));
  }
}
