package com.tradewind.connectors.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documented notification shapes, batches, and the gaps real payloads have. */
class WhatsAppWebhookParserTest {

  private final WhatsAppWebhookParser parser = new WhatsAppWebhookParser();

  @Test
  void textMessage() throws Exception {
    WhatsAppNotification n = parser.parse(Payloads.bytes("text-message.json"));
    assertTrue(n.relevant());
    assertEquals(1, n.messages().size());
    WhatsAppInbound m = n.messages().get(0);
    assertEquals("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", m.id());
    assertEquals("16505551234", m.from());
    assertEquals(Instant.ofEpochSecond(1739321024), m.timestamp());
    assertEquals(WhatsAppInbound.Kind.TEXT, m.kind());
    assertEquals("Hello", m.text());
    assertNull(m.actionId());
    assertEquals("Sheena Nelson", m.contactName());
    assertEquals("106540352242922", m.phoneNumberId());
    assertTrue(n.statuses().isEmpty());
  }

  @Test
  void buttonReplyListReplyAndQuickReplyCarryTheirIds() throws Exception {
    List<WhatsAppInbound> m = parser.parse(Payloads.bytes("interactive-replies.json")).messages();
    assertEquals(3, m.size());
    assertEquals(List.of(WhatsAppInbound.Kind.REPLY, WhatsAppInbound.Kind.REPLY, WhatsAppInbound.Kind.REPLY),
        m.stream().map(WhatsAppInbound::kind).toList());
    assertEquals("cancel-button", m.get(0).actionId());
    assertEquals("Cancel", m.get(0).text());
    assertEquals("priority_express", m.get(1).actionId());
    assertEquals("Priority Mail Express", m.get(1).text());
    assertEquals("track", m.get(2).actionId());
    assertEquals("Track parcel", m.get(2).text());
    assertEquals("button", m.get(2).type());
  }

  @Test
  void mediaLocationAndUnsupportedAreNonTextWhileReactionsAreIgnored() throws Exception {
    List<WhatsAppInbound> m = parser.parse(Payloads.bytes("non-text-messages.json")).messages();
    assertEquals(List.of("image", "location", "audio", "sticker", "reaction", "unsupported"),
        m.stream().map(WhatsAppInbound::type).toList());
    assertEquals(List.of(WhatsAppInbound.Kind.NON_TEXT, WhatsAppInbound.Kind.NON_TEXT, WhatsAppInbound.Kind.NON_TEXT,
        WhatsAppInbound.Kind.NON_TEXT, WhatsAppInbound.Kind.IGNORED, WhatsAppInbound.Kind.NON_TEXT),
        m.stream().map(WhatsAppInbound::kind).toList());
    assertNull(m.get(0).text(), "an image caption is not a typed question");
  }

  @Test
  void statusesWithoutMessagesKeepFailureCodeAndDetails() throws Exception {
    WhatsAppNotification n = parser.parse(Payloads.bytes("statuses.json"));
    assertTrue(n.relevant());
    assertTrue(n.messages().isEmpty());
    assertEquals(2, n.statuses().size());
    WhatsAppStatus delivered = n.statuses().get(0);
    assertEquals("delivered", delivered.status());
    assertEquals("60173526233", delivered.recipientId());
    assertEquals(Instant.ofEpochSecond(1694492484), delivered.timestamp());
    WhatsAppStatus failed = n.statuses().get(1);
    assertEquals("failed", failed.status());
    assertEquals(131047, failed.errors().get(0).code());
    assertTrue(failed.errors().get(0).details().startsWith("Message failed to send because more than 24 hours"));
  }

  @Test
  void accountLevelErrorsAreReadWithTheirDetails() throws Exception {
    WhatsAppNotification n = parser.parse(Payloads.bytes("value-errors.json"));
    assertTrue(n.relevant());
    assertTrue(n.messages().isEmpty() && n.statuses().isEmpty());
    assertEquals(131042, n.errors().get(0).code());
    assertTrue(n.errors().get(0).details().contains("payment method"));
  }

  @Test
  void batchOfEntriesChangesAndMessagesInOrder() throws Exception {
    WhatsAppNotification n = parser.parse(Payloads.bytes("batch.json"));
    assertEquals(List.of("5215512345678", "5491123456789", "447700900123"),
        n.messages().stream().map(WhatsAppInbound::from).toList());
    assertEquals("¿dónde está mi pedido?", n.messages().get(0).text());
    assertEquals("Ana", n.messages().get(0).contactName());
    assertEquals("106540352242923", n.messages().get(2).phoneNumberId());
    assertEquals(1, n.statuses().size());
    assertEquals("sent", n.statuses().get(0).status());
    assertEquals(1, n.skipped(), "the message without a sender");
  }

  @Test
  void otherFieldsAndObjectsAreIrrelevant() throws Exception {
    assertFalse(parser.parse(Payloads.bytes("other-field.json")).relevant());
    assertFalse(parser.parse(Payloads.bytes("other-object.json")).relevant());
    assertFalse(parser.parse(bytes("{\"object\":\"whatsapp_business_account\"}")).relevant());
    WhatsAppNotification noArrays = parser.parse(bytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{}}]}]}"));
    assertTrue(noArrays.relevant());
    assertTrue(noArrays.messages().isEmpty() && noArrays.statuses().isEmpty());
  }

  @Test
  void wrongShapesInsideTheEnvelopeDoNotBreakParsing() throws Exception {
    WhatsAppNotification n = parser.parse(bytes("""
        {"object":"whatsapp_business_account","entry":{"id":"x"}}"""));
    assertFalse(n.relevant());
    n = parser.parse(bytes("""
        {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
          "messages":[{"from":"1","id":"a","timestamp":"soon","type":"text","text":"not an object"},
                      {"from":"1","id":"b","timestamp":1739321024,"type":"interactive","interactive":{"type":"nfm_reply"}},
                      {"from":"1","id":"c"}],
          "statuses":[{"id":"s"}]}}]}]}"""));
    assertEquals(3, n.messages().size());
    assertEquals("", n.messages().get(0).text());
    assertNull(n.messages().get(0).timestamp());
    assertEquals(WhatsAppInbound.Kind.NON_TEXT, n.messages().get(1).kind());
    assertEquals(Instant.ofEpochSecond(1739321024), n.messages().get(1).timestamp());
    assertEquals(WhatsAppInbound.Kind.NON_TEXT, n.messages().get(2).kind(), "no type at all");
    assertEquals(1, n.skipped(), "the status without a state");
  }

  @Test
  void malformedBodiesAreRejected() {
    for (String body : new String[] {"", "{", "[]", "\"text\"", "{} {}", "{\"object\":", "null"}) {
      assertThrows(WhatsAppPayloadException.class, () -> parser.parse(bytes(body)), body);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
