package com.tradewind.connectors.slack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradewind.connectors.slack.SlackSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TS = "1531420618";
  private static final String PUBLISHED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static SlackSignatureVerifier at(long epochSecond) {
    return new SlackSignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void slacksPublishedVectorIsAccepted() {
    byte[] body = Fixtures.bytes("signing-vector.form");
    assertEquals(PUBLISHED, at(1531420618).sign(TS, body));
    assertDoesNotThrow(() -> at(1531420618).verify(TS, PUBLISHED, body));
    assertDoesNotThrow(() -> at(1531420618).verify(TS, PUBLISHED.toUpperCase().replace("V0=", "v0="), body));
  }

  @Test
  void selfComputedVectorsForJsonAndEmptyBodies() {
    byte[] challenge = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals("v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652", at(0).sign(TS, challenge));
    assertEquals("v0=55f41ec73231010289b54e669149ea021fccab11b5524355523533ce930cb739", at(0).sign(TS, new byte[0]));
  }

  @Test
  void aChangedBodyIsRejected() {
    byte[] body = (new String(Fixtures.bytes("signing-vector.form"), StandardCharsets.UTF_8) + "------")
        .getBytes(StandardCharsets.UTF_8);
    SlackSignatureException e = assertThrows(SlackSignatureException.class, () -> at(1531420618).verify(TS, PUBLISHED, body));
    assertEquals(Reason.BAD_SIGNATURE, e.reason());
  }

  @Test
  void timestampsMoreThanFiveMinutesAwayAreRejectedInBothDirections() {
    byte[] body = Fixtures.bytes("signing-vector.form");
    assertDoesNotThrow(() -> at(1531420618 + 300).verify(TS, PUBLISHED, body));
    assertDoesNotThrow(() -> at(1531420618 - 300).verify(TS, PUBLISHED, body));
    assertEquals(Reason.STALE_TIMESTAMP, assertThrows(SlackSignatureException.class,
        () -> at(1531420618 + 301).verify(TS, PUBLISHED, body)).reason());
    assertEquals(Reason.FUTURE_TIMESTAMP, assertThrows(SlackSignatureException.class,
        () -> at(1531420618 - 301).verify(TS, PUBLISHED, body)).reason());
    // the real clock: the published request is years old
    assertEquals(Reason.STALE_TIMESTAMP, assertThrows(SlackSignatureException.class,
        () -> new SlackSignatureVerifier(SECRET, Clock.systemUTC()).verify(TS, PUBLISHED, body)).reason());
  }

  @Test
  void missingOrMalformedHeadersAreRejected() {
    byte[] body = Fixtures.bytes("signing-vector.form");
    SlackSignatureVerifier verifier = at(1531420618);
    assertEquals(Reason.MISSING_HEADERS, assertThrows(SlackSignatureException.class, () -> verifier.verify(null, PUBLISHED, body)).reason());
    assertEquals(Reason.MISSING_HEADERS, assertThrows(SlackSignatureException.class, () -> verifier.verify(TS, null, body)).reason());
    assertEquals(Reason.MISSING_HEADERS, assertThrows(SlackSignatureException.class, () -> verifier.verify(TS, PUBLISHED, null)).reason());
    assertEquals(Reason.MALFORMED, assertThrows(SlackSignatureException.class, () -> verifier.verify("soon", PUBLISHED, body)).reason());
    assertEquals(Reason.MALFORMED, assertThrows(SlackSignatureException.class,
        () -> verifier.verify(TS, PUBLISHED.replace("v0=", "v1="), body)).reason());
    assertEquals(Reason.MALFORMED, assertThrows(SlackSignatureException.class, () -> verifier.verify(TS, "v0=abc", body)).reason());
  }

  @Test
  void anEmptySecretIsRefusedAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new SlackSignatureVerifier("", Clock.systemUTC()));
    assertThrows(IllegalArgumentException.class, () -> new SlackSignatureVerifier(null, Clock.systemUTC()));
  }
}
